"""Article title, claim i of n and article j of m, and the reviewer's progress as a bar.

One Static drawing its own bar: cheaper to repaint on every claim than a ProgressBar,
whose parts update one message cycle later and cost a second screen refresh.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from annotator.tui.marked import literal


def progress_line(done: int, total: int, width: int) -> Content:
    """A bar of `width` cells with the percentage after it."""
    share = done / total if total else 1.0
    filled = round(share * width)
    return Content.assemble(
        ("━" * filled, "$success"), ("━" * (width - filled), "$panel-lighten-2"), f" {share:4.0%}"
    )


class PositionBar(Static):
    """Three lines: title, position, progress of this reviewer over the whole database."""

    _shown: tuple[str | None, tuple[int, int], tuple[int, int], str, tuple[int, int]] | None = None

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)  # the bar is drawn to the widget's width

    def show(
        self,
        title: str | None,
        claim: tuple[int, int],
        article: tuple[int, int],
        view: str,
        rated: tuple[int, int],
    ) -> None:
        self._shown = (title, claim, article, view, rated)
        position = Content(
            f"claim {claim[0]} of {claim[1]} · article {article[0]} of {article[1]} · "
            f"rated {rated[0]} of {rated[1]} · view: "
        ) + literal(view, "italic")
        bar = progress_line(rated[0], rated[1], max(10, self.size.width - 6))
        self.update(
            Content("\n").join([literal(title or "(untitled article)", "bold"), position, bar]),
            layout=False,  # always three lines
        )
