"""Label keys come from the schema file: another schema, other keys, other saved labels."""

from __future__ import annotations

from pathlib import Path

from conftest import REVIEWER

from annotator.labels import load_schema
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.widgets import KeyBar

OTHER = """
name = "other"
schema_version = "1"

[[questions]]
name = "hedged"
kind = "yesno"
key = "h"
description = "The claim is hedged (may, might, reportedly)."

[[questions]]
name = "quality"
kind = "scale"
advances = true
description = "How well sourced the claim is."
values = [
  { value = "weak", key = "a", description = "Weakly sourced." },
  { value = "strong", key = "b", description = "Strongly sourced." },
]
"""


async def test_other_schema_brings_its_own_keys(db_path: Path, tmp_path: Path) -> None:
    schema_file = tmp_path / "other.toml"
    schema_file.write_text(OTHER, encoding="utf-8")
    schema = load_schema(schema_file)
    app = make_app(db_path, REVIEWER, schema)
    async with app.run_test(size=(100, 30)) as pilot:
        keys = str(app.screen.query_one(KeyBar).render())
        assert "ab quality" in keys and "h hedged" in keys and "podaumw" not in keys
        await pilot.press("1", "p", "h", "b")  # 1 and p mean nothing here
    with Store(db_path) as store:
        [annotation] = list(store.iter_annotations())
    assert annotation.labels == {"hedged": True, "quality": "strong"}
    assert annotation.schema_id == schema.id
