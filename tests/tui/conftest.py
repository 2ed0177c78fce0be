"""Review app tests: a real SQLite file built through the store API, no spaCy."""

from __future__ import annotations

import os

os.environ.pop("NO_COLOR", None)  # before Textual is imported: snapshots need colour

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.records import Article, Evidence, ExtractedClaim, PipelineInfo, Span
from annotator.store import Store

REVIEWER = "tester"
INFO = PipelineInfo("test-pipeline 0", "no-model 0")

PARAGRAPHS = [
    "Turkey will not delay delivery of the S-400s, Foreign Minister Mevlut Cavusoglu said "
    "on Wednesday. He said talks with Washington would continue.",
    "According to two unnamed Turkish officials cited by Bloomberg, Ankara could not accept "
    "the offer, speaking on condition of anonymity because they were not authorized to speak.",
    "The deal remains a source of tension between the allies.",
]


def _find(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(part, start, start + len(part))


def seed_article(
    text: str | None = None, title: str = "Turkey says delay not on agenda"
) -> tuple[Article, list[ExtractedClaim]]:
    """One article of three paragraphs and four claims, with spans and evidence."""
    body = text or "\n\n".join(PARAGRAPHS)
    article = Article(text=body, title=title)
    sentences = [
        _find(body, PARAGRAPHS[0].split(". ")[0] + "."),
        _find(body, "He said talks with Washington would continue."),
        _find(body, PARAGRAPHS[1]),
        _find(body, PARAGRAPHS[2]),
    ]
    s0 = sentences[0]
    anonymity = _find(body, "on condition of anonymity")
    claims = [
        ExtractedClaim(
            seq=0,
            kind="statement",
            start=s0.start,
            end=s0.end,
            text=s0.text,
            sentence_start=s0.start,
            sentence_end=s0.end,
            source_type="named_person",
            source=_find(body, "Foreign Minister Mevlut Cavusoglu"),
            cue=_find(body, "said"),
            confidence=0.9,
        ),
        ExtractedClaim(
            seq=1,
            kind="statement",
            start=sentences[1].start,
            end=sentences[1].end,
            text=sentences[1].text,
            sentence_start=sentences[1].start,
            sentence_end=sentences[1].end,
            source_type="named_person",
            source=_find(body, "He", sentences[1].start),
            cue=_find(body, "said", sentences[1].start),
            resolved_to=_find(body, "Foreign Minister Mevlut Cavusoglu"),
            confidence=0.7,
        ),
        ExtractedClaim(
            seq=2,
            kind="statement",
            start=sentences[2].start,
            end=sentences[2].end,
            text=sentences[2].text,
            sentence_start=sentences[2].start,
            sentence_end=sentences[2].end,
            source_type="anonymous",
            anonymous_flag=True,
            anonymity_reason_given=True,
            source=_find(body, "two unnamed Turkish officials"),
            cue=_find(body, "According to"),
            relayed_by=_find(body, "Bloomberg"),
            confidence=0.85,
            evidence=[
                Evidence(
                    "anonymity_phrase",
                    anonymity.text,
                    anonymity.start,
                    anonymity.end,
                    "the article says the source asked not to be named",
                ),
            ],
        ),
        ExtractedClaim(
            seq=3,
            kind="statement",
            start=sentences[3].start,
            end=sentences[3].end,
            text=sentences[3].text,
            sentence_start=sentences[3].start,
            sentence_end=sentences[3].end,
            confidence=0.4,
        ),
    ]
    return article, claims


@pytest.fixture(autouse=True)
def _colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    """A database holding the seed article (four claims)."""
    path = tmp_path / "review.db"
    with Store(path) as store:
        store.add_article(*seed_article(), INFO)
    yield path
