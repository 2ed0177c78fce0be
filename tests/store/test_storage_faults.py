"""Storage faults: a newer, corrupt or missing database, a missing folder, a full disk.

Each is one line naming the file and what to do, with nothing changed and nothing
half-written. Every command that opens a database is run against each fault.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import __version__
from annotator.cli import main
from annotator.errors import StoreError
from annotator.ingest import ingest_paths
from annotator.labels import load_schema
from annotator.records import Article, ExtractedClaim, PipelineInfo, claim_id
from annotator.store import Store
from annotator.store.migrations import SCHEMA_VERSION
from annotator.tui.pending import NOTE
from annotator.tui.session import ReviewSession

ROOT = Path(__file__).resolve().parents[2]
INFO = PipelineInfo("fault-test 0", "none")
TEXT = "Officials said the bridge would close. The mayor said it would not."


def make_db(path: Path) -> Path:
    """A small real database: one article, two claims, one rating."""
    with Store(path) as store:
        claims = [
            ExtractedClaim(0, "statement", 0, 38, TEXT[:38], 0, 38),
            ExtractedClaim(1, "statement", 39, len(TEXT), TEXT[39:], 39, len(TEXT)),
        ]
        article = Article(text=TEXT, title="Bridge")
        store.add_article(article, claims, INFO)
        schema = load_schema()
        store.register_schema(schema.id, schema.name, schema.version, schema.content)
        store.add_annotation(
            claim_id(article.id, 0, 38), "ana", {"credibility": 3}, schema_id=schema.id
        )
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def commands(db: Path, scratch: Path) -> dict[str, list[str]]:
    """Every command that opens a database, pointed at `db`."""
    article = scratch / "article.txt"
    article.write_text("A new article.\n\nThe minister said talks would go on.\n")
    labels = scratch / "labels.jsonl"
    labels.write_text(json.dumps({"claim": "0" * 16, "reviewer": "bo", "labels": {}}) + "\n")
    return {
        "ingest": ["ingest", str(article), "--db", str(db)],
        "import-labels": ["import-labels", str(labels), "--db", str(db)],
        "review": ["review", "--db", str(db)],
        "adjudicate": ["adjudicate", "--db", str(db)],
        "stats": ["stats", "--db", str(db)],
        "export": ["export", "--out", "-", "--db", str(db)],
        "audit": ["audit", "--db", str(db)],
        "check": ["check", "--db", str(db)],
        "backup": ["backup", str(scratch / "copy.db"), "--db", str(db)],
        "merge-from": ["merge", str(db), "--into", str(scratch / "team.db")],
        "merge-into": ["merge", str(make_db(scratch / "other.db")), "--into", str(db)],
    }


def assert_refused(db: Path, scratch: Path, expected: str, skip: tuple[str, ...] = ()) -> None:
    before = digest(db)
    for name, argv in commands(db, scratch).items():
        if name in skip:
            continue
        result = CliRunner().invoke(main, argv)
        assert result.exit_code == 1, f"{name}: {result.output}"
        lines = result.output.splitlines()
        assert len(lines) == 1, f"{name}: {result.output}"
        if name == "check" and lines[0].startswith(f"{db}: "):  # what check found, as found
            assert " problem" in lines[0], lines[0]
        else:
            assert lines[0].startswith("Error: ") and expected in lines[0], f"{name}: {lines[0]}"
        assert digest(db) == before, f"{name} changed the file"
        assert not (scratch / "copy.db").exists()


# -- a newer database ------------------------------------------------------------------


def make_newer(path: Path, made_by: str | None) -> Path:
    make_db(path)
    with closing(sqlite3.connect(path)) as conn, conn:
        if made_by is not None:
            detail = {"to_version": SCHEMA_VERSION + 1, "annotator": made_by}
            conn.execute(
                "INSERT INTO events (at, kind, detail) VALUES ('2030-01-01', 'migrate', ?)",
                (json.dumps(detail),),
            )
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    return path


def test_a_newer_database_is_refused_naming_the_annotator_it_needs(tmp_path: Path) -> None:
    db = make_newer(tmp_path / "future.db", made_by="9.1.0")
    assert_refused(db, tmp_path, "future.db: needs annotator 9.1.0 or newer")
    with pytest.raises(StoreError) as refused:
        Store(db)
    message = str(refused.value)
    assert f"schema version {SCHEMA_VERSION + 1}" in message
    assert f"annotator {__version__} reads up to {SCHEMA_VERSION}" in message
    assert "pip install -U annotator" in message


def test_without_a_record_of_who_wrote_it_the_schema_version_needed_is_named(
    tmp_path: Path,
) -> None:
    db = make_newer(tmp_path / "future.db", made_by=None)
    with pytest.raises(
        StoreError, match=f"one that reads database schema version {SCHEMA_VERSION + 1}"
    ):
        Store(db)


def test_migrations_record_the_annotator_that_made_them(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        rows = store.conn.execute("SELECT detail FROM events WHERE kind = 'migrate'").fetchall()
    details = [json.loads(row[0]) for row in rows]
    assert details[-1] == {"to_version": SCHEMA_VERSION, "annotator": __version__}


# -- a corrupt file --------------------------------------------------------------------


def garbage(path: Path) -> Path:
    path.write_bytes(b"this is not a database at all, only text " * 200)
    return path


def truncated(path: Path) -> Path:
    make_db(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def garbled(path: Path) -> Path:
    """Every page after the schema page overwritten: the header still looks right."""
    make_db(path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = bytes((i * 7919) % 251 for i in range(len(data) - page))
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("damage", [garbage, truncated, garbled])
def test_a_corrupt_file_is_refused_and_never_overwritten(
    tmp_path: Path, damage: Callable[[Path], Path]
) -> None:
    db = damage(tmp_path / "broken.db")
    assert_refused(db, tmp_path, "broken.db: not an annotator database, or a corrupt one")


# -- a missing folder ------------------------------------------------------------------


def test_a_database_in_a_missing_folder_is_named_and_no_folder_is_made(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    for name, argv in commands(missing / "a.db", tmp_path).items():
        result = CliRunner().invoke(main, argv)
        assert result.exit_code == 1, f"{name}: {result.output}"
        (line,) = result.output.splitlines()
        # Commands that only read a database say it is missing; the others, the folder.
        assert line in (
            f"Error: {missing / 'a.db'}: folder {missing} does not exist; create it or pass "
            "another --db",
            f"Error: {missing / 'a.db'}: no such database; pass an existing one with --db",
            f"Error: {missing / 'a.db'}: no such database; check the path",
        ), name
    assert not (tmp_path / "no").exists()


# -- a full disk -----------------------------------------------------------------------


def fill_up(store: Store, spare_pages: int = 1) -> None:
    """Let the file grow by only `spare_pages` more pages: the disk is then full."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + spare_pages}")


def test_a_full_disk_during_ingest_stores_nothing_of_the_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.nlp import pipeline

    long = tmp_path / "long.txt"
    long.write_text(
        "Headline\n\n" + " ".join(f"Official {n} said prices rose." for n in range(400))
    )

    class Extractor:  # no spaCy needed: the fault is in storing, not in detecting
        info = INFO

        def extract(self, articles, n_process=1):  # type: ignore[no-untyped-def]
            for article in articles:
                start = article.text.index("Official")
                end = len(article.text)
                yield (
                    article,
                    [
                        ExtractedClaim(
                            0, "statement", start, end, article.text[start:end], start, end
                        )
                    ],
                )

    monkeypatch.setattr(pipeline, "load_extractor", lambda model=None: Extractor())
    db = make_db(tmp_path / "a.db")
    with Store(db) as store:
        fill_up(store)
        with pytest.raises(StoreError) as raised:
            ingest_paths(store, [long])
    message = str(raised.value)
    assert message == (
        f"{db}: disk full; the interrupted write was rolled back, nothing of it was saved: "
        "free some space and run the command again"
    )
    with Store(db) as store:
        assert store.stats().articles == 1 and store.stats().claims == 2
        assert store.integrity_check() == "ok"


def test_a_full_disk_when_saving_a_rating_keeps_the_reviewer_on_the_claim(tmp_path: Path) -> None:
    db = make_db(tmp_path / "a.db")
    schema = load_schema()
    with Store(db) as store:
        session = ReviewSession(store, "ana", schema)
        claim = session.open(1)
        fill_up(store, spare_pages=0)
        session.answers.set("credibility", 5)
        session.answers.set_text(NOTE, "A long note. " * 2000)  # needs pages the disk lacks
        with pytest.raises(StoreError, match="disk full"):
            session.save()
        assert session.claim is claim and session.answers.changed  # nothing moved on
        assert store.current_annotation(claim.id, "ana") is None
        assert store.integrity_check() == "ok"


def many_articles(path: Path, count: int) -> Path:
    with Store(path) as store:
        for n in range(count):
            text = " ".join(f"Official {n} said on day {d} that prices rose." for d in range(10))
            claims = [ExtractedClaim(0, "statement", 0, len(text), text, 0, len(text))]
            store.add_article(Article(text=text), claims, INFO)
    return path


@pytest.mark.parametrize("free_kb", [120, 0], ids=["fills-while-writing", "already-full"])
def test_a_real_full_disk_is_one_line_and_leaves_the_database_sound(
    tmp_path: Path, free_kb: int
) -> None:
    """On a real, tiny file system: a tmpfs in a user namespace, where one can be made."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    mount = tmp_path / "tiny"
    mount.mkdir()
    db, bulk = make_db(tmp_path / "a.db"), many_articles(tmp_path / "bulk.db", 400)
    annotator = f"{sys.executable} -m annotator"
    script = (
        f"mount -t tmpfs -o size=1m tmpfs {mount} && cp {db} {mount}/a.db && "
        f"(head -c $(( $(df -k --output=avail {mount} | tail -1) * 1024 - {free_kb * 1024} ))"
        f" /dev/zero > {mount}/filler 2>/dev/null; true) && "
        f"{annotator} merge {bulk} --into {mount}/a.db; echo status $?; "
        f"rm {mount}/filler && {annotator} check --db {mount}/a.db && "
        f"COLUMNS=1000 {annotator} stats --db {mount}/a.db | head -1"
    )
    run = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    if "status" not in run.stdout:
        pytest.skip(f"cannot mount a tmpfs here: {run.stderr.strip()}")
    assert "status 1" in run.stdout
    assert run.stderr.splitlines() == [
        f"Error: {mount}/a.db: disk full; the interrupted write was rolled back, nothing of "
        "it was saved: free some space and run the command again"
    ]
    assert f"{mount}/a.db: OK" in run.stdout
    assert f"{mount}/a.db: 1 articles, 2 claims" in run.stdout  # nothing of the merge
