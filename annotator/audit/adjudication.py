"""Adjudication: find the claims reviewers disagree on, and store the adjudicator's decision.

Library first: the `annotator adjudicate` screen is a thin skin over these functions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.audit.disputes import agreed_answer, answers_given, disputed_questions
from annotator.gold import majority
from annotator.labels import LabelSchema
from annotator.store import Annotation, Store
from annotator.store.annotations import ADJUDICATE
from annotator.store.audit import CurrentLabel, DisputedClaim


@dataclass(frozen=True)
class Dispute:
    """A claim whose reviewers disagree on one or more adjudicated questions."""

    claim: DisputedClaim
    reviews: tuple[CurrentLabel, ...]  # one per reviewer, in reviewer-name order
    decided: CurrentLabel | None  # the newest adjudication, if the claim has one
    disputed: tuple[str, ...]  # the questions to decide, in schema order
    settled: dict[str, Any]  # every other compared question: what the reviewers settled on

    @property
    def draft(self) -> dict[str, Any]:
        """What the screen shows as the decision: the saved one, else the settled answers
        with the majority on each disputed question (a tie left unset)."""
        if self.decided is not None:
            return dict(self.decided.labels)
        voted = majority(r.labels for r in self.reviews) or {}
        chosen = {n: voted[n] for n in self.disputed if voted.get(n) is not None}
        return {**self.settled, **chosen}

    def decision_from(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The settled answers, with `answers` on the disputed questions (as they are: a
        question `answers` leaves unanswered is left unanswered)."""
        chosen = {n: answers[n] for n in self.disputed if n in answers}
        return {**self.settled, **chosen}


def settled_answers(
    schema: LabelSchema, reviews: Sequence[CurrentLabel], disputed: Sequence[str]
) -> dict[str, Any]:
    """Answers of the undisputed compared questions someone answered: agreed ones as
    agreed (within tolerance), questions that are not adjudicated by majority (a tie
    left unset)."""
    labels = [r.labels for r in reviews]
    voted = majority(labels) or {}
    settled: dict[str, Any] = {}
    for question in schema.questions:
        answers = answers_given(question, labels)
        if question.level is None or question.name in disputed or not answers:
            continue
        if question.adjudicate:
            settled[question.name] = agreed_answer(answers)
        elif voted.get(question.name) is not None:
            settled[question.name] = voted[question.name]
    return settled


def disputes(store: Store, schema: LabelSchema) -> list[Dispute]:
    """Claims with a disputed question, in reading order."""
    by_claim: dict[str, list[CurrentLabel]] = {}
    for label in store.current_labels():
        by_claim.setdefault(label.claim_id, []).append(label)
    decided = store.adjudications()
    result = []
    for claim_id in store.claim_ids_in_order():
        reviews = sorted(by_claim.get(claim_id, []), key=lambda r: r.reviewer)
        disputed = disputed_questions(schema, [r.labels for r in reviews])
        if disputed:
            result.append(
                Dispute(
                    store.disputed_claim(claim_id),
                    tuple(reviews),
                    decided.get(claim_id),
                    tuple(disputed),
                    settled_answers(schema, reviews, disputed),
                )
            )
    return result


def machine_labels(claim: DisputedClaim, schema: LabelSchema) -> dict[str, Any]:
    """The machine suggestion as labels: the schema's prefilled fields only."""
    labels: dict[str, Any] = {}
    if claim.suggestion is None:
        return labels
    for question in schema.questions:
        if question.prefill is not None:
            # Prefill names are the suggestion's field names (labels.PREFILLS); the
            # machine's spans are not offered here, so a decision never takes one unseen.
            value = getattr(claim.suggestion, question.prefill, None)
            if value is not None:
                labels[question.name] = value
    return labels


def adjudicate(
    store: Store,
    schema: LabelSchema,
    claim_id: str,
    adjudicator: str,
    labels: Mapping[str, Any],
    *,
    note: str | None = None,
) -> Annotation:
    """Store the gold labels of a claim as an "adjudicate" record (committed on return).

    ``note`` is the adjudicator's own note on the decision; it is exported with the gold.
    """
    chosen = dict(labels)
    schema.validate_labels(chosen)
    store.register_schema(schema.id, schema.name, schema.version, schema.content)
    return store.add_annotation(
        claim_id, adjudicator, chosen, schema_id=schema.id, note=note, action=ADJUDICATE
    )


def asked_only(schema: LabelSchema, labels: Mapping[str, Any]) -> dict[str, Any]:
    """`labels` without answers to questions not asked given the others (the reason for
    anonymity once the decision says the source is not anonymous)."""
    given = dict(labels)
    return {
        name: value
        for name, value in given.items()
        if (question := schema.question(name)) is None or question.is_asked(given)
    }
