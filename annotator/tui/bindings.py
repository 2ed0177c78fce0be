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
]


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
            action = "toggle_label" if question.kind == "yesno" else "edit_text"
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
