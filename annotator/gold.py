"""Gold labels of a claim: the reviewers' majority, or an adjudicator's decision.

`majority` votes field by field over the reviewers' current labels: the value most
reviewers gave wins, a tie gives null. `adjudicated` takes the newest "adjudicate"
record of the claim and falls back to the majority where the claim has none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from annotator.store.annotations import canonical_json

GoldMethod = Literal["majority", "adjudicated"]
GOLD_METHODS: tuple[str, ...] = ("majority", "adjudicated")


def majority(labels: Iterable[Mapping[str, Any]]) -> dict[str, Any] | None:
    """Per field, the value most reviewers gave; null on a tie; None with no labels.

    Fields come out sorted by name; a reviewer who left a field unanswered (missing or
    null) does not vote on it.
    """
    votes: dict[str, Counter[str]] = {}
    values: dict[str, Any] = {}
    seen = False
    for one in labels:
        seen = True
        for name, value in one.items():
            counter = votes.setdefault(name, Counter())
            if value is None:
                continue
            key = canonical_json(value)  # 1 and "1" and True are different answers
            values[key] = value
            counter[key] += 1
    if not seen:
        return None
    gold: dict[str, Any] = {}
    for name in sorted(votes):
        ranked = votes[name].most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            gold[name] = None
        else:
            gold[name] = values[ranked[0][0]]
    return gold


def gold_label(
    method: GoldMethod,
    reviewer_labels: list[dict[str, Any]],
    adjudication: tuple[str, dict[str, Any]] | None,
) -> dict[str, Any] | None:
    """The gold record of a claim: ``{"method", "labels", "adjudicator"}``, or None.

    ``adjudication`` is (adjudicator, labels) of the claim's newest adjudication; it is
    used only when ``method`` is "adjudicated".
    """
    if method == "adjudicated" and adjudication is not None:
        adjudicator, labels = adjudication
        return {
            "method": "adjudicated",
            "labels": dict(sorted(labels.items())),
            "adjudicator": adjudicator,
        }
    labels_by_vote = majority(reviewer_labels)
    if labels_by_vote is None:
        return None
    return {"method": "majority", "labels": labels_by_vote, "adjudicator": None}
