"""The columns of claim and article shards, derived from the records they hold.

A claim row is an `ExtractedClaim.to_json` record (the JSONL contract), so the claim
schema is inferred from one record with every optional part present: a field added to the
contract becomes a column with no edit here, and every shard has the same schema
whatever its claims leave empty.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any

import pyarrow as pa

from annotator.records import Article, ExtractedClaim

CLAIMS_FORMAT = "annotator.shard.claims.v1"
ARTICLES_FORMAT = "annotator.shard.articles.v1"


def _filled(hint: Any) -> Any:
    """A value of type ``hint`` with every optional part present (zeros and empty text)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        return _filled(next(arg for arg in args if arg is not type(None)))
    if origin is list:
        return [_filled(args[0])]
    if dataclasses.is_dataclass(hint):
        assert isinstance(hint, type)
        hints = typing.get_type_hints(hint)
        return hint(**{f.name: _filled(hints[f.name]) for f in dataclasses.fields(hint)})
    return hint()


@cache
def claims_schema() -> pa.Schema:
    """The arrow schema of `ExtractedClaim.to_json` records."""
    exemplar = _filled(ExtractedClaim)
    return pa.Table.from_pylist([exemplar.to_json("", "")]).schema


@cache
def articles_schema() -> pa.Schema:
    """One text column per `Article` field; ``metadata`` holds JSON."""
    return pa.schema([(f.name, pa.string()) for f in dataclasses.fields(Article)])


def article_row(article: Article) -> dict[str, Any]:
    row = dataclasses.asdict(article)
    row["metadata"] = json.dumps(article.metadata, sort_keys=True, ensure_ascii=False)
    return row


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(**{**row, "metadata": json.loads(row["metadata"])})
