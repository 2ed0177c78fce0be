"""The real extraction model for tests that run detection, loaded once per session.

A conftest imports `extractor`, and `model` where the code under test loads the model
itself (a command): every `load_extractor` call of such a test returns the session's.
"""

from __future__ import annotations

import pytest

from annotator.nlp import pipeline
from annotator.nlp.pipeline import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return pipeline.load_extractor(None)


@pytest.fixture
def model(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> Extractor:
    monkeypatch.setattr(pipeline, "load_extractor", lambda model=None: extractor)
    return extractor
