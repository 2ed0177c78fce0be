"""Gold labels per claim, as `annotator.gold` defines them, for the detector and profiles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.gold import Decision, GoldMethod, gold_label, tied
from annotator.store.audit import CurrentLabel

Gold = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class GoldView:
    """Every claim's gold labels, where each came from, and the reviewers' votes behind it."""

    method: GoldMethod  # what was asked for; "adjudicated" falls back to the majority
    labels: Gold  # claim -> gold labels (a majority tie is null)
    adjudicated: frozenset[str]  # claims whose gold is an adjudicator's decision
    votes: Mapping[str, Sequence[Mapping[str, Any]]]  # claim -> the reviewers' labels

    def ties(self, name: str) -> set[str]:
        """Claims where two or more reviewers answered `name`, no answer has a majority,
        and no adjudication settles it: the gold has no answer there."""
        return {
            claim
            for claim, votes in self.votes.items()
            if claim not in self.adjudicated and tied(votes, name)
        }


def gold_view(
    labels: Sequence[CurrentLabel],
    adjudications: Mapping[str, CurrentLabel],
    method: GoldMethod,
) -> GoldView:
    """The gold of every claim that has labels or an adjudication."""
    by_claim: dict[str, list[dict[str, Any]]] = {}
    for label in labels:
        by_claim.setdefault(label.claim_id, []).append(label.labels)
    gold: Gold = {}
    adjudicated = set()
    for claim in sorted(set(by_claim) | set(adjudications)):
        decided = adjudications.get(claim)
        record = gold_label(
            method,
            by_claim.get(claim, []),
            None if decided is None else Decision(decided.reviewer, decided.labels, decided.note),
        )
        if record is not None:
            gold[claim] = record["labels"]
            if record["method"] == "adjudicated":
                adjudicated.add(claim)
    return GoldView(method, gold, frozenset(adjudicated), by_claim)
