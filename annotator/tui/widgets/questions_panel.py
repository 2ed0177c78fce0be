"""The schema's questions with their keys and the answers pending for the current claim."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widgets import Static

from annotator.labels import LabelSchema, Question
from annotator.tui.marked import literal
from annotator.tui.widgets import styles


def keys_of(question: Question) -> str:
    """The keys that answer a question, as shown beside it ("1 2 3 4 5 0", "x")."""
    if question.choices:
        return " ".join(choice.key for choice in question.choices)
    return question.key or ""


def answer_text(question: Question, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if question.kind == "yesno":
        return "yes" if value else "no"
    return str(value)


class QuestionsPanel(Static):
    """One line per question: keys, name, pending answer (dim when not asked)."""

    _height = 0

    def show(self, schema: LabelSchema, answers: dict[str, Any], asked: set[str]) -> None:
        width = max(len(q.name) for q in schema.questions)
        key_width = max(len(keys_of(q)) for q in schema.questions)
        lines = []
        for question in schema.questions:
            is_asked = question.name in asked
            line = Content.assemble(
                (f"{keys_of(question):>{key_width}}  ", "bold $accent" if is_asked else styles.DIM),
                (f"{question.name:<{width}}  ", "" if is_asked else styles.DIM),
            )
            value = answers.get(question.name) if is_asked else None
            shown = answer_text(question, value) if is_asked else "(not asked)"
            lines.append(line + literal(shown, "bold" if is_asked else styles.DIM))
        # Its height changes only with the schema: skip the layout pass otherwise.
        self.update(Content("\n").join(lines), layout=len(lines) != self._height)
        self._height = len(lines)
