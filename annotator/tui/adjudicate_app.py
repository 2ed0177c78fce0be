"""The adjudicate app: an adjudicator settles the claims reviewers disagree on."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from annotator.audit.adjudication import disputes
from annotator.labels import LabelSchema, load_schema
from annotator.store import Store
from annotator.tui.screens.adjudicate import AdjudicateScreen
from annotator.tui.screens.audit import AuditScreen


class AdjudicateApp(App[None]):
    TITLE = "annotator adjudicate"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "quit", id="app.quit", tooltip="Quit (every decision is on disk)"),
        # A control key: a label schema may take any plain letter.
        Binding("ctrl+a", "audit", "audit", id="app.audit", tooltip="Show the audit report"),
    ]

    def __init__(self, store: Store, schema: LabelSchema, adjudicator: str) -> None:
        super().__init__()
        self.store, self.schema, self.adjudicator = store, schema, adjudicator
        self.sub_title = f"adjudicator: {adjudicator}"

    def on_mount(self) -> None:
        found = disputes(self.store, self.schema)
        self.push_screen(AdjudicateScreen(self.store, self.schema, self.adjudicator, found))

    def action_audit(self) -> None:
        self.push_screen(AuditScreen(self.store.path, self.schema))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Audit report", "Agreement, reviewers, detector", self.action_audit)

    def on_unmount(self) -> None:
        self.store.close()


def make_adjudicate_app(
    db_path: str | Path, adjudicator: str, schema: LabelSchema | None = None
) -> AdjudicateApp:
    """The one way to build the adjudicate app (the CLI and the tests both call it)."""
    return AdjudicateApp(Store(db_path), schema or load_schema(), adjudicator)
