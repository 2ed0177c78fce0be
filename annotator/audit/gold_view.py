"""Gold labels per claim, as `annotator.gold` defines them, for the detector and profiles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from annotator.gold import GoldMethod, gold_label
from annotator.store.audit import CurrentLabel

Gold = dict[str, dict[str, Any]]


def gold_labels(
    labels: Sequence[CurrentLabel],
    adjudications: Mapping[str, CurrentLabel],
    method: GoldMethod,
) -> Gold:
    """{claim: gold labels} over every claim that has labels or an adjudication."""
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for label in labels:
        by_claim.setdefault(label.claim_id, []).append(label.labels)
    gold: Gold = {}
    for claim in sorted(set(by_claim) | set(adjudications)):
        decided = adjudications.get(claim)
        record = gold_label(
            method,
            by_claim.get(claim, []),
            None if decided is None else (decided.reviewer, decided.labels),
        )
        if record is not None:
            gold[claim] = record["labels"]
    return gold
