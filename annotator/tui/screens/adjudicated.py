"""Shown when no dispute is left undecided: the counts, what to do next, and a way back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from annotator.audit.adjudication import Dispute

NEXT_STEPS = (
    "Next:\n"
    "  annotator export --gold adjudicated   the corpus with these decisions as gold\n"
    "  annotator audit                       the detector against the adjudicated gold"
)


def finished_lines(disputes: Sequence[Dispute], decided_now: int) -> list[Content]:
    if not disputes:
        return [
            Content.styled("No disputes", "bold"),
            Content("The reviewers agree on every adjudicated question of every claim."),
        ]
    by_question = Counter(name for d in disputes for name in d.disputed)
    counts = [
        ("claims with a disputed question", len(disputes)),
        ("decided in this session", decided_now),
        ("decided before", len(disputes) - decided_now),
    ]
    lines = [Content.styled("Every dispute is decided", "bold"), Content("")]
    lines += [Content(f"  {name:<32} {n:>6}") for name, n in counts]
    lines += [Content(""), Content.styled("Disputed questions", "bold underline")]
    lines += [Content(f"  {name:<32} {n:>6}") for name, n in by_question.most_common()]
    return lines


class FinishedScreen(Screen[None]):
    """The end of the disputes; escape goes back to them (to look at or change a decision)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "back to the disputes", id="adjudicated.back")
    ]

    def __init__(self, disputes: Sequence[Dispute], decided_now: int) -> None:
        super().__init__()
        self._disputes, self._decided_now = disputes, decided_now

    def compose(self) -> ComposeResult:
        yield Header()
        lines = finished_lines(self._disputes, self._decided_now)
        lines += [Content(""), Content(NEXT_STEPS)]
        with VerticalScroll(id="adjudicated"):
            yield Static(Content("\n").join(lines))
        yield Footer()

    def action_back(self) -> None:
        self.dismiss(None)
