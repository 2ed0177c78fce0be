"""The claim screen's header: app and reviewer, article title, claim i of n and article
j of m, and the reviewer's progress as a bar.

One Static for all of it: repainting it on every claim costs far less than Textual's
Header and ProgressBar (several widgets each, the bar updating a cycle later).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widgets import Static

from annotator.tui.marked import literal


@dataclass(frozen=True)
class Position:
    """Where the reviewer is (attributes down from the claim screen)."""

    header: str
    title: str | None
    claim: tuple[int, int]  # i of n in its article
    article: tuple[int, int]  # j of m in the database
    view: str
    in_view: tuple[int, int]  # k of l in the view (the number `g` goes to)
    rated: tuple[int, int]  # rated by this reviewer, of all claims


def progress_line(done: int, total: int, width: int) -> Content:
    """A bar of `width` cells with the percentage after it."""
    share = done / total if total else 1.0
    filled = round(share * width)
    return Content.assemble(
        ("━" * filled, "$success"), ("━" * (width - filled), "$foreground 20%"), f" {share:4.0%}"
    )


class PositionBar(Static):
    """Four lines: header, title, position, progress of this reviewer over the database."""

    _position: Position | None = None

    def on_resize(self) -> None:
        if self._position is not None:
            self.show(self._position)  # the header and bar are drawn to the widget's width

    def show(self, at: Position) -> None:
        self._position = at
        width = self.size.width
        where = Content(
            f" claim {at.claim[0]} of {at.claim[1]} · article {at.article[0]} of "
            f"{at.article[1]} · rated {at.rated[0]} of {at.rated[1]} · view "
        ) + Content.assemble((at.view, "italic"), f": {at.in_view[0]} of {at.in_view[1]}")
        lines = [
            literal(at.header.center(width), "bold reverse $primary"),
            Content(" ") + literal(" ".join((at.title or "(untitled article)").split()), "bold"),
            where,
            Content(" ") + progress_line(at.rated[0], at.rated[1], max(10, width - 7)),
        ]
        # Each cut to one line (a long title never pushes the progress bar off screen).
        cut = [line.truncate(max(10, width), ellipsis=True) for line in lines]
        self.update(Content("\n").join(cut), layout=False)  # always four lines
