"""Score extraction against a gold file (docs/detection.md, "Gold files").

A gold line is found by a claim when the claim together
with its source and cue spans contains the anchor; among several, the claim whose own span
overlaps the anchor most wins. Claims longer than 1,000 characters never count, nor do
claims of page furniture (kind ``metadata`` or ``boilerplate``).

Gold strings (anchor, source, cue) are located whitespace-insensitively, so an anchor
written on one line still finds hard-wrapped text. A gold ``source`` or ``cue`` that
occurs several times is taken at the occurrence nearest the anchor.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.records import FURNITURE_KINDS, SOURCE_TYPES, ExtractedClaim, Span

MAX_CLAIM_CHARS = 1000
UNATTRIBUTED = "unattributed"


@dataclass(frozen=True)
class GoldLine:
    anchor: str
    source_type: str
    accept: tuple[str, ...]
    anonymous_flag: bool | None
    source: str | None = None
    cue: str | None = None
    # Older gold files have no `cue` field: their cues are not scored.
    cue_labelled: bool = False

    @property
    def sourced(self) -> bool:
        """Whether the preferred label says the statement rests on a source."""
        return self.source_type != UNATTRIBUTED


@dataclass(frozen=True)
class Outcome:
    """How one gold line fared."""

    gold: GoldLine
    claim: ExtractedClaim | None
    type_ok: bool
    flag_ok: bool
    article: str = ""
    source_ok: bool | None = None  # None: not scored (no gold source and none predicted)
    cue_ok: bool | None = None


@dataclass
class SpanScore:
    """Overlap scoring of predicted spans against gold spans."""

    gold: int = 0
    predicted: int = 0
    overlapping: int = 0

    @property
    def precision(self) -> float:
        return self.overlapping / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.overlapping / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: SpanScore) -> SpanScore:
        self.gold += other.gold
        self.predicted += other.predicted
        self.overlapping += other.overlapping
        return self


@dataclass(frozen=True)
class TypeScore:
    precision: float
    recall: float
    f1: float
    support: int


def add_counts(total: Any, other: Any) -> None:
    """Add the int fields of the dataclass ``other`` to those of ``total``."""
    for f in fields(total):
        if f.type == "int":
            setattr(total, f.name, getattr(total, f.name) + getattr(other, f.name))


def ratio(n: int, d: int) -> dict[str, Any]:
    """``n`` of ``d`` as JSON: the counts and the rate (None when ``d`` is 0)."""
    return {"n": n, "of": d, "rate": round(n / d, 4) if d else None}


@dataclass
class EvalResult:
    """Counts over one or more articles; ``+=`` adds another article's counts."""

    total: int = 0
    found: int = 0
    type_correct: int = 0
    flag_correct: int = 0
    sourced: int = 0  # gold lines whose preferred label is not unattributed
    sourced_found: int = 0  # ... matched by a claim the machine gave a source type
    sourced_typed: int = 0  # ... and whose type is in accept
    sourced_claims: int = 0  # machine-sourced claims that touch a gold anchor
    sourced_claims_inside: int = 0  # ... of them inside a gold sourced statement
    anonymous: int = 0  # gold lines flagged anonymous
    anonymous_flagged: int = 0
    typed_anonymous: int = 0  # matched claims the machine typed anonymous
    typed_anonymous_right: int = 0
    source_spans: SpanScore = field(default_factory=SpanScore)
    cue_spans: SpanScore | None = None  # None when no gold line labels cues
    type_counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    outcomes: list[Outcome] = field(default_factory=list)

    def __iadd__(self, other: EvalResult) -> EvalResult:
        add_counts(self, other)
        self.source_spans += other.source_spans
        if other.cue_spans is not None:
            if self.cue_spans is None:
                self.cue_spans = SpanScore()
            self.cue_spans += other.cue_spans
        self.type_counts += other.type_counts
        self.outcomes += other.outcomes
        return self

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not (o.type_ok and o.flag_ok)]

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.total if self.total else 0.0

    @property
    def flag_accuracy(self) -> float:
        return self.flag_correct / self.total if self.total else 0.0

    @property
    def per_type(self) -> dict[str, TypeScore]:
        """Precision (prediction in accept), recall and F1 per preferred gold label."""
        out: dict[str, TypeScore] = {}
        for t in SOURCE_TYPES:
            tp, predicted = self.type_counts[("accepted", t)], self.type_counts[("predicted", t)]
            support, hit = self.type_counts[("support", t)], self.type_counts[("hit", t)]
            if not predicted and not support:
                continue
            p = tp / predicted if predicted else 0.0
            r = hit / support if support else 0.0
            out[t] = TypeScore(p, r, 2 * p * r / (p + r) if p + r else 0.0, support)
        return out

    def summary(self) -> dict[str, Any]:
        """The headline figures as plain data (`annotator evaluate --json`)."""

        def spans(s: SpanScore | None) -> dict[str, Any] | None:
            if s is None:
                return None
            return {
                "gold": s.gold,
                "predicted": s.predicted,
                "overlapping": s.overlapping,
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
            }

        return {
            "found": ratio(self.found, self.total),
            "type_in_accept": ratio(self.type_correct, self.total),
            "flag_right": ratio(self.flag_correct, self.total),
            "sourced_found": ratio(self.sourced_found, self.sourced),
            "sourced_claims_inside": ratio(self.sourced_claims_inside, self.sourced_claims),
            "type_right_of_found": ratio(self.sourced_typed, self.sourced_found),
            "type_right_of_sourced": ratio(self.sourced_typed, self.sourced),
            "anonymous_flagged": ratio(self.anonymous_flagged, self.anonymous),
            "typed_anonymous_right": ratio(self.typed_anonymous_right, self.typed_anonymous),
            "source_spans": spans(self.source_spans),
            "cue_spans": spans(self.cue_spans),
        }


def read_gold(path: str | Path) -> list[GoldLine]:
    """Gold lines of a JSONL file; a bad line is an InputError naming it."""
    out: list[GoldLine] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(str(path), f"cannot read gold file ({error.strerror})") from error
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d: dict[str, Any] = json.loads(line)
            out.append(
                GoldLine(
                    anchor=d["anchor"],
                    source_type=d["source_type"],
                    accept=tuple(d.get("accept") or [d["source_type"]]),
                    anonymous_flag=d.get("anonymous_flag"),
                    source=d.get("source"),
                    cue=d.get("cue"),
                    cue_labelled="cue" in d,
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise InputError(str(path), f"not a gold line ({error})", line=n) from error
    return out


def _pattern(needle: str) -> re.Pattern[str]:
    # Whole words only at the ends, so the gold source "he" is not found inside "the".
    body = r"\s+".join(re.escape(word) for word in needle.split())
    head = r"(?<!\w)" if needle.strip()[0].isalnum() else ""
    tail = r"(?!\w)" if needle.strip()[-1].isalnum() else ""
    return re.compile(head + body + tail)


def locate(
    needle: str,
    text: str,
    near: tuple[int, int] = (0, 0),
    within: tuple[int, int] | None = None,
) -> tuple[int, int] | None:
    """The occurrence of ``needle`` nearest the span ``near``, whitespace-insensitive;
    occurrences inside ``within`` (the claim's sentence) come first."""
    if not needle.strip():
        return None
    best: tuple[int, int] | None = None
    best_key = (True, 0)
    for m in _pattern(needle).finditer(text):
        outside = within is not None and not (within[0] <= m.start() and m.end() <= within[1])
        key = (outside, max(0, m.start() - near[1], near[0] - m.end()))
        if best is None or key < best_key:
            best, best_key = (m.start(), m.end()), key
    return best


def _covers(claim: ExtractedClaim, text: str, start: int, end: int) -> bool:
    """Whether claim + source + cue cover [start, end); gaps of spaces/punctuation bridge."""
    spans = sorted((s.start, s.end) for s in (claim, claim.source, claim.cue) if s is not None)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and (
            s <= merged[-1][1] or not any(ch.isalnum() for ch in text[merged[-1][1] : s])
        ):
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return any(s <= start and end <= e for s, e in merged)


def _best_claim(
    start: int, end: int, claims: Sequence[ExtractedClaim], text: str
) -> ExtractedClaim | None:
    best: tuple[int, ExtractedClaim] | None = None
    for claim in claims:
        if claim.end - claim.start > MAX_CLAIM_CHARS or not _covers(claim, text, start, end):
            continue
        overlap = max(0, min(end, claim.end) - max(start, claim.start))
        if best is None or overlap > best[0]:
            best = (overlap, claim)
    return None if best is None else best[1]


def match(gold: GoldLine, claims: Sequence[ExtractedClaim], text: str) -> ExtractedClaim | None:
    """The claim that finds a gold line, or None."""
    where = locate(gold.anchor, text)
    return None if where is None else _best_claim(*where, claims, text)


def _span_ok(
    expected: str | None,
    predicted: Span | None,
    text: str,
    claim: ExtractedClaim,
    near: tuple[int, int],
    tally: SpanScore,
) -> bool | None:
    """Count one gold/predicted span pair into ``tally``; whether they overlap. The gold
    string is looked for in the claim's sentence first, nearest the anchor."""
    if expected is not None:
        tally.gold += 1
    if predicted is not None:
        tally.predicted += 1
    if expected is None or predicted is None:
        return None if expected is None and predicted is None else False
    where = locate(expected, text, near, (claim.sentence_start, claim.sentence_end))
    ok = where is not None and where[0] < predicted.end and predicted.start < where[1]
    tally.overlapping += ok
    return ok


def score(
    gold: Sequence[GoldLine], claims: Sequence[ExtractedClaim], text: str, article: str = ""
) -> EvalResult:
    """Score ``claims`` of the article ``text`` against ``gold``; page furniture (header
    lines, credits, share lines) is no claim and is not scored."""
    claims = [c for c in claims if c.kind not in FURNITURE_KINDS]
    result = EvalResult(cue_spans=SpanScore() if any(g.cue_labelled for g in gold) else None)
    anchors: list[tuple[int, int, GoldLine]] = []
    for line in gold:
        where = locate(line.anchor, text)
        claim = None if where is None else _best_claim(*where, claims, text)
        near = where or (0, 0)
        if where is not None:
            anchors.append((*where, line))
        type_ok = claim is not None and claim.source_type in line.accept
        flag_ok = claim is not None and (
            line.anonymous_flag is None or claim.anonymous_flag == line.anonymous_flag
        )
        source_ok = cue_ok = None
        if claim is not None:
            source_ok = _span_ok(line.source, claim.source, text, claim, near, result.source_spans)
            if line.cue_labelled and result.cue_spans is not None:
                cue_ok = _span_ok(line.cue, claim.cue, text, claim, near, result.cue_spans)
        else:
            result.source_spans.gold += line.source is not None
            if line.cue_labelled and result.cue_spans is not None:
                result.cue_spans.gold += line.cue is not None
        result.outcomes.append(Outcome(line, claim, type_ok, flag_ok, article, source_ok, cue_ok))
        result.total += 1
        result.found += claim is not None
        result.type_correct += type_ok
        result.flag_correct += flag_ok
        machine_sourced = claim is not None and claim.source_type != UNATTRIBUTED
        if line.sourced:
            result.sourced += 1
            result.sourced_found += machine_sourced
            result.sourced_typed += machine_sourced and type_ok
        if line.anonymous_flag:
            result.anonymous += 1
            result.anonymous_flagged += claim is not None and claim.anonymous_flag
        if claim is not None and claim.source_type == "anonymous":
            result.typed_anonymous += 1
            result.typed_anonymous_right += bool(line.anonymous_flag or "anonymous" in line.accept)
        _count_types(result.type_counts, line, claim)
    _count_sourced_claims(result, claims, anchors)
    return result


def _count_types(
    counts: Counter[tuple[str, str]], line: GoldLine, claim: ExtractedClaim | None
) -> None:
    counts[("support", line.source_type)] += 1
    if claim is None:
        return
    counts[("predicted", claim.source_type)] += 1
    counts[("accepted", claim.source_type)] += claim.source_type in line.accept
    counts[("hit", line.source_type)] += claim.source_type == line.source_type


def _count_sourced_claims(
    result: EvalResult,
    claims: Iterable[ExtractedClaim],
    anchors: Sequence[tuple[int, int, GoldLine]],
) -> None:
    """Machine-sourced claims that overlap a gold anchor: how many sit in a sourced statement.

    A claim touching no anchor is not counted: the gold says nothing about that text.
    """
    for claim in claims:
        if claim.source_type == UNATTRIBUTED or claim.end - claim.start > MAX_CLAIM_CHARS:
            continue
        touched = [g for s, e, g in anchors if s < claim.end and claim.start < e]
        if not touched:
            continue
        result.sourced_claims += 1
        result.sourced_claims_inside += any(g.sourced for g in touched)


def gold_pairs(folder: str | Path) -> list[tuple[Path, Path]]:
    """(gold, article) pairs of a folder: ``X.gold.jsonl`` with its article ``X.<ext>``."""
    pairs: list[tuple[Path, Path]] = []
    for gold in sorted(Path(folder).glob("*.gold.jsonl")):
        stem = gold.name.removesuffix(".gold.jsonl")
        articles = [
            p
            for p in sorted(gold.parent.glob(f"{glob_escape(stem)}.*"))
            if p != gold and p.suffix.lower() in {".txt", ".md", ".html", ".htm"}
        ]
        if not articles:
            raise InputError(str(gold), f"no article {stem}.txt (or .md/.html) next to it")
        pairs.append((gold, articles[0]))
    if not pairs:
        raise InputError(str(folder), "no *.gold.jsonl files in this folder")
    return pairs


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)
