"""`annotator review`: reviewer name, schema registration, ingest first, one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import INFO, seed_article

from annotator.cli import main
from annotator.store import Store
from annotator.tui.app import ReviewApp
from annotator.tui.session import ReviewSession

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[ReviewSession]:
    """Sessions the CLI would have shown (the app is not run)."""
    sessions: list[ReviewSession] = []

    def run(self: ReviewApp) -> None:
        sessions.append(self.session)
        self.session.store.close()

    monkeypatch.setattr(ReviewApp, "run", run)
    return sessions


def test_reviewer_from_option_then_environment(
    db_path: Path, opened: list[ReviewSession], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANNOTATOR_REVIEWER", "from-env")
    runner = CliRunner()
    assert runner.invoke(main, ["review", "--db", str(db_path), "--reviewer", "bob"]).exit_code == 0
    assert runner.invoke(main, ["review", "--db", str(db_path)]).exit_code == 0
    assert [s.reviewer for s in opened] == ["bob", "from-env"]
    with Store(db_path) as store:
        schemas = store.conn.execute("SELECT id FROM label_schemas").fetchall()
    assert schemas == [(opened[0].schema.id,)]


def test_filter_option_opens_that_view(db_path: Path, opened: list[ReviewSession]) -> None:
    result = CliRunner().invoke(main, ["review", "--db", str(db_path), "--filter", "anonymous"])
    assert result.exit_code == 0, result.output
    assert opened[0].view_name == "anonymous" and len(opened[0].view) == 1


def test_empty_database_is_a_one_line_error(tmp_path: Path, opened: list[ReviewSession]) -> None:
    result = CliRunner().invoke(main, ["review", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 1
    assert "holds no claims yet" in result.output
    assert "Traceback" not in result.output and not opened


def test_missing_schema_is_a_one_line_error(db_path: Path, opened: list[ReviewSession]) -> None:
    result = CliRunner().invoke(main, ["review", "--db", str(db_path), "--schema", "nope.toml"])
    assert result.exit_code == 1 and "nope.toml" in result.output and not opened


def test_review_never_imports_spacy() -> None:
    code = (
        "import sys, annotator.tui.app, annotator.tui.session;"
        "print([m for m in sys.modules"
        " if m.split('.')[0] == 'spacy' or m.startswith('annotator.nlp')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_review_seeds_end_to_end(tmp_path: Path, opened: list[ReviewSession]) -> None:
    """The real model extracts the seed article; a second run skips it without spaCy."""
    db = str(tmp_path / "seeds.db")
    first = CliRunner().invoke(main, ["review", str(SEEDS), "--db", db, "--reviewer", "alice"])
    assert first.exit_code == 0, first.output
    assert "added 1" in first.output
    with Store(db) as store:  # another article in the database: not in the files given
        store.add_article(*seed_article(), INFO)
    again = CliRunner().invoke(main, ["review", str(SEEDS), "--db", db, "--reviewer", "alice"])
    assert "already present 1" in again.output
    assert opened[0].total == opened[1].total > 20
    whole = CliRunner().invoke(main, ["review", "--db", db, "--reviewer", "alice"])
    assert whole.exit_code == 0
    assert opened[2].total == opened[1].total + 4


def test_a_reviewer_without_a_queue_gets_a_one_line_error(
    db_path: Path, opened: list[ReviewSession]
) -> None:
    assert CliRunner().invoke(main, ["assign", "--db", str(db_path), "--reviewers", "ana"])
    result = CliRunner().invoke(main, ["review", "--db", str(db_path), "--reviewer", "ben"])
    assert result.exit_code == 1 and not opened
    assert "ben has no articles assigned" in result.output and "--queue all" in result.output
    shown = CliRunner().invoke(
        main, ["review", "--db", str(db_path), "--reviewer", "ben", "--queue", "all"]
    )
    assert shown.exit_code == 0 and opened[0].total == 4
