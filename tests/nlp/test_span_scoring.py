"""Span scoring against brat attributions: trimming, one-to-one matching largest overlap
first, exact against overlap, distinct spans, recall per cue lemma and misses in context."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from annotator.nlp.brat import read_ann
from annotator.nlp.cue_lemma import cue_lemmas
from annotator.nlp.pipeline import Extractor
from annotator.nlp.span_render import in_context
from annotator.nlp.span_scoring import (
    GoldSpan,
    SpanResult,
    match_exact,
    match_overlap,
    overlap,
    recall_by_lemma,
    score_article,
    trim,
)
from annotator.records import ExtractedClaim, Span

BRAT = Path(__file__).parent / "data" / "brat"
FERRY = (BRAT / "flat" / "ferry.txt").read_text(encoding="utf-8")


def test_trimming_drops_punctuation_at_both_ends_of_every_piece() -> None:
    text = '"Sure, fine!" she said: (yes).'
    assert trim(((0, 13),), text) == ((1, 11),)  # "Sure, fine" keeps its inner comma
    # Piece by piece; a piece of punctuation only goes.
    assert trim(((0, 13), (13, 14), (24, 30)), text) == ((1, 11), (25, 28))
    # A span of punctuation only (a headline credit's colon) stays as written.
    assert trim(((22, 23),), text) == ((22, 23),)


def test_overlap_of_a_span_in_pieces_is_the_sum_of_its_pieces() -> None:
    assert overlap(((0, 5), (10, 15)), ((3, 12),)) == 2 + 2
    assert overlap(((0, 5),), ((5, 9),)) == 0


def test_matching_is_one_to_one_and_largest_overlap_first() -> None:
    gold = [((0, 10),), ((12, 30),), ((40, 50),)]
    predicted = [((6, 20),), ((0, 4),), ((45, 60),), ((41, 44),)]
    # Overlaps: g0-p0 4, g1-p0 8, g0-p1 4, g2-p2 5, g2-p3 3. Largest first: g1-p0 (8), then
    # g2-p2 (5), then g0-p1 (4; g0-p0 is out, p0 being taken); p3 stays unmatched.
    # Taking each gold span's best prediction in turn would give g0 p0 and leave g1 without.
    assert match_overlap(gold, predicted) == {1: 0, 2: 2, 0: 1}


def test_exact_needs_the_same_trimmed_offsets_or_the_extent_of_a_span_in_pieces() -> None:
    gold = [((0, 10),), ((20, 30),), ((40, 45), (50, 55)), ((60, 65), (70, 75))]
    predicted = [((0, 10),), ((22, 30),), ((40, 55),), ((60, 65), (70, 75))]
    assert match_exact(gold, predicted) == {0: 0, 2: 2, 3: 3}
    assert set(match_overlap(gold, predicted)) == {0, 1, 2, 3}


def span(words: str, nth: int = 1) -> Span:
    start = -1
    for _ in range(nth):
        start = FERRY.index(words, start + 1)
    return Span(words, start, start + len(words))


def claim(seq: int, words: str, **kw: object) -> ExtractedClaim:
    s = span(words)
    return ExtractedClaim(seq, "statement", s.start, s.end, words, s.start, s.end, **kw)  # type: ignore[arg-type]


def test_an_article_is_scored_over_distinct_spans() -> None:
    gold = read_ann(BRAT / "flat" / "ferry.ann", FERRY)
    claims = [
        claim(0, "Ferry Service To Resume"),  # no source or cue: no content predicted
        claim(
            1,
            "The ferry will resume service on Monday, the port authority said.",
            source=span("the port authority"),
            cue=span("said"),
        ),
        # Two claims on one source and cue span count them once.
        claim(2, "We are ready", source=span("Mara Lindqvist"), cue=span("said", 2)),
        claim(3, '"We are ready,"', source=span("Mara Lindqvist"), cue=span("said", 2)),
        claim(4, "Volunteers swept the pier [b]blue[/b]."),
    ]
    result = SpanResult([score_article("ferry", FERRY, gold, claims)])
    summary = result.summary()
    source, cue, content = (summary[role] for role in ("source", "cue", "content"))
    # Sources: "the port authority" exact; "Mara Lindqvist" overlaps the gold
    # "Mara Lindqvist, the harbour master"; "Volunteers" missed.
    assert (source["exact"]["matched"], source["overlap"]["matched"]) == (1, 2)
    assert (source["overlap"]["gold"], source["overlap"]["predicted"]) == (3, 2)
    assert (source["overlap"]["p"], source["overlap"]["r"], source["overlap"]["f1"]) == (
        1.0,
        0.6667,
        0.8,
    )
    assert (cue["exact"]["matched"], cue["exact"]["predicted"], cue["exact"]["gold"]) == (2, 2, 3)
    # Content: the claim spans of claims 1-3 ("We are ready" and its quoted form trim to
    # one span). Only "We are ready" is exact; the whole sentence overlaps its content.
    assert (content["exact"]["matched"], content["overlap"]["matched"]) == (1, 2)
    assert content["overlap"]["predicted"] == 2
    missed = [(s.role, FERRY[s.pieces[0][0] : s.pieces[-1][1]]) for _, s in result.misses()]
    assert missed == [
        ("source", "Volunteers"),
        ("cue", "swept"),
        ("content", "the pier [b]blue[/b"),
    ]


def test_content_comes_from_the_record_when_it_has_one() -> None:
    c = claim(
        1,
        "The ferry will resume service on Monday, the port authority said.",
        source=span("the port authority"),
        cue=span("said"),
    )
    c.content = span("The ferry will resume service on Monday")  # type: ignore[attr-defined]
    gold = read_ann(BRAT / "flat" / "ferry.ann", FERRY)
    summary = SpanResult([score_article("ferry", FERRY, gold, [c])]).summary()
    assert summary["content"]["exact"]["matched"] == 1


def test_recall_per_lemma_puts_the_most_missed_first() -> None:
    lemma = {"said": "say", "says": "say", "told": "tell", "noted": "note"}
    cues = [("said", True), ("says", False), ("said", True), ("told", False)]
    cues += [("told", False), ("noted", True)]
    rows = recall_by_lemma(cues, lemma.__getitem__)
    assert [(r.lemma, r.gold, r.found, r.missed) for r in rows] == [
        ("tell", 2, 0, 2),
        ("say", 3, 2, 1),
        ("note", 1, 1, 0),
    ]
    assert rows[1].recall == 2 / 3


def test_a_cue_counts_under_the_lemma_of_its_main_word(extractor: Extractor) -> None:
    cues = ["said", "Says", "according to", "pointed out", "has learned", "told reporters"]
    cues += ["did not respond", ":", "―"]
    assert cue_lemmas(extractor.nlp, cues) == {
        "said": "say",
        "Says": "say",
        "according to": "accord to",
        "pointed out": "point out",
        "has learned": "learn",
        "told reporters": "tell",
        "did not respond": "respond",
        ":": ":",
        "―": "―",
    }
    # The lemma pass leaves the extractor as it was.
    assert "source_attribution" in extractor.nlp.pipe_names


def test_a_miss_is_shown_in_its_sentence_marked_and_inert(
    claims_of: Callable[[str], list[ExtractedClaim]],
) -> None:
    text = "Harbour News\n\nThe [bold]crew[/bold] left\x1b[2J at dawn, a deckhand said. Rain fell."
    start = text.index("a deckhand")
    missed = GoldSpan("source", ((start, start + len("a deckhand")),), False, False)
    article = score_article("harbour", text, [], claims_of(text))
    console = Console(width=200, record=True)
    console.print(in_context(article, missed))
    shown = console.export_text().strip()
    assert shown == "…The [bold]crew[/bold] left at dawn, ⟦a deckhand⟧ said.…"
