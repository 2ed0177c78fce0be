"""Parquet writer (pyarrow): typed columns in the record's shape, written in row groups.

Label values may be numbers or text within one field (credibility 1-5 or
"cant_judge"), so each labels object is stored as canonical JSON text.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from annotator.store.annotations import canonical_json

ROW_GROUP = 10_000

_SPAN = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
_EVIDENCE = pa.struct(
    [
        ("rule", pa.string()),
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("why", pa.string()),
    ]
)
_ANNOTATION = pa.struct(
    [
        ("reviewer", pa.string()),
        ("labels", pa.string()),
        ("note", pa.string()),
        ("seconds", pa.float64()),
        ("saved_at", pa.string()),
        ("schema_id", pa.string()),
    ]
)
SCHEMA = pa.schema(
    [
        ("format", pa.string()),
        ("claim_id", pa.string()),
        ("article_id", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("seq", pa.int64()),
        ("kind", pa.string()),
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("sentence", _SPAN),
        (
            "suggestion",
            pa.struct(
                [
                    ("source_type", pa.string()),
                    ("anonymous_flag", pa.bool_()),
                    ("anonymity_reason_given", pa.bool_()),
                    ("source", _SPAN),
                    ("cue", _SPAN),
                    ("resolved_to", _SPAN),
                    ("relayed_by", _SPAN),
                    ("confidence", pa.float64()),
                    ("evidence", pa.list_(_EVIDENCE)),
                    ("pipeline", pa.string()),
                    ("model", pa.string()),
                ]
            ),
        ),
        ("annotations", pa.list_(_ANNOTATION)),
        (
            "gold",
            pa.struct(
                [
                    ("method", pa.string()),
                    ("labels", pa.string()),
                    ("adjudicator", pa.string()),
                    ("note", pa.string()),
                ]
            ),
        ),
    ],
    metadata={"format": "annotator.corpus.v1"},
)


def _row(record: dict[str, Any]) -> dict[str, Any]:
    row = dict(record)
    row["annotations"] = [
        {**a, "labels": canonical_json(a["labels"])} for a in record["annotations"]
    ]
    if record["gold"] is not None:
        row["gold"] = {**record["gold"], "labels": canonical_json(record["gold"]["labels"])}
    return row


def write_parquet(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write the records to `path`, one row group per ROW_GROUP records; returns the count."""
    count = 0
    iterator = iter(records)
    with pq.ParquetWriter(path, SCHEMA, compression="zstd") as writer:
        while chunk := [_row(r) for r in islice(iterator, ROW_GROUP)]:
            writer.write_table(pa.Table.from_pylist(chunk, schema=SCHEMA))
            count += len(chunk)
        if count == 0:
            writer.write_table(SCHEMA.empty_table())
    return count
