"""A read-only database, folder or mount: commands that only read work; commands that
write say "database is read-only: PATH" in one line, before doing anything.

Run as a user who really lacks write access (root is dropped to `nobody`), and on a
real read-only bind mount in a user namespace where the system allows one.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from annotator.labels import load_schema
from annotator.records import Article, ExtractedClaim, PipelineInfo, claim_id
from annotator.store import Store

ROOT = Path(__file__).resolve().parents[2]
INFO = PipelineInfo("read-only-test 0", "none")
TEXT = "Officials said the bridge would close. The mayor said it would not."


def unprivileged() -> list[str]:
    """A prefix that runs a command without root's power to write anything."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot drop write access")
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    if not _can_import_as(tuple(prefix)):
        # A virtual environment in a folder only root may enter (mktemp -d makes 0700).
        pytest.skip(
            "user nobody cannot read this Python environment; put the venv in a readable folder"
        )
    return prefix


@cache
def _can_import_as(prefix: tuple[str, ...]) -> bool:
    probe = [*prefix, sys.executable, "-c", "import annotator.cli"]
    return subprocess.run(probe, capture_output=True, cwd="/", timeout=60).returncode == 0


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder other users can reach (pytest's own temporary folders are private)."""
    path = Path(tempfile.mkdtemp(prefix="annotator-ro-"))
    path.chmod(0o755)
    yield path
    for child in path.rglob("*"):
        child.chmod(0o777)
    shutil.rmtree(path)


def make_db(path: Path) -> Path:
    with Store(path) as store:
        article = Article(text=TEXT, title="Bridge")
        store.add_article(article, [ExtractedClaim(0, "statement", 0, 38, TEXT[:38], 0, 38)], INFO)
        schema = load_schema()
        store.register_schema(schema.id, schema.name, schema.version, schema.content)
        store.add_annotation(
            claim_id(article.id, 0, 38), "ana", {"credibility": 3}, schema_id=schema.id
        )
        store.assign([(article.id, "ana")], run="test")  # a queue, which stats reads
    return path


def writers(db: Path, spare: Path) -> dict[str, list[str]]:
    article = spare / "article.txt"
    article.write_text("A new article.\n\nThe minister said talks would go on.\n")
    labels = spare / "labels.jsonl"
    labels.write_text(json.dumps({"claim": "0" * 16, "reviewer": "bo", "labels": {}}) + "\n")
    for path in (article, labels):
        path.chmod(0o644)
    return {
        "ingest": ["ingest", str(article), "--db", str(db)],
        "import-labels": ["import-labels", str(labels), "--db", str(db)],
        "review": ["review", "--db", str(db)],
        "assign": ["assign", "--reviewers", "ana,bo", "--db", str(db)],
        "merge-into": ["merge", str(make_db(spare / "other.db")), "--into", str(db)],
    }


def readers(db: Path, spare: Path) -> dict[str, list[str]]:
    return {
        "stats": ["stats", "--db", str(db)],
        "export": ["export", "--out", "-", "--db", str(db)],
        "audit": ["audit", "--db", str(db)],
        "check": ["check", "--db", str(db)],
        "backup": ["backup", str(spare / "copy.db"), "--db", str(db)],
        "merge-from": ["merge", str(db), "--into", str(spare / "team.db")],
    }


def run(prefix: list[str], argv: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "annotator", *argv],
        capture_output=True,
        text=True,
        cwd="/",
        timeout=120,
        env={**os.environ, "ANNOTATOR_REVIEWER": "ana"},
    )


def assert_read_only(prefix: list[str], db: Path, spare: Path) -> None:
    before = db.read_bytes()
    for name, argv in writers(db, spare).items():
        result = run(prefix, argv)
        assert result.returncode == 1, f"{name}: {result.stdout}{result.stderr}"
        assert result.stderr.splitlines() == [
            f"Error: database is read-only: {db}; read-only commands (stats, export, audit, "
            "check, backup) still work, or copy it somewhere writable"
        ], name
    for name, argv in readers(db, spare).items():
        result = run(prefix, argv)
        assert result.returncode == 0, f"{name}: {result.stdout}{result.stderr}"
        assert "Error" not in result.stderr, name
    assert db.read_bytes() == before
    assert "ana" in run(prefix, ["export", "--out", "-", "--db", str(db)]).stdout
    queues = run(prefix, ["stats", "--db", str(db)]).stdout
    assert "queue (reviewer)" in queues and "100%" in queues  # ana's queue, all rated


def spare_folder(folder: Path) -> Path:
    spare = folder / "spare"
    spare.mkdir()
    spare.chmod(0o777)  # where the unprivileged user may write its copies
    return spare


def test_a_read_only_file_in_a_writable_folder(folder: Path) -> None:
    prefix = unprivileged()
    db = make_db(folder / "team.db")
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(0o777)
    if prefix == [] and os.access(db, os.W_OK):
        pytest.skip("this user can write a read-only file")
    assert_read_only(prefix, db, spare_folder(folder))


def test_a_read_only_file_in_a_read_only_folder(folder: Path) -> None:
    """SQLite cannot make a WAL database's shared-memory file here: read it as immutable."""
    prefix = unprivileged()
    db = make_db(folder / "team.db")
    spare = spare_folder(folder)
    db.chmod(0o444)
    folder.chmod(0o555)
    if prefix == [] and os.access(db, os.W_OK):
        pytest.skip("this user can write a read-only file")
    assert_read_only(prefix, db, spare)


def test_a_read_only_mount(folder: Path) -> None:
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    data = folder / "data"
    data.mkdir()
    db = make_db(data / "team.db")
    spare = spare_folder(folder)
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount --bind -o ro {data} {data} && touch {db}"],
        capture_output=True,
        text=True,
    )
    if "Read-only file system" not in probe.stderr:
        pytest.skip(f"cannot make a read-only bind mount here: {probe.stderr.strip()}")
    # Each command runs in its own namespace where `data` is mounted read-only.
    prefix = ["unshare", "-rm", "sh", "-c", f'mount --bind -o ro {data} {data} && exec "$@"', "-"]
    assert_read_only(prefix, db, spare)
