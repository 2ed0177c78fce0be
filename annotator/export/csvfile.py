"""CSV writer: the corpus flat, one row per claim, safe to open in a spreadsheet.

Reviewer labels become `<reviewer>:<field>` columns (the record's note, seconds,
saved_at and schema id `<reviewer>/<name>`) and gold labels `gold:<field>`;
the label fields are those of the stored label schemas, so the header is known
before the first row. Text that a spreadsheet would run as a formula is prefixed
with `'`, and terminal control characters are dropped (a CSV is for people to read).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

from annotator.safe_text import clean

# Leading characters that make Excel, LibreOffice or Sheets evaluate a cell (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SPANS = ("source", "cue", "resolved_to", "relayed_by")
_REVIEW_FIELDS = ("note", "seconds", "saved_at", "schema_id")


def neutralise(value: str) -> str:
    """A text cell that can neither run as a formula nor act on a terminal."""
    if not value.isprintable():  # a quick test in C: most cells have nothing to clean
        value = clean(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _cell(value: Any) -> Any:
    kind = type(value)  # exact types first: this runs for every cell of every row
    if kind is str:
        return neutralise(value)
    if kind is int or kind is float:
        return value
    if kind is bool:
        return "true" if value else "false"
    if value is None:
        return ""
    return neutralise(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def header(reviewers: Sequence[str], fields: Sequence[str]) -> list[str]:
    """Column names: claim, suggestion, then each reviewer's labels, then gold."""
    columns = [
        "format", "claim_id", "article_id", "title", "outlet", "seq", "kind", "text",
        "start", "end", "sentence", "sentence_start", "sentence_end",
        "suggested_source_type", "suggested_anonymous_flag",
        "suggested_anonymity_reason_given",
    ]  # fmt: skip
    for span in _SPANS:
        columns += [f"{span}_text", f"{span}_start", f"{span}_end"]
    columns += ["confidence", "evidence", "pipeline", "model"]
    for reviewer in reviewers:
        columns += [f"{reviewer}:{field}" for field in fields]
        columns += [f"{reviewer}/{field}" for field in _REVIEW_FIELDS]
    columns += ["gold/method", "gold/adjudicator", "gold/note"]
    columns += [f"gold:{field}" for field in fields]
    return columns


def flatten(record: dict[str, Any], columns: Sequence[str]) -> list[Any]:
    """One record as the cells of a row under `header`'s columns."""
    flat: dict[str, Any] = {k: v for k, v in record.items() if not isinstance(v, dict | list)}
    sentence = record["sentence"]
    flat |= {"sentence": sentence["text"], "sentence_start": sentence["start"]}
    flat["sentence_end"] = sentence["end"]
    suggestion = record["suggestion"] or {}
    for key in ("source_type", "anonymous_flag", "anonymity_reason_given"):
        flat[f"suggested_{key}"] = suggestion.get(key)
    for span in _SPANS:
        for part in ("text", "start", "end"):
            flat[f"{span}_{part}"] = (suggestion.get(span) or {}).get(part)
    for key in ("confidence", "pipeline", "model"):
        flat[key] = suggestion.get(key)
    flat["evidence"] = suggestion.get("evidence") or None
    for review in record["annotations"]:
        reviewer = review["reviewer"]
        for field in _REVIEW_FIELDS:
            flat[f"{reviewer}/{field}"] = review[field]
        for field, value in review["labels"].items():
            flat[f"{reviewer}:{field}"] = value
    gold = record["gold"]
    if gold is not None:
        flat["gold/method"] = gold["method"]
        flat["gold/adjudicator"] = gold["adjudicator"]
        flat["gold/note"] = gold["note"]
        for field, value in gold["labels"].items():
            flat[f"gold:{field}"] = value
    get = flat.get
    return [_cell(value) if (value := get(column)) is not None else "" for column in columns]


def write_csv(
    records: Iterable[dict[str, Any]],
    out: BinaryIO,
    reviewers: Sequence[str],
    fields: Sequence[str],
    *,
    bom: bool = False,
) -> int:
    """Write the header and one row per record; returns how many rows were written."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig" if bom else "utf-8", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    columns = header(reviewers, fields)
    writer.writerow([neutralise(column) for column in columns])  # reviewer names are data
    count = 0
    for record in records:
        writer.writerow(flatten(record, columns))
        count += 1
    text.flush()
    text.detach()  # leave `out` open for the caller
    return count
