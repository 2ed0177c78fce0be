"""The real model, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.nlp.pipeline import Extractor, load_extractor
from annotator.records import Article, ExtractedClaim

# The sample article and its gold (a copy of shared/eval/seed_gold.jsonl), inside the
# repository so the tests run wherever it is checked out.
ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "seeds" / "turkey-s400-postponing-not-on-agenda.txt")
SEED_GOLD = str(ROOT / "tests" / "nlp" / "data" / "seed_gold.jsonl")

# The types of the two fixtures below, for the tests' signatures.
ClaimsOf = Callable[[str], list[ExtractedClaim]]
Claim = Callable[[str, str], ExtractedClaim]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return load_extractor()


@pytest.fixture(scope="session")
def claims_of(extractor: Extractor) -> ClaimsOf:
    def run(text: str) -> list[ExtractedClaim]:
        ((_, claims),) = list(extractor.extract([Article(text=text)]))
        return claims

    return run


@pytest.fixture(scope="session")
def claim(claims_of: ClaimsOf) -> Claim:
    """The claim of ``text`` whose own text contains ``words``."""

    def find(text: str, words: str) -> ExtractedClaim:
        claims = claims_of(text)
        for c in claims:
            if words in c.text:
                return c
        raise AssertionError(f"no claim contains {words!r}: {[c.text for c in claims]}")

    return find
