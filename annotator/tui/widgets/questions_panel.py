"""The schema's questions with their keys and the answers pending for the current claim,
what a rule fixes, and below them the focused question's description (the guideline)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.widgets import Static

from annotator.labels import Constraint, LabelSchema, Question
from annotator.safe_text import clean
from annotator.store import ReviewClaim
from annotator.tui.marked import literal
from annotator.tui.widgets import styles

GUIDELINE_LINES = 2  # fixed, so the panel's height depends on the schema only


def keys_of(question: Question) -> str:
    """The keys that answer a question, as shown beside it ("1 2 3 4 5 0", "x")."""
    if question.choices:
        return " ".join(choice.key for choice in question.choices)
    return question.key or ""


def answer_text(question: Question, value: Any, claim: ReviewClaim | None = None) -> str:
    if question.kind == "span" and not isinstance(value, str):  # str: a count's key ("given")
        if value is None:
            return "none"
        shown = claim.text_at(value["start"], value["end"]) if claim is not None else None
        return f"“{' '.join(shown.split())}”" if shown else f"[{value['start']}:{value['end']}]"
    if value is None or value == "":
        return "—"
    if question.kind == "yesno":
        return "yes" if value else "no"
    return str(value)


@dataclass(frozen=True)
class Answers:
    """The pending answers of a claim as the panel shows them."""

    values: dict[str, Any]
    asked: set[str]
    held: dict[str, Constraint]  # answers a rule fixes now
    focus: str | None  # the question whose description is shown
    claim: ReviewClaim


class QuestionsPanel(Static):
    """One line per question: keys, name, pending answer (dim when not asked), the rule
    that fixes it; then the focused question's description."""

    _height = 0

    def show(self, schema: LabelSchema, answers: Answers, guideline: Content | None = None) -> None:
        width = max(len(q.name) for q in schema.questions)
        key_width = max(len(keys_of(q)) for q in schema.questions)
        room = max(20, self.size.width - 2) if self.size.width else 200
        lines = []
        for question in schema.questions:
            is_asked = question.name in answers.asked
            focused = question.name == answers.focus
            line = Content.assemble(
                ("▸" if focused else " ", "bold $accent"),
                (f"{keys_of(question):>{key_width}}  ", "bold $accent" if is_asked else styles.DIM),
                (
                    f"{question.name:<{width}}  ",
                    "bold" if focused else "" if is_asked else styles.DIM,
                ),
            )
            value = answers.values.get(question.name) if is_asked else None
            shown = answer_text(question, value, answers.claim) if is_asked else "(not asked)"
            line += literal(shown, "bold" if is_asked else styles.DIM)
            rule = answers.held.get(question.name)
            if rule is not None and is_asked:
                line += Content.styled(f"  ← {', '.join(_when(rule))}", styles.DIM)
            lines.append(line.truncate(room, ellipsis=True))
        if guideline is None:
            guideline = describe(schema.question(answers.focus or ""), answers.values)
        wrapped = guideline.wrap(room)
        if len(wrapped) > GUIDELINE_LINES:
            wrapped = wrapped[:GUIDELINE_LINES]
            wrapped[-1] = (wrapped[-1] + Content(" …")).truncate(room, ellipsis=True)
        lines += wrapped + [Content("")] * (GUIDELINE_LINES - len(wrapped))
        # Its height changes only with the schema: skip the layout pass otherwise.
        self.update(Content("\n").join(lines), layout=len(lines) != self._height)
        self._height = len(lines)


def _when(rule: Constraint) -> list[str]:
    return [clean(f"{name} = {value}") for name, value in rule.when.items()]


def describe(question: Question | None, values: dict[str, Any]) -> Content:
    """The guideline line: what the question asks, and what the chosen answer means."""
    if question is None:
        return Content("")
    # A schema shared by someone else is data: its text is shown literally, cleaned.
    text = Content.styled(f"{question.name}: ", "bold $text-accent") + literal(question.description)
    choice = next((c for c in question.choices if c.value == values.get(question.name)), None)
    if choice is not None:
        text += Content("  ") + literal(f"{choice.value}: ", "italic") + literal(choice.description)
    return text
