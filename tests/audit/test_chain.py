"""Tampering with the annotation history by hand is detected and the first bad record named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from annotator.audit.chain import verify_chain
from annotator.cli import main
from annotator.store import Store


def chain_of(path: Path):  # type: ignore[no-untyped-def]
    with Store(path) as store:
        return verify_chain(store.chain_rows())


def sql(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()


def test_an_untouched_history_verifies(db_path: Path) -> None:
    report = chain_of(db_path)
    assert report.ok and report.records == 18
    result = CliRunner().invoke(main, ["audit", "--db", str(db_path), "--verify-only"])
    assert result.exit_code == 0
    assert "OK, 18 records chained" in result.output


def test_an_updated_label_is_named(db_path: Path) -> None:
    sql(db_path, """UPDATE annotations SET labels = '{"credibility":5}' WHERE id = 7""")
    broken = chain_of(db_path).first_break
    assert broken is not None
    assert (broken.id, broken.reviewer) == (7, "bob")
    assert "altered" in broken.problem
    result = CliRunner().invoke(main, ["audit", "--db", str(db_path)])
    assert result.exit_code == 0
    assert "BROKEN at record 7" in result.output and "reviewer bob" in result.output
    verify = CliRunner().invoke(main, ["audit", "--db", str(db_path), "--verify-only"])
    assert verify.exit_code == 1


def test_a_rehashed_edit_is_blamed_on_the_edited_record(db_path: Path) -> None:
    with Store(db_path) as store:
        row = store.chain_rows()[4]
    row["labels"] = '{"credibility":1}'
    from annotator.store.annotations import annotation_hash

    new_hash = annotation_hash(row["prev_hash"], row)
    sql(
        db_path,
        f"UPDATE annotations SET labels = '{row['labels']}', hash = '{new_hash}' WHERE id = 5",
    )
    broken = chain_of(db_path).first_break
    assert broken is not None and broken.id == 5
    assert "re-hashed" in broken.problem


def test_a_deleted_record_is_named(db_path: Path) -> None:
    sql(db_path, "DELETE FROM annotations WHERE id = 10")
    broken = chain_of(db_path).first_break
    assert broken is not None and broken.id == 10
    assert broken.problem.startswith("removed")
    result = CliRunner().invoke(main, ["audit", "--db", str(db_path), "--verify-only"])
    assert result.exit_code == 1
    assert "record 10" in result.output


def test_deleting_the_first_record_is_named(db_path: Path) -> None:
    sql(db_path, "DELETE FROM annotations WHERE id = 1")
    broken = chain_of(db_path).first_break
    assert broken is not None and broken.id == 1


def test_labels_edited_into_invalid_json_are_reported_not_crashing(db_path: Path) -> None:
    sql(db_path, "UPDATE annotations SET labels = '{not json' WHERE id = 3")
    result = CliRunner().invoke(main, ["audit", "--db", str(db_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"id": 3' in result.output


def test_deleting_the_newest_records_is_caught_by_a_pinned_head(db_path: Path) -> None:
    head = chain_of(db_path).head
    sql(db_path, "DELETE FROM annotations WHERE id >= 17")
    assert chain_of(db_path).ok  # a shorter chain is still a valid chain...
    result = CliRunner().invoke(
        main, ["audit", "--db", str(db_path), "--verify-only", "--pin", head[:16]]
    )
    assert result.exit_code == 1  # ...but the head recorded before is gone
    assert "record 17" in result.output and "pinned" in result.output
