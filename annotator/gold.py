"""Gold labels of a claim: the reviewers' majority, or an adjudicator's decision.

`majority` votes field by field over the reviewers' current labels: the value most
reviewers gave wins, a tie gives null. Null is no vote, except for the fields named in
`null_answers` (span questions, where null answers "no span"). `adjudicated` takes the
newest "adjudicate" record of the claim and falls back to the majority where the claim
has none.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Decision:
    """An adjudicator's decision on a claim: the gold labels, and their note on it."""

    adjudicator: str
    labels: Mapping[str, Any]
    note: str | None = None


def tied(labels: Iterable[Mapping[str, Any]], name: str) -> bool:
    """Whether two or more reviewers answered field `name` and no answer has a majority."""
    votes = [one.get(name) for one in labels]
    answered = [v for v in votes if v is not None]
    return len(answered) >= 2 and (majority([{name: v} for v in answered]) or {})[name] is None


def majority(
    labels: Iterable[Mapping[str, Any]], null_answers: Collection[str] = ()
) -> dict[str, Any] | None:
    """Per field, the value most reviewers gave; null on a tie; None with no labels.

    Fields come out sorted by name; a reviewer who left a field unanswered (missing, or
    null outside `null_answers`) does not vote on it.
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
            if value is not None or name in null_answers:
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
    adjudication: Decision | None,
    null_answers: Collection[str] = (),
) -> dict[str, Any] | None:
    """The gold record of a claim: ``{"method", "labels", "adjudicator", "note"}``, or None.

    ``adjudication`` is the claim's newest adjudication; it is used only when ``method``
    is "adjudicated". ``note`` is the adjudicator's note (null for a majority).
    """
    if method == "adjudicated" and adjudication is not None:
        return {
            "method": "adjudicated",
            "labels": dict(sorted(adjudication.labels.items())),
            "adjudicator": adjudication.adjudicator,
            "note": adjudication.note,
        }
    labels_by_vote = majority(reviewer_labels, null_answers)
    if labels_by_vote is None:
        return None
    return {"method": "majority", "labels": labels_by_vote, "adjudicator": None, "note": None}
