"""The audit screen: the same summary as `annotator audit`, computed off the UI thread."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import ClassVar

from rich.console import Group
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from annotator.audit.report import AuditReport, build_report
from annotator.audit.report_text import renderables
from annotator.audit.reviewers import FAST_SECONDS
from annotator.errors import AnnotatorError
from annotator.labels import LabelSchema
from annotator.safe_text import escape
from annotator.store import Store


class AuditScreen(Screen[None]):
    """Agreement, reviewer habits, detector quality, sourcing and the history check."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "back", id="audit.back", tooltip="Back to the previous screen"),
        Binding("r", "recompute", "refresh", id="audit.refresh", tooltip="Audit again"),
    ]
    DEFAULT_CSS = "#audit-body { padding: 0 1; }"

    def __init__(
        self, db_path: str | Path, schema: LabelSchema, fast: float = FAST_SECONDS
    ) -> None:
        super().__init__()
        self.db_path, self.schema, self.fast = str(db_path), schema, fast
        self.report: AuditReport | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static("Auditing…", id="audit-body")
        yield Footer()

    def on_mount(self) -> None:
        self.compute()

    @work(thread=True, exclusive=True)
    def compute(self) -> None:
        """Bootstrap intervals take a moment: keep the UI responsive meanwhile."""
        # SQLite connections belong to one thread: the worker opens its own.
        try:
            with closing(Store(self.db_path, read_only=True)) as store:
                report = build_report(store, self.schema, fast=self.fast)
        except AnnotatorError as error:
            self.app.call_from_thread(self.notify, escape(str(error)), severity="error")
            return
        self.app.call_from_thread(self.show_report, report)

    def show_report(self, report: AuditReport) -> None:
        self.report = report
        self.query_one("#audit-body", Static).update(Group(*renderables(report)))

    def action_recompute(self) -> None:
        self.query_one("#audit-body", Static).update("Auditing…")
        self.compute()

    def action_close(self) -> None:
        self.dismiss()
