"""The real model, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.nlp.pipeline import Extractor, load_extractor
from annotator.records import Article, ExtractedClaim

SEED = "/work/shared/seeds/000_7d85eff3e4ce24d8.txt"
SEED_GOLD = "/work/shared/eval/seed_gold.jsonl"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return load_extractor()


@pytest.fixture(scope="session")
def claims_of(extractor: Extractor) -> Callable[[str], list[ExtractedClaim]]:
    def run(text: str) -> list[ExtractedClaim]:
        ((_, claims),) = list(extractor.extract([Article(text=text)]))
        return claims

    return run


@pytest.fixture(scope="session")
def claim(
    claims_of: Callable[[str], list[ExtractedClaim]],
) -> Callable[[str, str], ExtractedClaim]:
    """The claim of ``text`` whose own text contains ``words``."""

    def find(text: str, words: str) -> ExtractedClaim:
        claims = claims_of(text)
        for c in claims:
            if words in c.text:
                return c
        raise AssertionError(f"no claim contains {words!r}: {[c.text for c in claims]}")

    return find
