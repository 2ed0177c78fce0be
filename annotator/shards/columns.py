"""The columns of claim and article shards, derived from the records they hold.

A claim row is an `ExtractedClaim.to_json` record (the JSONL contract), so the claim
schema is inferred from one record with every optional part present: a field added to the
contract (or to `Article`) becomes a column with no edit here, and every shard has the
same schema whatever its claims leave empty.
"""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from typing import Any

import pyarrow as pa

from annotator.records import Article, ExtractedClaim
from annotator.typed_data import exemplar, rebuilder

CLAIMS_FORMAT = "annotator.shard.claims.v1"
ARTICLES_FORMAT = "annotator.shard.articles.v1"


@cache
def claims_schema() -> pa.Schema:
    """The arrow schema of `ExtractedClaim.to_json` records."""
    return pa.Table.from_pylist([exemplar(ExtractedClaim).to_json("", "")]).schema


@cache
def articles_schema() -> pa.Schema:
    """A column per `Article` field, inferred the same way; ``metadata`` holds JSON text."""
    return pa.Table.from_pylist([article_row(exemplar(Article))]).schema


def article_row(article: Article) -> dict[str, Any]:
    row = dataclasses.asdict(article)
    row["metadata"] = json.dumps(article.metadata, sort_keys=True, ensure_ascii=False)
    return row


def article_from_row(row: dict[str, Any]) -> Article:
    rebuild = rebuilder(Article)
    assert rebuild is not None
    article: Article = rebuild({**row, "metadata": json.loads(row["metadata"])})
    return article
