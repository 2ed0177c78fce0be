"""Review app tests: a real SQLite file built through the store API, no spaCy."""

from __future__ import annotations

import os

os.environ.pop("NO_COLOR", None)  # before Textual is imported: snapshots need colour

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


def database(path: Path, *articles: tuple[Article, list[ExtractedClaim]]) -> Path:
    """A database at `path` holding these articles, stored through the store API."""
    with Store(path) as store:
        for article in articles:
            store.add_article(*article, INFO)
    return path


def add_second_article(path: Path) -> None:
    """The seed article again under another first line and title ("Second")."""
    with Store(path) as store:
        text = "A second article.\n\n" + "\n\n".join(PARAGRAPHS)
        store.add_article(*seed_article(text, title="Second"), INFO)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database holding the seed article (four claims)."""
    return database(tmp_path / "review.db", seed_article())


# Wire copy as it arrives: one long paragraph, hard-wrapped, under a long headline.
LONG_TITLE = (
    "Ministers weigh emergency strike law as rail dispute enters its third week and "
    "commuters face another month of cancellations, delays and crowded platforms"
)
LONG_PARAGRAPH = (
    "LONDON (Wire) — Ministers are considering emergency legislation to limit\n"
    "strikes on the railways, two senior government officials said on Tuesday,\n"
    "speaking on condition of anonymity because the plans have not been made\n"
    "public. The proposals, which were discussed at a cabinet meeting last week,\n"
    "would require unions to run a minimum service on strike days. “We will not\n"
    "let the country be held to ransom,” Transport Secretary Helen Marsh told\n"
    "reporters outside parliament. The RMT union, which represents about 40,000\n"
    "rail workers, said any such law would be challenged in the courts. Passenger\n"
    "numbers have fallen by a fifth since the dispute began in March, according\n"
    "to figures published by the Office of Rail and Road."
)


def long_article() -> tuple[Article, list[ExtractedClaim]]:
    """A long, hard-wrapped paragraph of five claims: anonymous, unattributed, a quote,
    an organisation and a document, with the evidence extraction would give."""
    body = LONG_TITLE + "\n\n" + LONG_PARAGRAPH
    article = Article(text=body, title=LONG_TITLE, outlet="Wire")

    def claim(seq: int, first: str, last: str, **extra: object) -> ExtractedClaim:
        start = body.index(first)
        end = body.index(last, start) + len(last)
        return ExtractedClaim(
            seq=seq,
            kind="statement",
            start=start,
            end=end,
            text=body[start:end],
            sentence_start=start,
            sentence_end=end,
            **extra,  # type: ignore[arg-type]
        )

    anonymity = _find(body, "speaking on condition of anonymity")
    reason = _find(body, "because the plans have not been made\npublic")
    officials = _find(body, "two senior government officials")
    claims = [
        claim(
            0, "Ministers are", "made\npublic.", source_type="anonymous", anonymous_flag=True,
            anonymity_reason_given=True, source=officials, cue=_find(body, "said"),
            confidence=0.88,
            evidence=[
                Evidence("anonymity_phrase", anonymity.text, anonymity.start, anonymity.end,
                         "the article says the source asked not to be named"),
                Evidence("anonymity_reason", reason.text, reason.start, reason.end,
                         "a reason for anonymity is given"),
                Evidence("anonymous_noun", officials.text, officials.start, officials.end,
                         "officials without a name"),
            ],
        ),
        claim(1, "The proposals", "strike days.", confidence=0.4),
        claim(
            2, "“We will not", "outside parliament.", source_type="named_person",
            source=_find(body, "Transport Secretary Helen Marsh"),
            cue=_find(body, "told\nreporters"), confidence=0.93,
        ),
        claim(
            3, "The RMT union", "in the courts.", source_type="named_organization",
            source=_find(body, "The RMT union"),
            cue=_find(body, "said", body.index("The RMT")), confidence=0.8,
        ),
        claim(
            4, "Passenger\nnumbers", "Rail and Road.", source_type="document",
            source=_find(body, "figures published by the Office of Rail and Road"),
            cue=_find(body, "according\nto"), confidence=0.75,
        ),
    ]  # fmt: skip
    return article, claims


@pytest.fixture
def long_db(tmp_path: Path) -> Path:
    """A database holding the long wire article (five claims)."""
    return database(tmp_path / "long.db", long_article())
