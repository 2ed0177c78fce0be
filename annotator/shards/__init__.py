"""Parquet shards of extracted claims: written by `annotator extract --out`, on one machine
or a Dask cluster, and bulk-loaded by `annotator ingest FOLDER`.

A shard folder holds ``claims/part-NNNNN.parquet`` (one row per claim, the columns of the
JSONL contract), ``articles/part-NNNNN.parquet`` (the articles those claims came from)
and ``manifest.json`` (the inputs, and every shard file's rows, size and sha256). The
manifest is written last: a folder without one is an unfinished run.
"""

from annotator.shards.manifest import MANIFEST, Manifest, read_manifest, write_manifest
from annotator.shards.read import read_shard
from annotator.shards.write import Shard, ShardFile, shard_name, write_shard

__all__ = [
    "MANIFEST",
    "Manifest",
    "Shard",
    "ShardFile",
    "read_manifest",
    "read_shard",
    "shard_name",
    "write_manifest",
    "write_shard",
]
