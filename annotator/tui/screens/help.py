"""Help: every key of the review screen with its description, and what each question asks."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from annotator.labels import LabelSchema
from annotator.safe_text import clean
from annotator.tui.widgets.questions_panel import keys_of


class HelpScreen(ModalScreen[None]):
    """Built from the bindings and the schema, so it cannot drift from what the keys do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "close", id="help.close"),
        Binding("question_mark", "close", "close", key_display="?", id="help.close_question"),
        Binding("q", "close", "close", show=False, id="help.close_q"),
    ]

    def __init__(self, keys: list[tuple[str, str]], schema: LabelSchema) -> None:
        super().__init__()
        self._keys, self._schema = keys, schema

    def compose(self) -> ComposeResult:
        width = max(len(key) for key, _ in self._keys)
        lines = [Content.styled("Keys", "bold underline")]
        lines += [
            Content.assemble((f"{key:>{width}}  ", "bold $accent"), description)
            for key, description in self._keys
        ]
        lines += [
            Content(""),
            Content.styled(f"Questions ({clean(self._schema.name)} schema)", "bold underline"),
        ]
        # A schema shared by someone else is data: its text is shown literally, cleaned.
        for question in self._schema.questions:
            lines.append(
                Content.assemble(
                    (question.name, "bold"),
                    clean(f" [{keys_of(question)}]: {question.description}"),
                )
            )
            lines += [
                Content(clean(f"    {choice.key}  {choice.value}: {choice.description}"))
                for choice in question.choices
            ]
        with VerticalScroll(classes="dialog help"):
            yield Static(Content("\n").join(lines))

    def action_close(self) -> None:
        self.dismiss(None)
