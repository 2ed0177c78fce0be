"""`annotator export` on the command line: default path, stdout, one-line errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.store import Store


def test_default_output_is_named_after_the_database_and_date(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", "--db", store.path, "--only-labelled"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "exports" / f"corpus-{date.today().isoformat()}.jsonl"
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    meta = json.loads((out.parent / (out.name + ".meta.json")).read_text(encoding="utf-8"))
    assert meta["command"] == f"annotator export --db {store.path} --only-labelled"
    assert meta["options"]["only_labelled"] is True


def test_dash_writes_csv_to_stdout(store: Store) -> None:
    result = CliRunner().invoke(
        main, ["export", "--db", store.path, "--format", "csv", "--out", "-"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("format,claim_id,")


def test_parquet_to_stdout_is_a_one_line_error(store: Store) -> None:
    result = CliRunner().invoke(
        main, ["export", "--db", store.path, "--format", "parquet", "--out", "-"]
    )
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: parquet cannot be written to stdout; pass --out FILE.parquet"
    )


@pytest.mark.parametrize("command", [["export"], ["import-labels", "labels.jsonl"]])
def test_a_missing_database_is_not_created(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "nope.db"
    result = CliRunner().invoke(main, [*command, "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {db}: no such database; pass an existing one with --db"
    assert not db.exists()
