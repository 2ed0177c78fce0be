"""Fixtures of the export tests: the fixed label schema and a labelled corpus database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from export_corpus_data import HERE, add_corpus, label_corpus

from annotator.labels import LabelSchema, load_schema
from annotator.store import Store


@pytest.fixture
def schema() -> LabelSchema:
    return load_schema(HERE / "schema.toml")


@pytest.fixture
def store(tmp_path: Path, schema: LabelSchema) -> Iterator[Store]:
    with closing(Store(tmp_path / "corpus.db")) as opened:
        label_corpus(opened, add_corpus(opened), schema)
        yield opened
