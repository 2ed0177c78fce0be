"""Gold labels of a claim: the reviewers' majority, or an adjudicator's decision.

`majority` votes field by field over the reviewers' current labels: the value most
reviewers gave wins, a tie gives null. `adjudicated` takes the newest "adjudicate"
record of the claim and falls back to the majority where the claim has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from annotator.store.annotations import canonical_json

GoldMethod = Literal["majority", "adjudicated"]
GOLD_METHODS: tuple[str, ...] = ("majority", "adjudicated")


def _vote_key(value: Any) -> Any:
    """What makes two answers the same vote: 1, "1" and True are different answers."""
    if isinstance(value, str | int | float):  # the common case, kept cheap
        return (type(value), value)
    return canonical_json(value)


def _same(one: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """Equal answers of equal types (1 == True in Python, not here)."""
    return one == other and all(type(value) is type(other[k]) for k, value in one.items())


def majority(labels: Iterable[Mapping[str, Any]]) -> dict[str, Any] | None:
    """Per field, the value most reviewers gave; null on a tie; None with no labels.

    Fields come out sorted by name; a reviewer who left a field unanswered (missing or
    null) does not vote on it.
    """
    voters = list(labels)
    if not voters:
        return None
    first = voters[0]
    if all(_same(first, other) for other in voters[1:]):  # one voter, or all agree: cheap
        return dict(sorted(first.items()))
    votes: dict[str, dict[Any, int]] = {}
    values: dict[Any, Any] = {}
    for one in voters:
        for name, value in one.items():
            counts = votes.setdefault(name, {})
            if value is not None:
                key = _vote_key(value)
                values[key] = value
                counts[key] = counts.get(key, 0) + 1
    gold: dict[str, Any] = {}
    for name in sorted(votes):
        ranked = sorted(votes[name].values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            gold[name] = None
        else:
            top = ranked[0]
            gold[name] = values[next(k for k, n in votes[name].items() if n == top)]
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
