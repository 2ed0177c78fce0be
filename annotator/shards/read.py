"""Reading one shard back, checked against its manifest entry before anything is used."""

from __future__ import annotations

import hashlib
from collections import defaultdict

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from annotator.errors import InputError
from annotator.records import Article, ExtractedClaim
from annotator.shards.columns import article_from_row
from annotator.shards.write import Shard, ShardFile


def read_shard(folder: str, shard: Shard) -> list[tuple[Article, list[ExtractedClaim]]]:
    """The articles of ``shard`` with their claims, in the order they were written.

    An InputError naming the file when it is missing, not the size or sha256 the manifest
    records (cut short by a crashed worker, or changed since), or not readable Parquet.
    """
    fs, root = fsspec.core.url_to_fs(folder)
    articles = _read_file(fs, root, folder, shard.articles)
    claims = _read_file(fs, root, folder, shard.claims)
    found: dict[str, list[ExtractedClaim]] = defaultdict(list)
    for record in claims.to_pylist():
        found[record["article"]].append(ExtractedClaim.from_json(record))
    result: list[tuple[Article, list[ExtractedClaim]]] = [
        (article_from_row(row), []) for row in articles.to_pylist()
    ]
    for article, article_claims in result:
        article_claims.extend(found.pop(article.id, []))
    if found:
        raise InputError(
            _shown(folder, shard.claims),
            f"claims of {len(found)} article(s) not in {shard.articles.path}; "
            "run the extract again",
        )
    return result


def _shown(folder: str, file: ShardFile) -> str:
    return f"{folder.rstrip('/')}/{file.path}"


def _read_file(fs: fsspec.AbstractFileSystem, root: str, folder: str, file: ShardFile) -> pa.Table:
    shown = _shown(folder, file)
    try:
        data = fs.cat_file(f"{root.rstrip('/')}/{file.path}")
    except FileNotFoundError:
        raise InputError(shown, "missing (listed in the manifest); run the extract again") from None
    if len(data) != file.bytes or hashlib.sha256(data).hexdigest() != file.sha256:
        what = "cut short" if len(data) < file.bytes else "changed since it was written"
        raise InputError(
            shown,
            f"{what} ({len(data):,} bytes, the manifest says {file.bytes:,} and another "
            "sha256); refused: run the extract again for this shard's inputs",
        )
    try:
        return pq.read_table(pa.BufferReader(data))
    except (pa.ArrowException, OSError) as error:
        raise InputError(
            shown, f"not readable as Parquet ({error}); run the extract again"
        ) from error
