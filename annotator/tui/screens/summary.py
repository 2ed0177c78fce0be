"""Shown when every claim is rated: this session's answers counted, and what to do next."""

from __future__ import annotations

from collections import Counter
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from annotator.labels import LabelSchema
from annotator.tui.widgets.questions_panel import answer_text

NEXT_STEPS = (
    "Every claim is rated. Next:\n"
    "  annotator export   write the labelled corpus (JSONL, CSV, Parquet, DocBin)\n"
    "  annotator audit    agreement between reviewers, speed, disagreements to adjudicate"
)


class SummaryScreen(Screen[None]):
    """Counts by label for this session; escape goes back to the claims."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "back to claims", id="summary.back")
    ]

    def __init__(self, counts: dict[str, Counter[Any]], saved: int, schema: LabelSchema) -> None:
        super().__init__()
        self._counts, self._saved, self._schema = counts, saved, schema

    def compose(self) -> ComposeResult:
        yield Header()
        lines = [Content.styled(f"This session: {self._saved} claims saved", "bold"), Content("")]
        for question in self._schema.questions:
            counter = self._counts.get(question.name)
            if not counter:
                continue
            lines.append(Content.styled(question.name, "bold underline"))
            lines += [
                Content(f"  {answer_text(question, value):<20} {n:>6}")
                for value, n in sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))
            ]
        lines += [Content(""), Content(NEXT_STEPS)]
        with VerticalScroll(id="summary"):
            yield Static(Content("\n").join(lines))
        yield Footer()

    def action_back(self) -> None:
        self.dismiss(None)
