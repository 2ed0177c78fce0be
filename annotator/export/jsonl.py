"""JSONL writer: one `annotator.corpus.v1` record per line, UTF-8, keys in record order."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

import orjson


def dumps(record: dict[str, Any]) -> bytes:
    """The one text of a record: no spaces, non-ASCII kept, key order as built."""
    return orjson.dumps(record)


def write_jsonl(records: Iterable[dict[str, Any]], out: BinaryIO) -> int:
    """Write each record as a line; returns how many were written."""
    count = 0
    for record in records:
        out.write(dumps(record) + b"\n")
        count += 1
    return count
