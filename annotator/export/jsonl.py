"""JSONL writer: one `annotator.corpus.v1` record per line, UTF-8, keys in record order."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

import orjson

from annotator.safe_text import inert_json


def dumps(record: dict[str, Any]) -> bytes:
    """The one text of a record: no spaces, non-ASCII kept, key order as built, and
    inert on a terminal (C1 controls and DEL as \\u escapes, as orjson does for C0)."""
    return inert_json(orjson.dumps(record))


def write_jsonl(records: Iterable[dict[str, Any]], out: BinaryIO) -> int:
    """Write each record as a line; returns how many were written."""
    count = 0
    for record in records:
        out.write(dumps(record) + b"\n")
        count += 1
    return count
