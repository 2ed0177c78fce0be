"""Writing one shard: its articles and claims as two Parquet files, each whole or absent.

Each file is written under a temporary name and renamed when complete, so a worker that
dies half-way leaves no file under a shard's name; its size and sha256 go into the
manifest, which catches a file cut short or changed afterwards.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from annotator.records import Article, ExtractedClaim, PipelineInfo
from annotator.shards.columns import (
    ARTICLES_FORMAT,
    CLAIMS_FORMAT,
    article_row,
    articles_schema,
    claims_schema,
)


@dataclass(frozen=True)
class ShardFile:
    """One Parquet file of a shard, as the manifest lists it (path relative to the folder)."""

    path: str
    rows: int
    bytes: int
    sha256: str


@dataclass(frozen=True)
class Shard:
    """One partition of the input: its articles file and its claims file."""

    name: str
    articles: ShardFile
    claims: ShardFile


def shard_name(index: int) -> str:
    return f"part-{index:05d}"


def write_shard(
    folder: str,
    name: str,
    extracted: Sequence[tuple[Article, Sequence[ExtractedClaim]]],
    info: PipelineInfo,
) -> Shard:
    """Write ``extracted`` as shard ``name`` under ``folder`` (a path or fsspec URL)."""
    fs, root = fsspec.core.url_to_fs(folder)
    meta = {"pipeline": info.pipeline, "model": info.model, "shard": name}
    articles = pa.Table.from_pylist(
        [article_row(article) for article, _ in extracted],
        schema=articles_schema().with_metadata({**meta, "format": ARTICLES_FORMAT}),
    )
    claims = pa.Table.from_pylist(
        [
            claim.to_json(article.id, article.origin)
            for article, found in extracted
            for claim in found
        ],
        schema=claims_schema().with_metadata({**meta, "format": CLAIMS_FORMAT}),
    )
    return Shard(
        name,
        _write_file(fs, root, f"articles/{name}.parquet", articles),
        _write_file(fs, root, f"claims/{name}.parquet", claims),
    )


def _write_file(fs: fsspec.AbstractFileSystem, root: str, path: str, table: pa.Table) -> ShardFile:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    data = sink.getvalue().to_pybytes()
    target = f"{root.rstrip('/')}/{path}"
    fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
    partial = f"{target}.{uuid.uuid4().hex}.partial"
    fs.pipe_file(partial, data)
    fs.mv(partial, target)
    return ShardFile(path, table.num_rows, len(data), hashlib.sha256(data).hexdigest())
