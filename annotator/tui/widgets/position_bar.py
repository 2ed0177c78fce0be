"""Article title, claim i of n and article j of m, and the reviewer's progress."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ProgressBar, Static

from annotator.tui.marked import literal


class PositionBar(Vertical):
    """Title and position lines over a progress bar of claims rated by this reviewer."""

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="position")
        yield ProgressBar(show_eta=False, id="progress")

    def show(
        self,
        title: str | None,
        claim: tuple[int, int],
        article: tuple[int, int],
        view: str,
        rated: tuple[int, int],
    ) -> None:
        self.query_one("#title", Static).update(literal(title or "(untitled article)", "bold"))
        position = Content(
            f"claim {claim[0]} of {claim[1]} · article {article[0]} of {article[1]} · "
            f"rated {rated[0]} of {rated[1]} · view: "
        ) + literal(view, "italic")
        self.query_one("#position", Static).update(position)
        self.query_one(ProgressBar).update(total=max(rated[1], 1), progress=rated[0])
