"""The answers on screen for one claim, before they are saved.

They start from the reviewer's newest labels on the claim, else from the machine
suggestion for the questions that say `prefill`. A save stores `labels()`: the answer to
every question asked, in schema order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.labels import LabelSchema, Question
from annotator.store import Annotation, ReviewClaim

# A text question of this name fills the annotation's note column instead of a label.
NOTE = "note"


@dataclass
class PendingLabels:
    schema: LabelSchema
    values: dict[str, Any]
    note: str | None = None
    edited: bool = False  # the reviewer changed something since the claim was shown

    @classmethod
    def start(
        cls, schema: LabelSchema, claim: ReviewClaim, current: Annotation | None
    ) -> PendingLabels:
        if current is not None and current.labels is not None:
            values = dict(current.labels)
        else:
            values = {q.name: claim.suggestion(q.prefill) for q in schema.questions if q.prefill}
        return cls(schema, values, current.note if current is not None else None)

    def labels(self) -> dict[str, Any]:
        """The answers to the questions asked, in schema order (what a save stores)."""
        labels: dict[str, Any] = {}
        for question in self.schema.questions:
            if question.kind == "text" and question.name == NOTE:
                continue
            if question.is_asked(labels):
                labels[question.name] = self.values.get(question.name)
        return labels

    def is_asked(self, question: Question) -> bool:
        return question.is_asked(self.labels())

    def set(self, name: str, value: Any) -> None:
        self.values[name] = value
        self.edited = True

    def toggle(self, name: str) -> None:
        self.values[name] = not self.values.get(name)
        self.edited = True

    def set_text(self, name: str, text: str) -> None:
        value = text.strip() or None
        if name == NOTE:
            self.note = value
        else:
            self.values[name] = value
        self.edited = True

    def text(self, name: str) -> str:
        value = self.note if name == NOTE else self.values.get(name)
        return str(value or "")
