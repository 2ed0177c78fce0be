"""`annotator backup DEST`: a consistent, verified copy while reviewers keep saving."""

from __future__ import annotations

import multiprocessing
import sqlite3
from contextlib import closing
from multiprocessing.synchronize import Event
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.audit.chain import verify_chain
from annotator.backup import backup_database
from annotator.cli import main
from annotator.labels import load_schema
from annotator.records import Article, ExtractedClaim, PipelineInfo
from annotator.store import Store

INFO = PipelineInfo("backup-test 0", "none")
WRITERS = 3


def make_db(path: Path, articles: int = 200) -> Path:
    schema = load_schema()
    with Store(path) as store:
        store.register_schema(schema.id, schema.name, schema.version, schema.content)
        for n in range(articles):
            text = " ".join(f"Official {n} said on day {d} that prices rose." for d in range(10))
            claims = [ExtractedClaim(0, "statement", 0, len(text), text, 0, len(text))]
            store.add_article(Article(text=text), claims, INFO)
    return path


def keep_rating(path: str, reviewer: str, started: Event, stop: Event) -> None:
    """A reviewer saving one rating after another, as the review screen does."""
    schema = load_schema()
    with Store(path) as store:
        claims = [row[0] for row in store.conn.execute("SELECT id FROM claims")]
        n = 0
        while not stop.is_set():
            labels = {"credibility": 1 + n % 5, "source_type": "named_person"}
            store.add_annotation(claims[n % len(claims)], reviewer, labels, schema_id=schema.id)
            n += 1
            if n == 5:
                started.set()


def hashes(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [row[0] for row in conn.execute("SELECT hash FROM annotations ORDER BY id")]


def test_a_backup_taken_while_reviewers_save_is_one_consistent_moment(tmp_path: Path) -> None:
    db = make_db(tmp_path / "team.db")
    context = multiprocessing.get_context("fork")
    stop = context.Event()
    started = [context.Event() for _ in range(WRITERS)]
    writers = [
        context.Process(target=keep_rating, args=(str(db), f"r{i}", started[i], stop))
        for i in range(WRITERS)
    ]
    for writer in writers:
        writer.start()
    try:
        for event in started:
            assert event.wait(timeout=60)
        result = CliRunner().invoke(main, ["backup", str(tmp_path / "copy.db"), "--db", str(db)])
        during = len(hashes(db))
    finally:
        stop.set()
        for writer in writers:
            writer.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{tmp_path / 'copy.db'}: ")
    assert "verified: 200 articles, 200 claims" in result.output
    copied, final = hashes(tmp_path / "copy.db"), hashes(db)
    assert 5 * WRITERS <= len(copied) <= during < len(final)  # the reviewers kept saving
    assert copied == final[: len(copied)]  # one moment of the chain, nothing torn
    with Store(tmp_path / "copy.db", read_only=True) as copy:
        assert verify_chain(copy.chain_rows()).ok
        assert copy.integrity_check() == "ok"


def test_the_copy_is_one_self_contained_file(tmp_path: Path) -> None:
    db = make_db(tmp_path / "team.db", articles=3)
    result = backup_database(db, tmp_path / "copy.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.db", "team.db"]
    moved = tmp_path / "elsewhere.db"
    result.path.rename(moved)  # no -wal file is needed beside it
    with Store(moved, read_only=True) as copy:
        assert copy.stats().articles == 3


def test_a_folder_gets_a_dated_copy(tmp_path: Path) -> None:
    db = make_db(tmp_path / "team.db", articles=1)
    (tmp_path / "backups").mkdir()
    result = CliRunner().invoke(main, ["backup", str(tmp_path / "backups"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    [copy] = (tmp_path / "backups").iterdir()
    assert copy.name.startswith("team-") and copy.suffix == ".db"


def test_a_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    db = make_db(tmp_path / "team.db", articles=1)
    existing = tmp_path / "monday.db"
    existing.write_bytes(b"last week's backup")
    result = CliRunner().invoke(main, ["backup", str(existing), "--db", str(db)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {existing}: already exists; a backup never overwrites: name a new file\n"
    )
    assert existing.read_bytes() == b"last week's backup"


def test_a_killed_backup_leaves_no_finished_looking_file(tmp_path: Path) -> None:
    """A copy is written under .partial and renamed only once verified."""
    db = make_db(tmp_path / "team.db", articles=1)
    (tmp_path / "copy.db.partial").write_bytes(b"half of an earlier, killed backup")
    backup_database(db, tmp_path / "copy.db")
    assert not (tmp_path / "copy.db.partial").exists()
    assert (tmp_path / "copy.db").is_file()


def test_a_missing_database_is_named(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["backup", str(tmp_path / "copy.db"), "--db", str(tmp_path / "none.db")]
    )
    assert result.exit_code == 1
    assert "none.db: no such database" in result.output
    assert not (tmp_path / "copy.db").exists()


@pytest.mark.parametrize("dest", ["missing/copy.db"])
def test_a_missing_destination_folder_is_named(tmp_path: Path, dest: str) -> None:
    db = make_db(tmp_path / "team.db", articles=1)
    result = CliRunner().invoke(main, ["backup", str(tmp_path / dest), "--db", str(db)])
    assert result.exit_code == 1
    assert f"folder {tmp_path / 'missing'} does not exist" in result.output
