"""Source, cue and content spans scored against brat attributions: exact and overlap.

Gold: the distinct source, cue and content spans that take part in an attribution
relation. Predicted: the distinct source and cue spans of an article's claims (several
claims sharing one source span count it once), and for content the claim's ``content``
span when the record has one, else the claim itself when it has a source or a cue.

Every piece of every span is trimmed of non-alphanumeric characters at both ends first
("“Sure,”" → "Sure"); a span that is punctuation only (the ":" of a headline credit, the
"―" of a pull quote) is kept as written. Then, per article and per kind:

- **overlap**: gold and predicted spans are matched one to one, largest overlap first:
  every gold × predicted pair that shares characters, sorted by the number of characters
  shared (summed over a gold span's pieces), biggest first; a pair is taken when neither
  span is taken yet.
- **exact**: a gold span matches a predicted span with the same trimmed pieces. A gold span
  in several pieces (a quotation interrupted by its attribution) also matches a one-piece
  prediction that runs from its first piece's start to its last piece's end, since the
  detector predicts contiguous spans; identical pieces are matched first, one to one.

Precision = matched / predicted, recall = matched / gold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.nlp.brat import ROLES, Attribution, Pieces
from annotator.records import ExtractedClaim, Span

CONTEXT_CHARS = 200


def trim(pieces: Pieces, text: str) -> Pieces:
    """``pieces`` without non-alphanumeric characters at either end of each piece; pieces
    left empty are dropped, and a span that is punctuation only stays as it is."""
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start < end:
            out.append((start, end))
    return tuple(out) if out else pieces


def overlap(a: Pieces, b: Pieces) -> int:
    """Characters ``a`` and ``b`` share, summed over their pieces."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def one_to_one(weighted: Iterable[tuple[int, int, int]]) -> dict[int, int]:
    """Gold index -> predicted index from (weight, gold, predicted) candidates, heaviest
    first (ties: earlier gold, then earlier prediction), each side used at most once."""
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, g, p in sorted(weighted, key=lambda c: (-c[0], c[1], c[2])):
        if g not in matched and p not in taken:
            matched[g] = p
            taken.add(p)
    return matched


def match_overlap(gold: Sequence[Pieces], predicted: Sequence[Pieces]) -> dict[int, int]:
    """One-to-one matching, largest overlap first."""
    return one_to_one(
        (shared, g, p)
        for g, gold_span in enumerate(gold)
        for p, predicted_span in enumerate(predicted)
        if (shared := overlap(gold_span, predicted_span)) > 0
    )


def match_exact(gold: Sequence[Pieces], predicted: Sequence[Pieces]) -> dict[int, int]:
    """One-to-one matching of identical spans, then of one-piece predictions that run over
    a multi-piece gold span from its first start to its last end."""
    at = {span: p for p, span in enumerate(predicted)}
    candidates: list[tuple[int, int, int]] = []
    for g, span in enumerate(gold):
        if span in at:
            candidates.append((2, g, at[span]))
        extent = ((span[0][0], span[-1][1]),)
        if len(span) > 1 and extent in at:
            candidates.append((1, g, at[extent]))
    return one_to_one(candidates)


def predicted_content(claim: ExtractedClaim) -> Span | None:
    """The claim's content span when the record has one; else, for a claim with a source
    or a cue, the claim itself; else None (the writer's own text has no content span)."""
    if claim.content is not None:
        return claim.content
    if claim.source is not None or claim.cue is not None:
        return Span(claim.text, claim.start, claim.end)
    return None


_PREDICTED: dict[str, Callable[[ExtractedClaim], Span | None]] = {
    "source": lambda claim: claim.source,
    "cue": lambda claim: claim.cue,
    "content": predicted_content,
}


def predicted_spans(claim: ExtractedClaim, role: str) -> list[Span]:
    """The claim's own span of ``role`` and those of the relations found in it."""
    own = _PREDICTED[role](claim)
    spans = [] if own is None else [own]
    spans += [s for r in claim.relations if (s := getattr(r, role)) is not None]
    return spans


def _distinct(spans: Iterable[Pieces], text: str) -> list[Pieces]:
    return sorted({trim(span, text) for span in spans})


@dataclass(frozen=True)
class GoldSpan:
    """One distinct gold span (trimmed) and whether a prediction matched it."""

    role: str
    pieces: Pieces
    exact: bool
    overlap: bool


@dataclass(frozen=True)
class ArticleScore:
    """One article's gold spans with their outcome, and its distinct predicted spans."""

    name: str
    text: str
    sentences: tuple[tuple[int, int], ...]  # the extractor's sentences, for context
    gold: tuple[GoldSpan, ...]
    predicted: dict[str, int]

    def covered(self, span: GoldSpan) -> str:
        return " ".join(self.text[start:end] for start, end in span.pieces)

    def context(self, span: GoldSpan) -> tuple[int, int]:
        """Where to show ``span``: the extractor's sentences it touches, else its
        paragraph; cut at a space about CONTEXT_CHARS beyond either end of the span."""
        start, end = span.pieces[0][0], span.pieces[-1][1]
        touched = [(s, e) for s, e in self.sentences if s < end and start < e]
        if touched:
            left, right = min(s for s, _ in touched), max(e for _, e in touched)
        else:
            before, after = self.text.rfind("\n\n", 0, start), self.text.find("\n\n", end)
            left = 0 if before < 0 else before + 2
            right = len(self.text) if after < 0 else after
        if left < start - CONTEXT_CHARS:  # cut at a space, not inside a word
            left = start - CONTEXT_CHARS
            space = self.text.find(" ", left, start)
            left = left if space < 0 else space + 1
        if right > end + CONTEXT_CHARS:
            right = end + CONTEXT_CHARS
            space = self.text.rfind(" ", end, right)
            right = right if space < 0 else space
        return left, right


def score_article(
    name: str, text: str, attributions: Sequence[Attribution], claims: Sequence[ExtractedClaim]
) -> ArticleScore:
    """Match the claims' spans of one article against its attributions."""
    gold: list[GoldSpan] = []
    counts: dict[str, int] = {}
    for role in ROLES:
        gold_spans = _distinct(
            (pieces for a in attributions if (pieces := a.span(role)) is not None), text
        )
        predicted = _distinct(
            (((s.start, s.end),) for c in claims for s in predicted_spans(c, role)), text
        )
        exact, overlapping = (
            match_exact(gold_spans, predicted),
            match_overlap(gold_spans, predicted),
        )
        gold += (
            GoldSpan(role, span, g in exact, g in overlapping) for g, span in enumerate(gold_spans)
        )
        counts[role] = len(predicted)
    sentences = tuple(sorted({(c.sentence_start, c.sentence_end) for c in claims}))
    return ArticleScore(name, text, sentences, tuple(gold), counts)


@dataclass(frozen=True)
class RoleFigures:
    """Counts of one kind of span over all articles."""

    gold: int
    predicted: int
    exact: int
    overlap: int

    def scores(self, matched: int) -> dict[str, Any]:
        p = matched / self.predicted if self.predicted else 0.0
        r = matched / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "p": round(p, 4),
            "r": round(r, 4),
            "f1": round(f1, 4),
            "matched": matched,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass
class SpanResult:
    """Every scored article; figures, misses and per-lemma recall over all of them."""

    articles: list[ArticleScore] = field(default_factory=list)

    def figures(self, role: str) -> RoleFigures:
        spans = [s for a in self.articles for s in a.gold if s.role == role]
        return RoleFigures(
            gold=len(spans),
            predicted=sum(a.predicted[role] for a in self.articles),
            exact=sum(s.exact for s in spans),
            overlap=sum(s.overlap for s in spans),
        )

    def summary(self) -> dict[str, Any]:
        """``{"source": {"exact": {"p", "r", "f1", ...}, "overlap": {...}}, "cue": ..., ...}``"""
        out: dict[str, Any] = {}
        for role in ROLES:
            figures = self.figures(role)
            out[role] = {
                "exact": figures.scores(figures.exact),
                "overlap": figures.scores(figures.overlap),
            }
        return out

    def misses(self) -> list[tuple[ArticleScore, GoldSpan]]:
        """Gold spans no prediction overlaps, article by article in reading order."""
        return [
            (article, span)
            for article in self.articles
            for span in sorted(article.gold, key=lambda s: s.pieces)
            if not span.overlap
        ]

    def gold_cues(self) -> list[tuple[str, bool]]:
        """(covered text, found by overlap) of every gold cue."""
        return [
            (article.covered(span), span.overlap)
            for article in self.articles
            for span in article.gold
            if span.role == "cue"
        ]


@dataclass(frozen=True)
class LemmaRecall:
    lemma: str
    gold: int
    found: int

    @property
    def missed(self) -> int:
        return self.gold - self.found

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0


def recall_by_lemma(
    cues: Iterable[tuple[str, bool]], lemma_of: Callable[[str], str]
) -> list[LemmaRecall]:
    """Gold cues grouped by lemma, the most missed first (then the most frequent, then A-Z)."""
    gold: dict[str, int] = {}
    found: dict[str, int] = {}
    for text, hit in cues:
        lemma = lemma_of(text)
        gold[lemma] = gold.get(lemma, 0) + 1
        found[lemma] = found.get(lemma, 0) + hit
    rows = [LemmaRecall(lemma, gold[lemma], found[lemma]) for lemma in gold]
    return sorted(rows, key=lambda r: (-r.missed, -r.gold, r.lemma))
