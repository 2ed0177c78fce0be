"""Output to the user: `annotator extract` prints claims as JSON lines or a table."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import main


def test_extract_prints_one_json_object_per_claim(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "Rail Strike Ends\n\n“It is over,” union leader Ana Costa said. Trains run on Monday.\n"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["kind"] == "headline"
    quote = next(r for r in records if r["kind"] == "quote")
    assert quote["source_type"] == "named_person"
    assert text[quote["start"] : quote["end"]] == quote["text"]
    assert quote["path"] == str(path)


def test_extract_table_format(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("Officials said the bridge was safe.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--format", "table", str(path)])
    assert result.exit_code == 0, result.output
    assert "anonymous" in result.output
