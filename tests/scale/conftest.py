"""The real model, and the single-process reference the shard tests compare with."""

from __future__ import annotations

from typing import Any

import pytest
from scale_inputs import INPUTS

from annotator.ingest import read_paths
from annotator.nlp import pipeline
from annotator.nlp.pipeline import Extractor, load_extractor
from annotator.records import Article


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return load_extractor()


@pytest.fixture
def model(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> Extractor:
    """Every `load_extractor` call of the test returns the session's real model."""
    monkeypatch.setattr(pipeline, "load_extractor", lambda model=None: extractor)
    return extractor


@pytest.fixture(scope="session")
def reference_records(extractor: Extractor) -> list[dict[str, Any]]:
    """Every claim of INPUTS as `annotator extract` prints it, from this one process."""
    articles = [item for item in read_paths(INPUTS) if isinstance(item, Article)]
    return [
        claim.to_json(article.id, article.origin)
        for article, claims in extractor.extract(articles)
        for claim in claims
    ]
