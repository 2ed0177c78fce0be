"""The real extraction model, loaded once for the terminal tests that run detection."""

from __future__ import annotations

import pytest

from annotator.nlp import pipeline
from annotator.nlp.pipeline import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return pipeline.load_extractor(None)


@pytest.fixture
def model(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> Extractor:
    """Every `load_extractor` call of the test returns the session's real model."""
    monkeypatch.setattr(pipeline, "load_extractor", lambda model=None: extractor)
    return extractor
