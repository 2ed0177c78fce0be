"""Shared fixtures: the real extraction model, loaded once per session, and paths."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.nlp import pipeline
from annotator.nlp.pipeline import Extractor
from annotator.store import Store

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return pipeline.load_extractor(None)


@pytest.fixture
def model(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> Extractor:
    """Make every `load_extractor` call of the test return the session's real model."""
    monkeypatch.setattr(pipeline, "load_extractor", lambda model=None: extractor)
    return extractor


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store(db_path)
    yield opened
    opened.close()
