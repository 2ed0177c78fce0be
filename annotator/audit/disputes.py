"""When reviewers' answers to one question count as a dispute, and what they agreed on.

A dispute is per question: only questions the schema marks `adjudicate` count, and only
answers given count (an unanswered question disputes nothing). A scale question's
answers agree when their numbers are at most its `tolerance` apart; a non-numeric scale
answer ("cant_judge") against a number is always a dispute. A span question's null is
an answer ("no span"), so null against a span is a dispute.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeGuard

from annotator.labels import LabelSchema, Question
from annotator.store.annotations import canonical_json


def is_number(value: Any) -> TypeGuard[int | float]:
    # bool is an int: True is an answer of a yes/no question, never a point on a scale.
    return isinstance(value, int | float) and not isinstance(value, bool)


def answers_given(question: Question, labels: Sequence[Mapping[str, Any]]) -> list[Any]:
    """The reviewers' answers to `question`, leaving out those who did not answer it (a
    missing key; for any question but a span, null too)."""
    if question.level == "span":
        return [one[question.name] for one in labels if question.name in one]
    return [value for one in labels if (value := one.get(question.name)) is not None]


def _key(value: Any) -> str:
    """What makes two answers equal: 1, "1" and true differ."""
    return canonical_json(value)


def answers_agree(question: Question, answers: Sequence[Any]) -> bool:
    """Whether these answers given to `question` need no adjudication."""
    numbers = [v for v in answers if is_number(v)]
    if question.kind == "scale" and question.tolerance and numbers:
        if len(numbers) < len(answers):
            return False  # a number against "can't judge"
        return max(numbers) - min(numbers) <= question.tolerance
    return len({_key(v) for v in answers}) <= 1


def disputed_questions(schema: LabelSchema, labels: Sequence[Mapping[str, Any]]) -> list[str]:
    """The adjudicated questions these reviewers' labels disagree on, in schema order."""
    if len(labels) < 2:
        return []
    return [
        q.name
        for q in schema.questions
        if q.adjudicate and not answers_agree(q, answers_given(q, labels))
    ]


def agreed_answer(answers: Sequence[Any]) -> Any:
    """The answer that answers which agree (within tolerance) settle on.

    Equal answers give that answer. Scale answers within tolerance but not equal give the
    most common one, and on a tie the lower middle answer (`statistics.median_low`), so
    that 2 and 3 settle on the more cautious credibility of 2.
    """
    ranked = Counter(_key(v) for v in answers).most_common()
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return next(v for v in answers if _key(v) == ranked[0][0])
    return statistics.median_low(v for v in answers if is_number(v))


@dataclass(frozen=True)
class DisputeCounts:
    """How many claims need adjudication, and on which questions."""

    total: int  # claims with at least one disputed question
    by_question: dict[str, int]  # every adjudicated question, 0 where none is disputed
    adjudicated: int  # of `total`, claims that already have a decision


def count_disputes(
    labels_by_claim: Mapping[str, Sequence[Mapping[str, Any]]],
    schema: LabelSchema,
    decided: Collection[str] = (),
) -> DisputeCounts:
    by_question = {q.name: 0 for q in schema.questions if q.adjudicate}
    total = adjudicated = 0
    for claim, labels in labels_by_claim.items():
        disputed = disputed_questions(schema, labels)
        for name in disputed:
            by_question[name] += 1
        if disputed:
            total += 1
            adjudicated += claim in decided
    return DisputeCounts(total, by_question, adjudicated)
