"""Per-reviewer statistics: volume, speed, label mix, machine acceptance, straight-lining."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from annotator.audit.agreement import FieldSpec, usable
from annotator.audit.span_agreement import as_span
from annotator.store.audit import CurrentLabel, MachineSuggestion

FAST_SECONDS = 2.0
STRAIGHT_RUN = 10  # this many identical credibility ratings in a row is a straight-line run
CREDIBILITY = "credibility"


@dataclass(frozen=True)
class ReviewerStats:
    reviewer: str
    claims: int
    median_seconds: float | None
    p10_seconds: float | None
    fast_claims: int  # claims whose time spent is under the --fast threshold
    distribution: dict[str, dict[str, int]]  # field -> value (as text) -> count
    machine_accepted: int  # source_type and anonymous_flag both left as suggested
    machine_compared: int  # claims with a suggestion and both fields labelled
    longest_run: int  # of identical credibility ratings, in saved order
    runs_over_threshold: int
    majority_agreement: float | None  # share of fields equal to the others' clear majority
    majority_compared: int


def label_text(value: Any) -> str:
    """How a label value is shown and keyed in reports (JSON-like: true, 3, anonymous;
    a span as its character offsets, 12-30)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    span = as_span(value)
    if span is not None:
        return f"{span[0]}-{span[1]}"
    return str(value)


def runs(values: Sequence[Any]) -> list[int]:
    """Lengths of the runs of equal consecutive values."""
    lengths: list[int] = []
    previous: Any = object()
    for value in values:
        if lengths and value == previous and type(value) is type(previous):
            lengths[-1] += 1
        else:
            lengths.append(1)
        previous = value
    return lengths


def accepted_machine(labels: Mapping[str, Any], machine: MachineSuggestion) -> bool | None:
    """Whether the labels keep the suggested source type and anonymous flag (None: not both set)."""
    if "source_type" not in labels or "anonymous_flag" not in labels:
        return None
    return bool(
        labels["source_type"] == machine.source_type
        and labels["anonymous_flag"] is machine.anonymous_flag
    )


def clear_majority(values: Iterable[Any]) -> Any | None:
    """The most common value when it is strictly more common than any other, else None."""
    ranked = Counter(label_text(v) for v in values).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def reviewer_stats(
    labels: Sequence[CurrentLabel],
    seconds: Mapping[tuple[str, str], float],
    machine: Mapping[str, MachineSuggestion],
    specs: Sequence[FieldSpec],
    fast: float = FAST_SECONDS,
) -> list[ReviewerStats]:
    """One row per reviewer, in name order. ``labels`` must be in saved order."""
    by_claim: dict[str, dict[str, dict[str, Any]]] = {}
    for label in labels:
        by_claim.setdefault(label.claim_id, {})[label.reviewer] = label.labels
    result = []
    for reviewer in sorted({label.reviewer for label in labels}):
        own = [label for label in labels if label.reviewer == reviewer]
        times = [
            seconds[(reviewer, label.claim_id)]
            for label in own
            if (reviewer, label.claim_id) in seconds
        ]
        accepted = [
            accepted_machine(label.labels, machine[label.claim_id])
            for label in own
            if label.claim_id in machine
        ]
        compared = [a for a in accepted if a is not None]
        credibility = [
            label.labels[CREDIBILITY] for label in own if label.labels.get(CREDIBILITY) is not None
        ]
        lengths = runs(credibility)
        matches, majority_total = 0, 0
        for label in own:
            others = [v for r, v in by_claim[label.claim_id].items() if r != reviewer]
            for spec in specs:
                # A missing key is no answer (a span's null is one: "no span").
                if spec.name not in label.labels or not usable(spec, label.labels[spec.name]):
                    continue
                mine = label.labels[spec.name]
                majority = clear_majority(
                    o[spec.name] for o in others if spec.name in o and usable(spec, o[spec.name])
                )
                if majority is not None:
                    majority_total += 1
                    matches += label_text(mine) == majority
        result.append(
            ReviewerStats(
                reviewer=reviewer,
                claims=len(own),
                median_seconds=float(np.median(times)) if times else None,
                p10_seconds=float(np.percentile(times, 10)) if times else None,
                fast_claims=sum(t < fast for t in times),
                distribution=_distribution(own, specs),
                machine_accepted=sum(compared),
                machine_compared=len(compared),
                longest_run=max(lengths, default=0),
                runs_over_threshold=sum(n >= STRAIGHT_RUN for n in lengths),
                majority_agreement=matches / majority_total if majority_total else None,
                majority_compared=majority_total,
            )
        )
    return result


def _distribution(
    own: Sequence[CurrentLabel], specs: Sequence[FieldSpec]
) -> dict[str, dict[str, int]]:
    """Counts of every answer given per field, "cant_judge" included (it is an answer)."""
    result: dict[str, dict[str, int]] = {}
    for spec in specs:
        if spec.level == "span":
            continue  # nearly every span is its own value: a distribution says nothing
        counts = Counter(
            label_text(label.labels[spec.name])
            for label in own
            if label.labels.get(spec.name) is not None
        )
        result[spec.name] = dict(sorted(counts.items()))
    return result
