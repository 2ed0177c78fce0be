"""The claim screen: one claim in its paragraph, the machine suggestion, the questions, the keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingsMap, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen

from annotator.errors import AnnotatorError
from annotator.safe_text import escape
from annotator.tui.bindings import NAVIGATION, schema_bindings
from annotator.tui.pending import NOTE
from annotator.tui.screens.filter import FilterDialog
from annotator.tui.screens.help import HelpScreen
from annotator.tui.screens.prompt import PromptDialog
from annotator.tui.session import ReviewSession
from annotator.tui.views import FILTERS
from annotator.tui.widgets import (
    ClaimContext,
    KeyBar,
    PositionBar,
    QuestionsPanel,
    SuggestionPanel,
)
from annotator.tui.widgets.position_bar import Position

# Actions that answer a question: shown only while their question is asked.
_LABEL_ACTIONS = frozenset({"choose", "toggle_label", "edit_text"})


class ClaimScreen(Screen[None]):
    """Steps a reviewer through the claims of a session; every save commits before moving."""

    BINDINGS: ClassVar[list[BindingType]] = list(NAVIGATION)

    class AllRated(Message):
        """Every claim of the database now has a label from this reviewer."""

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        # What decides which keys apply; the key bar is redrawn only when it changes.
        self._keys_state: tuple[frozenset[str], bool, tuple[bool, bool]] | None = None
        # Label keys come from the schema at run time, so they cannot be class data. They
        # go first: the key bar lists bindings in order and may be cut at 80 columns.
        self._label_bindings = schema_bindings(session.schema)
        self._bindings = BindingsMap.merge([BindingsMap(self._label_bindings), self._bindings])

    def compose(self) -> ComposeResult:
        yield PositionBar(id="position-bar")
        # Not focusable: the arrow keys move between claims instead of scrolling.
        with VerticalScroll(id="context-scroll", can_focus=False):
            yield ClaimContext(id="context")
        yield SuggestionPanel(id="suggestion")
        yield QuestionsPanel(id="questions")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.session.open_first()
        self.show_claim()
        if self.session.all_rated:
            self.notify("Every claim has your label: j/k or f to revise, q to quit.")

    # -- attributes down ------------------------------------------------------------
    def show_claim(self) -> None:
        """Put the session's current claim on screen."""
        session, claim = self.session, self.session.claim
        assert claim is not None
        in_article, article = session.article_position()
        self.query_one(PositionBar).show(
            Position(
                header=f"{self.app.title} — {self.app.sub_title}",
                title=claim.article_title,
                claim=in_article,
                article=article,
                view=session.view_name,
                in_view=(session.index + 1, len(session.view)),
                rated=(len(session.rated), session.total),
            )
        )
        self.query_one(ClaimContext).show(claim)
        scroll = self.query_one("#context-scroll", VerticalScroll)
        if scroll.scroll_y:
            scroll.scroll_home(animate=False)
        self.query_one(SuggestionPanel).show(claim)
        self.show_labels()

    def show_labels(self) -> None:
        session = self.session
        answers = {**session.answers.labels(), NOTE: session.answers.note}
        asked = {q.name for q in session.schema.questions if session.answers.is_asked(q)}
        self.query_one(QuestionsPanel).show(session.schema, answers, asked)
        edges = (session.index > 0, session.index < len(session.view) - 1)
        keys_state = (frozenset(asked), session.can_undo, edges)
        if keys_state != self._keys_state:
            self._keys_state = keys_state
            self.refresh_bindings()
            self.query_one(KeyBar).show(self.active_bindings.values())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _LABEL_ACTIONS and parameters:
            question = self.session.schema.question(str(parameters[0]))
            return question is not None and self.session.answers.is_asked(question)
        if action == "undo":
            return self.session.can_undo
        if action == "move" and parameters:
            return 0 <= self.session.index + int(str(parameters[0])) < len(self.session.view)
        return True

    def _fail(self, error: AnnotatorError) -> None:
        self.notify(escape(str(error)), severity="warning")

    # -- labelling ------------------------------------------------------------------
    def action_choose(self, name: str, value: str | int) -> None:
        self.session.answers.set(name, value)
        question = self.session.schema.question(name)
        if question is not None and question.advances:
            self.action_accept()
        else:
            self.show_labels()

    def action_toggle_label(self, name: str) -> None:
        self.session.answers.toggle(name)
        self.show_labels()

    def action_edit_text(self, name: str) -> None:
        question = self.session.schema.question(name)
        title = question.description if question is not None else name

        def done(text: str | None) -> None:
            if text is not None:
                self.session.answers.set_text(name, text)
                self.show_labels()

        self.app.push_screen(PromptDialog(title, value=self.session.answers.text(name)), done)

    def action_accept(self) -> None:
        """Save the pending labels (committed before anything moves), then go on."""
        try:
            self.session.save()
        except AnnotatorError as error:
            self._fail(error)
            return
        following = self.session.advance()
        if self.session.all_rated:
            self.post_message(self.AllRated())
        elif following is None:
            self.notify("Saved. That was the last claim of this view.")
        self.show_claim()

    def action_undo(self) -> None:
        try:
            self.session.undo()
        except AnnotatorError as error:
            self._fail(error)
            return
        self.notify("Undone: the labels before the last save are restored.")
        self.show_claim()

    # -- moving ---------------------------------------------------------------------
    def action_move(self, delta: int) -> None:
        self.session.move(delta)
        self.show_claim()

    def action_scroll_context(self, pages: int) -> None:
        scroll = self.query_one("#context-scroll", VerticalScroll)
        scroll.scroll_relative(y=pages * max(1, scroll.size.height - 1), animate=False)

    def action_goto(self) -> None:
        def done(target: str | None) -> None:
            if target:
                try:
                    self.session.jump(target)
                except AnnotatorError as error:
                    self._fail(error)
                    return
                self.show_claim()

        prompt = f"Go to claim (1-{len(self.session.view)}) or claim id"
        self.app.push_screen(PromptDialog(prompt), done)

    def action_search(self) -> None:
        def done(words: str | None) -> None:
            if words and words.strip():
                self._change_view(lambda: self.session.apply_filter("all", search=words))

        self.app.push_screen(PromptDialog("Search claim text", placeholder="words"), done)

    def action_filter(self) -> None:
        def done(name: str | None) -> None:
            if name is not None:
                self._change_view(lambda: self.session.apply_filter(name))

        self.app.push_screen(FilterDialog(FILTERS, self.session.view_name), done)

    def _change_view(self, change: Callable[[], object]) -> None:
        try:
            change()
        except AnnotatorError as error:
            self._fail(error)
            return
        self.show_claim()

    def action_help(self) -> None:
        keys = [
            (
                binding.key_display or binding.key,
                ": ".join(part for part in (binding.description, binding.tooltip) if part),
            )
            for binding in [*NAVIGATION, *self._label_bindings, *self.app.BINDINGS]
            if not isinstance(binding, tuple)
        ]
        keys.append((self.app.COMMAND_PALETTE_BINDING, "command palette (themes, keys, quit)"))
        self.app.push_screen(HelpScreen(keys, self.session.schema))
