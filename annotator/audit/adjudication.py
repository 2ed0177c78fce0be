"""Adjudication: find the claims reviewers disagree on, and store the adjudicator's decision.

Library first: the `annotator adjudicate` screen is a thin skin over these functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from annotator.audit.agreement import fields_from_schema
from annotator.gold import majority
from annotator.labels import LabelSchema
from annotator.store import Annotation, Store
from annotator.store.annotations import ADJUDICATE, canonical_json
from annotator.store.audit import CurrentLabel, DisputedClaim


@dataclass(frozen=True)
class Dispute:
    """A claim whose reviewers gave different labels, with everything shown to decide it."""

    claim: DisputedClaim
    reviews: tuple[CurrentLabel, ...]  # one per reviewer, in reviewer-name order
    decided: CurrentLabel | None  # the newest adjudication, if the claim has one

    @property
    def draft(self) -> dict[str, Any]:
        """Where editing starts: the majority per field (ties left unset)."""
        voted = majority(r.labels for r in self.reviews) or {}
        return {name: value for name, value in voted.items() if value is not None}


def disagree(reviews: list[CurrentLabel], schema: LabelSchema) -> bool:
    """Whether two reviewers differ on any compared (non-text) field."""
    for spec in fields_from_schema(schema):
        if len({canonical_json(r.labels.get(spec.name)) for r in reviews}) > 1:
            return True
    return False


def disputes(store: Store, schema: LabelSchema) -> list[Dispute]:
    """Claims with two or more reviewers who disagree, in reading order."""
    by_claim: dict[str, list[CurrentLabel]] = {}
    for label in store.current_labels():
        by_claim.setdefault(label.claim_id, []).append(label)
    decided = store.adjudications()
    result = []
    for claim_id in store.claim_ids_in_order():
        reviews = sorted(by_claim.get(claim_id, []), key=lambda r: r.reviewer)
        if len(reviews) > 1 and disagree(reviews, schema):
            result.append(
                Dispute(store.disputed_claim(claim_id), tuple(reviews), decided.get(claim_id))
            )
    return result


def machine_labels(claim: DisputedClaim, schema: LabelSchema) -> dict[str, Any]:
    """The machine suggestion as labels: the schema's prefilled fields only."""
    labels: dict[str, Any] = {}
    if claim.suggestion is None:
        return labels
    for question in schema.questions:
        if question.prefill is not None:
            # Prefill names are the suggestion's field names (labels.PREFILLS).
            value = getattr(claim.suggestion, question.prefill)
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
    """Store the gold labels of a claim as an "adjudicate" record (committed on return)."""
    chosen = dict(labels)
    schema.validate_labels(chosen)
    store.register_schema(schema.id, schema.name, schema.version, schema.content)
    return store.add_annotation(
        claim_id, adjudicator, chosen, schema_id=schema.id, note=note, action=ADJUDICATE
    )
