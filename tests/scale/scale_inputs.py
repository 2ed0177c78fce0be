"""Inputs of the corpus-scale tests and how to read a shard folder's claims."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[2]
# Eight articles of three formats: enough for several shards on two workers.
INPUTS = [
    str(ROOT / "seeds"),
    str(ROOT / "tests" / "data" / "good.jsonl"),
    *sorted(str(p) for p in (ROOT / "tests" / "nlp" / "data" / "devset4").glob("*.txt")),
]


def shard_records(folder: Path) -> list[dict[str, Any]]:
    """The claim rows of a shard folder, shard after shard in name order."""
    return [
        row
        for path in sorted((folder / "claims").glob("*.parquet"))
        for row in pq.read_table(path).to_pylist()
    ]
