"""The export tests' small fixed corpus, built through the store API with fixed saved_at.

A uniquely named module (not conftest) so the tests can import its helpers.
"""

from __future__ import annotations

from pathlib import Path

from annotator.labels import LabelSchema
from annotator.records import Article, Evidence, ExtractedClaim, PipelineInfo, Span, claim_id
from annotator.store import Store

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
INFO = PipelineInfo(pipeline="annotator.source_attribution 0.1.0", model="test-model 1.0")

ARTICLE_ONE = (
    "Ankara denies talks\n"
    "Two unnamed Turkish officials said the talks had stalled. "
    'Foreign Minister Mevlut Cavusoglu told reporters: "We remain committed."\n'
    "=cmd|' /C calc'!A0 was found in a leaked spreadsheet."
)
ARTICLE_TWO = (
    "Prices rose 3% in May, according to a report by Statistics Finland. Café owners worried."
)


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(part, start, start + len(part))


def _claim(
    text: str, seq: int, part: str, kind: str = "statement", **extra: object
) -> ExtractedClaim:
    span = _span(text, part)
    return ExtractedClaim(
        seq=seq,
        kind=kind,
        start=span.start,
        end=span.end,
        text=part,
        sentence_start=span.start,
        sentence_end=span.end,
        **extra,
    )


def corpus_articles() -> list[tuple[Article, list[ExtractedClaim]]]:
    one, two = ARTICLE_ONE, ARTICLE_TWO
    officials = _span(one, "Two unnamed Turkish officials")
    claims_one = [
        _claim(one, 0, "Ankara denies talks", kind="headline"),
        _claim(
            one,
            1,
            "Two unnamed Turkish officials said the talks had stalled.",
            source_type="anonymous",
            anonymous_flag=True,
            anonymity_reason_given=False,
            source=officials,
            cue=_span(one, "said"),
            confidence=0.9,
            evidence=[
                Evidence(
                    "anonymous_noun",
                    officials.text,
                    officials.start,
                    officials.end,
                    "'unnamed' marks a withheld identity",
                ),
            ],
        ),
        _claim(
            one,
            2,
            'Foreign Minister Mevlut Cavusoglu told reporters: "We remain committed."',
            kind="quote",
            source_type="named_person",
            source=_span(one, "Foreign Minister Mevlut Cavusoglu"),
            cue=_span(one, "told reporters"),
            confidence=0.8,
        ),
        _claim(one, 3, "=cmd|' /C calc'!A0 was found in a leaked spreadsheet."),
    ]
    claims_two = [
        _claim(
            two,
            0,
            "Prices rose 3% in May, according to a report by Statistics Finland.",
            source_type="named_organization",
            source=_span(two, "a report by Statistics Finland"),
            cue=_span(two, "according to"),
            relayed_by=_span(two, "Statistics Finland"),
            confidence=0.7,
        ),
        _claim(two, 1, "Café owners worried."),
    ]
    return [
        (
            Article(text=one, title="Ankara denies talks", outlet="Wire", origin="one.txt"),
            claims_one,
        ),
        (Article(text=two, title="Prices", outlet="Nordic News", origin="two.txt"), claims_two),
    ]


def corpus_claim_ids() -> list[str]:
    """The claim ids of the corpus in reading order (stable: derived from offsets)."""
    return [claim_id(a.id, c.start, c.end) for a, claims in corpus_articles() for c in claims]


def add_corpus(store: Store) -> list[str]:
    """Store the articles; returns the claim ids in reading order."""
    for article, claims in corpus_articles():
        store.add_article(article, claims, INFO)
    return corpus_claim_ids()


def label_corpus(store: Store, ids: list[str], schema: LabelSchema) -> None:
    """Two reviewers, an undo back to unrated, a tie, and one adjudication."""
    store.register_schema(schema.id, schema.name, schema.version, schema.content)

    def label(n: int, reviewer: str, labels: dict | None, minute: int, **kw: object) -> None:
        store.add_annotation(
            ids[n],
            reviewer,
            labels,
            schema_id=schema.id,
            saved_at=f"2026-01-05T10:{minute:02d}:00.000000+00:00",
            **kw,
        )

    # Spans: the machine's confirmed (claim 1), corrected by one reviewer of two (claim 2,
    # decided without spans by the adjudicator), "no source" (claim 3), none given (5).
    officials, said = {"start": 20, "end": 49}, {"start": 50, "end": 54}
    minister, told = {"start": 78, "end": 111}, {"start": 112, "end": 126}
    anonymous = {
        "source_type": "anonymous",
        "anonymous_flag": True,
        "credibility": 2,
        "source_span": officials,
        "cue_span": said,
    }
    label(1, "alice", {**anonymous, "credibility": 3}, 1, seconds=12.5)
    label(1, "alice", anonymous, 2, seconds=4.0, note="changed my mind")
    label(1, "bob", anonymous, 3, seconds=8.25)
    named = {"source_type": "named_person", "cue_span": told}
    label(2, "alice", {**named, "credibility": 4, "source_span": {"start": 95, "end": 111}}, 4)
    label(2, "bob", {**named, "credibility": 5, "source_span": minister}, 5, note="=HYPERLINK(x)")
    label(3, "bob", {"source_type": "unattributed", "credibility": "cant_judge",
                     "source_span": None, "cue_span": None}, 6)  # fmt: skip
    label(4, "alice", {"source_type": "named_organization", "credibility": 4}, 7)
    label(4, "alice", None, 8, action="undo")  # back to unrated
    label(5, "carol", {"source_type": "unattributed", "anonymous_flag": False}, 9, seconds=1.0)
    label(2, "dana", {"source_type": "named_person", "credibility": 5}, 10, action="adjudicate")
