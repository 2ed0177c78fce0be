"""docs/export.md documents every field of the annotator.corpus.v1 record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.export import ExportOptions, iter_records
from annotator.store import Store

DOCS = Path(__file__).resolve().parents[2] / "docs" / "export.md"


def field_names(value: Any) -> set[str]:
    """Every key of a record, nested ones included (label names excepted: schema data)."""
    names: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            names.add(key)
            if key != "labels":
                names |= field_names(inner)
    elif isinstance(value, list):
        for inner in value:
            names |= field_names(inner)
    return names


def test_every_record_field_is_documented(store: Store) -> None:
    docs = DOCS.read_text(encoding="utf-8")
    names: set[str] = set()
    for record in iter_records(store, ExportOptions(gold="adjudicated")):
        names |= field_names(record)
    assert {"claim_id", "suggestion", "evidence", "adjudicator", "why"} <= names
    undocumented = sorted(n for n in names if f"`{n}`" not in docs)
    assert not undocumented, f"add these fields to docs/export.md: {undocumented}"
