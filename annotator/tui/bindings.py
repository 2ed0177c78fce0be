"""Key bindings as data: the fixed navigation keys, and the label keys built from a schema.

Every binding has a description (the footer and the help screen show it) and a stable id
(so a keymap can move it). A different `--schema` gives different label keys.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import _character_to_key

from annotator.labels import LabelSchema, Question

_MOVE = Binding.Group("move", compact=True)

NAVIGATION: list[Binding] = [
    Binding("question_mark", "help", "help", key_display="?", id="review.help"),
    Binding(
        "enter",
        "accept",
        "accept",
        id="review.accept",
        tooltip="Save the labels as shown and go on",
    ),
    Binding("space", "accept", "accept", show=False, id="review.accept_space"),
    Binding(
        "ctrl+z",
        "undo",
        "undo",
        id="review.undo",
        tooltip="Restore the labels before the last save",
    ),
    Binding("j", "move(1)", "next", group=_MOVE, id="review.next", tooltip="Next claim, no rating"),
    Binding("k", "move(-1)", "previous", group=_MOVE, id="review.previous"),
    Binding("down", "move(1)", "next", show=False, id="review.next_arrow"),
    Binding("up", "move(-1)", "previous", show=False, id="review.previous_arrow"),
    Binding("pagedown", "scroll_context(1)", "scroll text down", show=False, id="review.page_down"),
    Binding("pageup", "scroll_context(-1)", "scroll text up", show=False, id="review.page_up"),
    Binding(
        "slash",
        "search",
        "search",
        key_display="/",
        id="review.search",
        tooltip="Search claim text",
    ),
    Binding(
        "f", "filter", "filter", id="review.filter", tooltip="Show all, unrated, anonymous, ..."
    ),
    Binding("g", "goto", "go to", id="review.goto", tooltip="Jump to a claim by number or id"),
    Binding(
        "l",
        "articles",
        "articles",
        id="review.articles",
        tooltip="List the articles (title, outlet, claims, rated) and jump to one",
    ),
    Binding(
        "i",
        "unfold",
        "more",
        id="review.unfold",
        tooltip="Show the whole paragraph and every piece of evidence (again: fold)",
    ),
]

# While a span is being edited (s, t) these keys are the only ones that apply.
_SPAN = Binding.Group("wider/narrower", compact=True)
SPAN_EDITING: list[Binding] = [
    Binding(
        "tab",
        "span_step(1)",
        "next phrase",
        key_display="tab",
        id="span.next",
        tooltip="The next noun phrase of the sentence, then of the paragraph",
    ),
    Binding(
        "shift+tab", "span_step(-1)", "previous phrase", key_display="⇧tab", id="span.previous"
    ),
    Binding(
        "right",
        "span_end(1)",
        "wider",
        key_display="→",
        group=_SPAN,
        id="span.widen_end",
        tooltip="Widen the span by a word at its end",
    ),
    Binding(
        "left",
        "span_end(-1)",
        "narrower",
        key_display="←",
        group=_SPAN,
        id="span.narrow_end",
        tooltip="Narrow the span by a word at its end",
    ),
    Binding(
        "shift+left",
        "span_start(1)",
        "wider at start",
        key_display="⇧←",
        show=False,
        id="span.widen_start",
        tooltip="Widen the span by a word at its start",
    ),
    Binding(
        "shift+right",
        "span_start(-1)",
        "narrower at start",
        key_display="⇧→",
        show=False,
        id="span.narrow_start",
        tooltip="Narrow the span by a word at its start",
    ),
    Binding(
        "backspace",
        "span_none",
        "none",
        key_display="⌫",
        id="span.none",
        tooltip="No span: the claim names no source (or no cue)",
    ),
    Binding("delete", "span_none", "none", show=False, id="span.none_delete"),
    Binding(
        "enter",
        "span_confirm",
        "confirm",
        id="span.confirm",
        tooltip="Keep the span shown as the answer",
    ),
    Binding(
        "escape", "span_cancel", "cancel", id="span.cancel", tooltip="Leave the span as it was"
    ),
]
SPAN_ACTIONS = frozenset(b.action.split("(")[0] for b in SPAN_EDITING)


def _key(key: str) -> str:
    """Schema keys are characters ("1", "p"); Textual wants key names for punctuation."""
    return key if len(key) > 1 else _character_to_key(key)


def _title(question: Question) -> str:
    return question.name.replace("_", " ")


def schema_bindings(schema: LabelSchema) -> list[Binding]:
    """One binding per answer key of the schema, grouped per question in the footer."""
    bindings: list[Binding] = []
    # Questions that save and move on (the rating) come first in the footer.
    for question in sorted(schema.questions, key=lambda q: not q.advances):
        if question.choices:
            group = Binding.Group(_title(question), compact=True)
            bindings += [
                Binding(
                    _key(choice.key),
                    f"choose({question.name!r}, {choice.value!r})",
                    f"{question.name} = {choice.value}",
                    key_display=choice.key,
                    tooltip=choice.description,
                    group=group,
                    id=f"label.{question.name}.{choice.value}",
                )
                for choice in question.choices
            ]
        elif question.key is not None:
            action = {"yesno": "toggle_label", "span": "edit_span"}.get(question.kind, "edit_text")
            bindings.append(
                Binding(
                    _key(question.key),
                    f"{action}({question.name!r})",
                    _title(question),
                    key_display=question.key,
                    tooltip=question.description,
                    id=f"label.{question.name}",
                )
            )
    return bindings
