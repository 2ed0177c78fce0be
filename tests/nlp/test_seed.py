"""The seed article against its gold file, in three layouts (targets: >= 29/30 each)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import SEED, SEED_GOLD

from annotator.nlp.evaluate import read_gold, score
from annotator.nlp.paragraphs import prepare_text
from annotator.records import Article


def layouts() -> dict[str, str]:
    text = Path(SEED).read_text(encoding="utf-8")
    paras = [p for p in text.split("\n\n") if p.strip()]
    return {
        "blank_lines": text,
        "single_newlines": "\n".join(paras),
        "hard_wrapped": "\n".join(textwrap.fill(p, 72) for p in paras),
    }


@pytest.mark.parametrize("layout", ["blank_lines", "single_newlines", "hard_wrapped"])
def test_seed_scores(extractor, layout: str) -> None:  # type: ignore[no-untyped-def]
    text = layouts()[layout]
    ((_, claims),) = list(extractor.extract([Article(text=text)]))
    # Anchors are written with spaces; the prepared text has the same offsets.
    result = score(read_gold(SEED_GOLD), claims, prepare_text(text))
    assert result.total == 30
    assert result.type_correct >= 29, [o.gold.anchor for o in result.misses]
    assert result.flag_correct >= 29, [o.gold.anchor for o in result.misses]
