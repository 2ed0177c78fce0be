"""`annotator ingest` as a user runs it: summary, one line per error, exit status."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from conftest import DATA, SEEDS

from annotator.cli import main
from annotator.nlp.pipeline import Extractor
from annotator.store import Store

pytest_plugins = ["model_fixtures"]  # the real spaCy model, loaded once


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["ingest", *map(str, args)])


def test_ingesting_the_seeds_prints_a_summary_and_exits_0(db_path: Path, model: Extractor) -> None:
    result = run(SEEDS, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("added 1, already present 0, failed 0 (")
    assert result.stderr == ""
    again = run(SEEDS, "--db", db_path)
    assert again.stdout == "added 0, already present 1, failed 0 (0 claims)\n"
    store = Store(db_path)
    assert store.stats().articles == 1
    assert store.integrity_check() == "ok"
    store.close()


def test_each_error_is_one_stderr_line_and_the_exit_status_is_1(
    db_path: Path, model: Extractor
) -> None:
    result = run(DATA / "good.md", DATA / "malformed.jsonl", DATA / "empty.txt", "--db", db_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"annotator: error: {DATA / 'malformed.jsonl'}:2: invalid JSON (Expecting ',' "
        "delimiter at column 74); fix or remove this line",
        f"annotator: error: {DATA / 'empty.txt'}: file is empty; add the article text "
        "or remove the file",
    ]
    assert result.stdout.startswith("added 3, already present 0, failed 2 (")


def test_max_size_accepts_human_sizes(db_path: Path, model: Extractor) -> None:
    result = run(DATA / "good.md", "--db", db_path, "--max-size", "100B")
    assert result.exit_code == 1
    assert "over the 100 bytes limit; split it or raise --max-size" in result.stderr


def test_a_bad_max_size_is_a_usage_error(db_path: Path) -> None:
    result = run(DATA / "good.md", "--db", db_path, "--max-size", "big")
    assert result.exit_code == 2
    assert "write it like 20MB" in result.stderr


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(main, ["ingest", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert "annotator ingest seeds/" in result.stdout
    assert "--max-size" in result.stdout
