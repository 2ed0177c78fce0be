"""Choose which claims to step through: all, not yet rated, anonymous, low confidence, disputed."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


class FilterDialog(ModalScreen[str | None]):
    """Returns the chosen filter's name, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", id="filter.cancel")
    ]

    def __init__(self, filters: dict[str, str], current: str) -> None:
        super().__init__()
        self._filters, self._current = filters, current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Show which claims?")
            yield OptionList(*(Option(label, id=name) for name, label in self._filters.items()))

    def on_mount(self) -> None:
        names = list(self._filters)
        if self._current in names:
            self.query_one(OptionList).highlighted = names.index(self._current)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
