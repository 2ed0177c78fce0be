"""`annotator check`: pages, schema version and history chain, one line, exit 1 on a problem."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from click.testing import CliRunner, Result
from sqlite_utils import Database

from annotator.cli import main
from annotator.labels import load_schema
from annotator.records import Article, ExtractedClaim, PipelineInfo, claim_id
from annotator.store import Store
from annotator.store.migrations import MIGRATIONS, SCHEMA_VERSION

INFO = PipelineInfo("check-test 0", "none")
TEXT = "Officials said the bridge would close. The mayor said it would not."


def make_db(path: Path) -> Path:
    schema = load_schema()
    with Store(path) as store:
        article = Article(text=TEXT)
        store.add_article(article, [ExtractedClaim(0, "statement", 0, 38, TEXT[:38], 0, 38)], INFO)
        store.register_schema(schema.id, schema.name, schema.version, schema.content)
        for credibility in (2, 4, 5):
            store.add_annotation(
                claim_id(article.id, 0, 38),
                "ana",
                {"credibility": credibility},
                schema_id=schema.id,
            )
    return path


def check(db: Path) -> Result:
    return CliRunner().invoke(main, ["check", "--db", str(db)])


def edit(db: Path, sql: str) -> None:
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(sql)


def test_a_sound_database_is_ok_in_one_line(tmp_path: Path) -> None:
    db = make_db(tmp_path / "team.db")
    result = check(db)
    assert result.exit_code == 0
    [line] = result.output.splitlines()
    assert line.startswith(
        f"{db}: OK: pages intact; schema version {SCHEMA_VERSION} (current); "
        "history OK, 3 records chained (head "
    )


def test_a_record_edited_by_hand_is_named(tmp_path: Path) -> None:
    db = make_db(tmp_path / "team.db")
    edit(db, """UPDATE annotations SET labels = '{"credibility":1}' WHERE id = 2""")
    result = check(db)
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith(f"{db}: 1 problem: history BROKEN at record 2: claim ")
    assert "altered" in line


def test_damaged_pages_are_a_problem(tmp_path: Path) -> None:
    db = make_db(tmp_path / "team.db")
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[3 * page : 4 * page] = bytes(range(256)) * (page // 256)  # one table page
    db.write_bytes(bytes(data))
    result = check(db)
    assert result.exit_code == 1
    [line] = result.output.splitlines()
    assert line.startswith(f"{db}: ") and "pages: " in line


def test_rows_that_point_at_nothing_are_a_problem(tmp_path: Path) -> None:
    db = make_db(tmp_path / "team.db")
    edit(db, "DELETE FROM articles")  # foreign keys are off in a plain connection
    result = check(db)
    assert result.exit_code == 1
    assert "references: 1 rows refer to rows that do not exist" in result.output


def test_an_older_schema_is_reported_not_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    old = Database(db)
    MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    old.close()
    result = check(db)
    assert result.exit_code == 0, result.output
    assert f"schema version 1 (older than {SCHEMA_VERSION}" in result.output
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # check changes nothing


def test_a_database_of_another_program_is_a_problem(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    edit(db, "CREATE TABLE t (x)")
    result = check(db)
    assert result.exit_code == 1
    assert result.output == (
        f"{db}: 1 problem: schema: not an annotator database (no annotator tables)\n"
    )
