"""The answers on screen for one claim, before they are saved.

They start from the reviewer's newest labels on the claim, else from the machine
suggestion for the questions that say `prefill`. The schema's constraints are applied as
answers change: an answer a rule implies is set at once, and a change that would break
a rule whose condition holds is refused. A save stores `labels()`: the answer to every
question asked, in schema order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.labels import Constraint, LabelSchema, Question
from annotator.store import Annotation, ReviewClaim
from annotator.store.annotations import canonical_json

# A text question of this name fills the annotation's note column instead of a label.
NOTE = "note"


@dataclass
class PendingLabels:
    schema: LabelSchema
    values: dict[str, Any]
    note: str | None = None
    # What the answers were when the claim was shown: moving on from a claim whose
    # answers are unchanged saves nothing.
    initial: str = field(default="", init=False)
    # labels() of the current values: asked for by every key binding on each redraw.
    _labels: dict[str, Any] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.values = self.schema.implied(self.values)
        self.initial = self._snapshot()

    def __setattr__(self, name: str, value: Any) -> None:
        # Answers are replaced whole (set, toggle, set_text), never changed in place, so a
        # new `values` is the one moment the cached labels go stale.
        if name in ("values", "note"):
            object.__setattr__(self, "_labels", None)
        object.__setattr__(self, name, value)

    @classmethod
    def start(
        cls, schema: LabelSchema, claim: ReviewClaim, current: Annotation | None
    ) -> PendingLabels:
        if current is not None and current.labels is not None:
            values = dict(current.labels)
        else:
            values = {q.name: claim.suggestion(q.prefill) for q in schema.questions if q.prefill}
        return cls(schema, values, current.note if current is not None else None)

    def _snapshot(self) -> str:
        return canonical_json([self.labels(), self.note])

    @property
    def changed(self) -> bool:
        """Whether the answers or the note differ from when the claim was shown."""
        return self._snapshot() != self.initial

    def labels(self) -> dict[str, Any]:
        """The answers to the questions asked, in schema order (what a save stores)."""
        if self._labels is None:
            labels: dict[str, Any] = {}
            for question in self.schema.questions:
                if question.kind == "text" and question.name == NOTE:
                    continue
                if question.is_asked(labels):
                    labels[question.name] = self.values.get(question.name)
            self._labels = labels
        return dict(self._labels)

    def is_asked(self, question: Question) -> bool:
        return question.is_asked(self.labels())

    def held_by(self) -> dict[str, Constraint]:
        """Answers a rule fixes right now (shown beside them), by question name."""
        return self.schema.held_by(self.labels())

    def missing(self) -> list[Question]:
        """Required questions not answered yet."""
        return self.schema.missing_required(self.labels())

    def set(self, name: str, value: Any) -> None:
        """Answer one question; answers its rules imply follow. Raises SchemaError when
        a rule forbids the answer."""
        self.values = self.schema.implied({**self.values, name: value}, changed=name)

    def toggle(self, name: str) -> None:
        self.set(name, not self.values.get(name))

    def set_text(self, name: str, text: str) -> None:
        value = text.strip() or None
        if name == NOTE:
            self.note = value
        else:
            self.set(name, value)

    def text(self, name: str) -> str:
        value = self.note if name == NOTE else self.values.get(name)
        return str(value or "")
