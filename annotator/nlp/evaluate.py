"""Score extraction against a gold file in the format of eval/seed_gold.jsonl.

Matching follows eval/README.md: a gold line is found by a claim when the claim together
with its source and cue spans contains the anchor; among several, the claim whose own span
overlaps the anchor most wins. Claims longer than 1,000 characters never count.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from annotator.errors import InputError
from annotator.records import SOURCE_TYPES, ExtractedClaim

MAX_CLAIM_CHARS = 1000


@dataclass(frozen=True)
class GoldLine:
    anchor: str
    source_type: str
    accept: tuple[str, ...]
    anonymous_flag: bool | None
    source: str | None = None


@dataclass(frozen=True)
class Outcome:
    """How one gold line fared."""

    gold: GoldLine
    claim: ExtractedClaim | None
    type_ok: bool
    flag_ok: bool


@dataclass(frozen=True)
class TypeScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class EvalResult:
    total: int
    found: int
    type_correct: int
    flag_correct: int
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not (o.type_ok and o.flag_ok)]

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.total if self.total else 0.0

    @property
    def flag_accuracy(self) -> float:
        return self.flag_correct / self.total if self.total else 0.0


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
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise InputError(str(path), f"not a gold line ({error})", line=n) from error
    return out


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


def match(gold: GoldLine, claims: Sequence[ExtractedClaim], text: str) -> ExtractedClaim | None:
    """The claim that finds a gold line, or None."""
    start = text.find(gold.anchor)
    if start < 0:
        return None
    end = start + len(gold.anchor)
    best: tuple[int, ExtractedClaim] | None = None
    for claim in claims:
        if claim.end - claim.start > MAX_CLAIM_CHARS or not _covers(claim, text, start, end):
            continue
        overlap = max(0, min(end, claim.end) - max(start, claim.start))
        if best is None or overlap > best[0]:
            best = (overlap, claim)
    return None if best is None else best[1]


def score(gold: Sequence[GoldLine], claims: Sequence[ExtractedClaim], text: str) -> EvalResult:
    """Score ``claims`` of the article ``text`` against ``gold``."""
    outcomes: list[Outcome] = []
    for line in gold:
        claim = match(line, claims, text)
        type_ok = claim is not None and claim.source_type in line.accept
        flag_ok = claim is not None and (
            line.anonymous_flag is None or claim.anonymous_flag == line.anonymous_flag
        )
        outcomes.append(Outcome(line, claim, type_ok, flag_ok))
    per_type: dict[str, TypeScore] = {}
    for t in SOURCE_TYPES:
        tp = sum(1 for o in outcomes if o.claim and o.claim.source_type == t and t in o.gold.accept)
        predicted = sum(1 for o in outcomes if o.claim and o.claim.source_type == t)
        support = sum(1 for o in outcomes if o.gold.source_type == t)
        hit = sum(
            1 for o in outcomes if o.gold.source_type == t and o.claim and o.claim.source_type == t
        )
        if not predicted and not support:
            continue
        p = tp / predicted if predicted else 0.0
        r = hit / support if support else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        per_type[t] = TypeScore(p, r, f1, support)
    return EvalResult(
        total=len(gold),
        found=sum(1 for o in outcomes if o.claim is not None),
        type_correct=sum(1 for o in outcomes if o.type_ok),
        flag_correct=sum(1 for o in outcomes if o.flag_ok),
        per_type=per_type,
        outcomes=outcomes,
    )


def render(result: EvalResult) -> RenderableType:
    """The scores, per-type table and misses as Rich renderables."""
    head = Text()
    head.append(f"gold lines found: {result.found}/{result.total}\n")
    head.append(
        f"source_type in accept: {result.type_correct}/{result.total} "
        f"({result.type_accuracy:.1%})\n"
    )
    head.append(
        f"anonymous_flag right:  {result.flag_correct}/{result.total} ({result.flag_accuracy:.1%})"
    )
    table = Table(title="per source_type (preferred gold label)")
    for col in ("type", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for t, s in result.per_type.items():
        table.add_row(t, f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.support))
    misses = Table(title=f"misses ({len(result.misses)})")
    for col in ("anchor", "gold", "predicted", "claim"):
        misses.add_column(col, overflow="fold")
    for o in result.misses:
        gold = f"{'|'.join(o.gold.accept)} anon={o.gold.anonymous_flag}"
        if o.claim is None:
            misses.add_row(o.gold.anchor, gold, "not found", "")
        else:
            pred = f"{o.claim.source_type} anon={o.claim.anonymous_flag}"
            misses.add_row(o.gold.anchor, gold, pred, o.claim.text)
    return Group(head, table, misses)
