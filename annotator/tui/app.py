"""The review app: wires the store, the session and the screens; nothing else lives here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from annotator.labels import LabelSchema, load_schema
from annotator.store import Store
from annotator.tui.screens import ClaimScreen, SummaryScreen
from annotator.tui.session import ReviewSession

DARK, LIGHT = "textual-dark", "textual-light"


class ReviewApp(App[None]):
    """Review the claims of one database as one reviewer."""

    CSS_PATH = "app.tcss"
    TITLE = "annotator review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "quit", id="app.quit", tooltip="Quit (every save is already on disk)"),
        Binding("ctrl+c", "quit", "quit", show=False, id="app.quit_ctrl_c"),
        # A control key: a label schema may take any plain letter.
        Binding(
            "ctrl+a", "audit", "audit", show=False, id="app.audit", tooltip="Show the audit report"
        ),
        Binding(
            "ctrl+t",
            "toggle_theme",
            "theme",
            show=False,
            id="app.toggle_theme",
            tooltip="Switch between dark and light themes",
        ),
    ]

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.sub_title = f"reviewer: {session.reviewer} · queue: {session.queue_name}"

    def on_mount(self) -> None:
        self.push_screen(ClaimScreen(self.session))

    def on_claim_screen_all_rated(self) -> None:
        counts = self.session.session_counts()
        saved = len(self.session.saved_this_session)
        self.push_screen(SummaryScreen(counts, saved, self.session.schema))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def action_audit(self) -> None:
        # Imported here: the audit's statistics stack is not needed to start reviewing.
        from annotator.tui.screens.audit import AuditScreen

        self.push_screen(AuditScreen(self.session.store.path, self.session.schema))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Dark / light", "Switch between the dark and light themes", self.action_toggle_theme
        )
        yield SystemCommand("Audit report", "Agreement, reviewers, detector", self.action_audit)

    def on_unmount(self) -> None:
        self.session.keep_edits()  # quitting keeps an edit the reviewer did not save
        self.session.store.close()


def make_app(
    db_path: str | Path,
    reviewer: str,
    schema: LabelSchema | None = None,
    *,
    view: str = "all",
    queue: str = "mine",
    articles: Sequence[str] | None = None,
) -> ReviewApp:
    """The one way to build the review app (the CLI and the tests both call it).

    `queue` is "mine" (the reviewer's assigned articles; everything when nobody is
    assigned anything) or "all"; `articles` narrows it to those article ids.
    """
    store = Store(db_path)
    try:
        session = ReviewSession(
            store, reviewer, schema or load_schema(), queue=queue, articles=articles
        )
    except BaseException:
        store.close()
        raise
    if view != "all":
        session.apply_filter(view)
    return ReviewApp(session)
