"""The real extraction model, loaded once for the property tests that run detection."""

from __future__ import annotations

import pytest

from annotator.nlp.pipeline import Extractor, load_extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return load_extractor(None)
