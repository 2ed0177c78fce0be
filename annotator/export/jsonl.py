"""JSONL writer: one `annotator.corpus.v1` record per line, UTF-8, keys in record order."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, BinaryIO

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(record: dict[str, Any]) -> str:
    """The one text of a record (no spaces, non-ASCII kept, key order as built)."""
    return _ENCODER.encode(record)


def write_jsonl(records: Iterable[dict[str, Any]], out: BinaryIO) -> int:
    """Write each record as a line; returns how many were written."""
    count = 0
    for record in records:
        out.write(dumps(record).encode("utf-8") + b"\n")
        count += 1
    return count
