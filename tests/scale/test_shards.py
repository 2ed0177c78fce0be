"""Parquet shards: `annotator extract --out` writes them, `annotator ingest` bulk-loads them
idempotently and refuses a shard that is cut short, naming it."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from scale_inputs import INPUTS, shard_records

from annotator.cli import main
from annotator.nlp.pipeline import Extractor
from annotator.records import ExtractedClaim


@pytest.fixture
def shards(tmp_path: Path, model: Extractor) -> Path:
    folder = tmp_path / "shards"
    result = CliRunner().invoke(
        main, ["extract", *INPUTS, "--out", str(folder), "--shard-size", "3"]
    )
    assert result.exit_code == 0, result.output
    return folder


def table(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


CONTENT = {
    "claims": 'SELECT id, article_id, seq, start, "end", text, kind FROM claims ORDER BY id',
    "attributions": "SELECT * FROM attributions ORDER BY claim_id",
    "evidence": 'SELECT claim_id, rule, text, start, "end", why FROM evidence '
    "ORDER BY claim_id, start, rule, why",
    "articles": "SELECT id, title, text, origin, url, outlet, published, metadata, phrases "
    "FROM articles ORDER BY id",
}


def test_shards_hold_the_jsonl_contract_claim_for_claim(
    shards: Path, reference_records: list[dict[str, Any]]
) -> None:
    manifest = json.loads((shards / "manifest.json").read_text())
    assert manifest["inputs"] == INPUTS
    assert [s["name"] for s in manifest["shards"]] == ["part-00000", "part-00001", "part-00002"]
    assert manifest["claims"] == len(reference_records)
    rows = shard_records(shards)
    assert rows == reference_records
    # ...and every row reads back as the claim it was written from (spans, evidence,
    # relations and all).
    assert [ExtractedClaim.from_json(r).to_json(r["article"], r["path"]) for r in rows] == rows
    assert any(r["relations"] for r in rows) and any(r["content"] for r in rows)


def test_a_record_from_before_a_field_existed_reads_with_its_default(
    reference_records: list[dict[str, Any]],
) -> None:
    older = {k: v for k, v in reference_records[0].items() if k not in ("content", "relations")}
    claim = ExtractedClaim.from_json(older)
    assert (claim.content, claim.relations) == (None, [])
    assert claim.source_type == older["source_type"]


def test_extract_prints_articles_per_minute(model: Extractor) -> None:
    result = CliRunner().invoke(main, ["extract", INPUTS[0]])
    assert result.exit_code == 0, result.output
    assert "extracted 1 articles in" in result.stderr
    assert "articles/min" in result.stderr


def test_loading_shards_stores_what_ingesting_the_files_stores(
    shards: Path, tmp_path: Path, model: Extractor
) -> None:
    from_shards, from_files = tmp_path / "shards.db", tmp_path / "files.db"
    runner = CliRunner()
    loaded = runner.invoke(main, ["ingest", str(shards), "--db", str(from_shards)])
    assert loaded.exit_code == 0, loaded.output
    assert "added 8, already present 0, failed 0" in loaded.stdout
    assert "articles/min" in loaded.stdout
    ingested = runner.invoke(main, ["ingest", *INPUTS, "--db", str(from_files)])
    assert ingested.exit_code == 0, ingested.output
    for name, sql in CONTENT.items():
        assert table(from_shards, sql) == table(from_files, sql), name


def test_a_shard_folder_loaded_twice_adds_nothing(shards: Path, tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(shards), "--db", str(db)]).exit_code == 0
    before = {name: table(db, sql) for name, sql in CONTENT.items()}
    again = runner.invoke(main, ["ingest", str(shards), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "added 0, already present 8" in again.stdout
    assert {name: table(db, sql) for name, sql in CONTENT.items()} == before


def test_a_shard_cut_short_is_refused_by_name_and_the_rest_load(
    shards: Path, tmp_path: Path
) -> None:
    cut = shards / "claims" / "part-00001.parquet"
    data = cut.read_bytes()
    cut.write_bytes(data[: len(data) // 2])  # what a worker killed mid-write leaves
    db = tmp_path / "team.db"
    result = CliRunner().invoke(main, ["ingest", str(shards), "--db", str(db)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1
    assert f"{shards}/claims/part-00001.parquet: cut short" in errors[0]
    assert "added 5, already present 0, failed 1" in result.stdout
    # Nothing of the refused shard is in the database, and loading it later works.
    manifest = json.loads((shards / "manifest.json").read_text())
    assert table(db, "SELECT count(*) FROM articles") == [(5,)]
    cut.write_bytes(data)
    again = CliRunner().invoke(main, ["ingest", str(shards), "--db", str(db)])
    assert "added 3, already present 5, failed 0" in again.stdout
    assert table(db, "SELECT count(*) FROM claims") == [(manifest["claims"],)]


def test_a_folder_without_manifest_is_an_unfinished_run(shards: Path, tmp_path: Path) -> None:
    (shards / "manifest.json").unlink()
    result = CliRunner().invoke(main, ["ingest", str(shards), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert f"{shards}/manifest.json: missing: the extract run" in result.stderr


def test_extract_will_not_mix_two_runs_in_one_folder(shards: Path) -> None:
    result = CliRunner().invoke(main, ["extract", INPUTS[0], "--out", str(shards)])
    assert result.exit_code == 1
    assert "already holds shards" in result.stderr


def test_scheduler_without_dask_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An import of a module mapped to None fails as if it were not installed.
    monkeypatch.setitem(sys.modules, "distributed", None)
    out = tmp_path / "shards"
    result = CliRunner().invoke(
        main, ["extract", INPUTS[0], "--out", str(out), "--scheduler", "local"]
    )
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: --scheduler needs Dask, which is not installed: pip install 'annotator[dask]' "
        "(in a checkout: pip install -e '.[dask]')"
    ]


def test_scheduler_needs_a_shard_folder() -> None:
    result = CliRunner().invoke(main, ["extract", INPUTS[0], "--scheduler", "local"])
    assert result.exit_code == 2
    assert "--scheduler writes shards: add --out FOLDER" in result.stderr
