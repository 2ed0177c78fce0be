"""The article list: every article of the queue with its outlet, claims and your rated
count; enter opens the article at its first claim you have not rated."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from annotator.safe_text import clean
from annotator.tui.session import ArticleEntry

# Width of the number columns, cell padding and the border, beside title and outlet.
OTHER_COLUMNS = 32


def _one_line(text: str | None) -> Text:
    """Article text as an inert cell: no markup, no controls, no line breaks."""
    return Text(" ".join(clean(text or "").split()), no_wrap=True, overflow="ellipsis")


class ArticleListScreen(ModalScreen[int | None]):
    """Returns the chosen article's first claim key, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "back to the claim", id="articles.cancel"),
        Binding("l", "cancel", "back", show=False, id="articles.close_l"),
    ]

    def __init__(self, entries: list[ArticleEntry], current: int) -> None:
        super().__init__()
        self._entries, self._current = entries, current

    def compose(self) -> ComposeResult:
        count = len(self._entries)
        yield Label(
            f"{count} article{'s' if count != 1 else ''}: ↑↓ choose, enter opens, escape goes back",
            classes="articles-title",
        )
        table: DataTable[object] = DataTable(cursor_type="row", zebra_stripes=True)
        # Title and outlet share what the numbers leave of the screen's width.
        room = max(30, self.app.size.width - OTHER_COLUMNS)
        table.add_column("#", key="n")
        table.add_column("title", key="title", width=room * 3 // 4)
        table.add_column("outlet", key="outlet", width=room // 4)
        table.add_column("claims", key="claims")
        table.add_column("rated", key="rated")
        for n, entry in enumerate(self._entries, start=1):
            done = "✓" if entry.rated == entry.claims else ""
            table.add_row(
                Text(str(n), justify="right"),
                _one_line(entry.article.title or "(untitled article)"),
                _one_line(entry.article.outlet),
                Text(str(entry.claims), justify="right"),
                Text(f"{entry.rated} {done}".rstrip(), justify="right"),
                key=str(entry.article.first_key),
            )
        yield table

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=max(0, self._current))
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value
        self.dismiss(int(key) if key is not None else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
