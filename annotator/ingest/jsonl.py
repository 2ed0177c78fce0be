"""`.jsonl` files: one article per line; a bad line is reported and the rest still read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.ingest.decode import read_text
from annotator.ingest.fields import record_to_article
from annotator.records import Article


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    """Each non-blank line as an article (origin `path:line`), or an error for that line."""
    decoded = read_text(path, max_bytes)
    text = decoded.text
    name = str(path)
    if not text.strip():
        yield InputError(name, "file is empty; add one JSON object per line or remove the file")
        return
    # Split on "\n" only: str.splitlines() would also split inside strings holding a
    # raw U+2028 or form feed, which JSON allows.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(
                name,
                f"invalid JSON ({error.msg} at column {error.colno}); fix or remove this line",
                number,
            )
            continue
        if not isinstance(record, dict):
            yield InputError(
                name,
                f'expected a JSON object with a "text" field, got {_json_kind(record)}; '
                "write one object per line",
                number,
            )
            continue
        yield record_to_article(record, name, number, decoded)


def _json_kind(value: object) -> str:
    kinds = {list: "an array", str: "a string", bool: "true/false", type(None): "null"}
    return kinds.get(type(value), "a number")
