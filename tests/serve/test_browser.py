"""End to end: `annotator serve` on loopback, a reviewer in headless Chromium presses a
rating key, and the rating is in the database.

Chromium is Debian's (`apt-get install chromium`, which `.ci/run` does); nothing is
downloaded. Set ANNOTATOR_SCREENSHOTS=docs/screenshots to refresh the README's picture.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# The flags this machine's Chromium needs as root with no network (see .ci/run).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Counts what the app sends, so the test presses keys only once the screen is drawn and
# the app is idle (the terminal is a canvas: there is no text to wait for).
WATCH_SOCKET = """
window.received = {bytes: 0, last: 0};
const NativeWebSocket = window.WebSocket;
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      window.received.bytes += event.data.byteLength ?? event.data.length;
      window.received.last = performance.now();
    });
  }
};
"""

playwright = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra)")
if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail("CI must install Debian's chromium (see .ci/run)", pytrace=False)
    pytest.skip("needs Debian's chromium: apt-get install chromium", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serve") / "team.db"
    subprocess.run(
        [sys.executable, "-m", "annotator", "ingest", str(ROOT / "seeds"), "--db", str(db)],
        check=True,
        capture_output=True,
    )
    return db


@pytest.fixture(scope="module")
def server(database: Path) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "annotator", "serve", "--db", str(database), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert process.poll() is None, process.stdout.read() if process.stdout else ""
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


def ratings(db: Path, reviewer: str) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT claim_id, json_extract(labels, '$.credibility') FROM annotations "
            "WHERE reviewer = ? ORDER BY id",
            (reviewer,),
        ).fetchall()


def first_claim(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("SELECT id FROM claims ORDER BY article_id, seq").fetchone()[0])


def test_a_rating_key_pressed_in_the_browser_lands_in_the_database(
    server: str, database: Path, tmp_path: Path
) -> None:
    profile = tmp_path / "chromium-profile"
    profile.mkdir()  # a new, empty --user-data-dir
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 800},
        )
        try:
            page = browser.new_page()
            page.add_init_script(WATCH_SOCKET)
            page.goto(f"{server}/?reviewer=alice")
            page.wait_for_function(
                "window.received.bytes > 1000 && performance.now() - window.received.last > 1000",
                timeout=60_000,
                polling=100,
            )
            assert ratings(database, "alice") == []
            page.click("#terminal")
            page.keyboard.press("4")
            deadline = time.monotonic() + 30
            while not ratings(database, "alice") and time.monotonic() < deadline:
                time.sleep(0.1)
            assert ratings(database, "alice") == [(first_claim(database), 4)]
            # The next claim is on screen once the app has drawn it.
            page.wait_for_function("performance.now() - window.received.last > 500")
            shot = tmp_path / "browser-review.png"
            page.screenshot(path=str(shot))
        finally:
            browser.close()
    assert shot.stat().st_size > 10_000  # a drawn screen, not a blank page
    if folder := os.environ.get("ANNOTATOR_SCREENSHOTS"):
        shutil.copy(shot, ROOT / folder / shot.name)


def test_without_a_name_the_page_asks_for_one(server: str) -> None:
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            page = browser.new_page()
            page.goto(server)
            page.fill("input[name=reviewer]", "bob")
            page.click("button[type=submit]")
            page.wait_for_url(f"{server}/?reviewer=bob")
            assert page.title() == "annotator review — bob"
        finally:
            browser.close()
