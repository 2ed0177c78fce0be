"""The claim screen: one claim in its paragraph, the machine suggestion, the questions, the keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingsMap, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen

from annotator.errors import AnnotatorError
from annotator.safe_text import escape
from annotator.tui.bindings import NAVIGATION, SPAN_ACTIONS, SPAN_EDITING, schema_bindings
from annotator.tui.marked import literal
from annotator.tui.pending import NOTE
from annotator.tui.screens.articles import ArticleListScreen
from annotator.tui.screens.filter import FilterDialog
from annotator.tui.screens.help import HelpScreen
from annotator.tui.screens.prompt import PromptDialog
from annotator.tui.session import ReviewSession
from annotator.tui.span_editor import SpanEditor
from annotator.tui.views import FILTERS
from annotator.tui.widgets import (
    ClaimContext,
    KeyBar,
    PositionBar,
    QuestionsPanel,
    SuggestionPanel,
)
from annotator.tui.widgets.claim_context import ContextView, Offsets
from annotator.tui.widgets.position_bar import Position
from annotator.tui.widgets.questions_panel import Answers
from annotator.tui.widgets.styles import SOURCE

# Actions that answer a question: shown only while their question is asked.
_LABEL_ACTIONS = frozenset({"choose", "toggle_label", "edit_text", "edit_span"})
# The span questions whose answers are marked in the paragraph as source and cue.
SOURCE_SPAN, CUE_SPAN = "source_span", "cue_span"


def _offsets(value: Any) -> Offsets | None:
    return (value["start"], value["end"]) if isinstance(value, dict) else None


class ClaimScreen(Screen[None]):
    """Steps a reviewer through the claims of a session; every save commits before moving."""

    BINDINGS: ClassVar[list[BindingType]] = list(NAVIGATION)

    class AllRated(Message):
        """Every claim of the queue now has a rating from this reviewer."""

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.editor: SpanEditor | None = None  # the span being edited (s, t)
        self.unfolded = False  # i: the whole paragraph and every piece of evidence
        self.focus_name: str | None = None  # the question whose description is shown
        # What decides which keys apply; the key bar is redrawn only when it changes.
        self._keys_state: tuple[Any, ...] | None = None
        # Label keys come from the schema at run time, so they cannot be class data. They
        # go first: the key bar lists bindings in order and may be cut at 80 columns. The
        # span editor's keys go before them: enter confirms a span while one is edited.
        self._label_bindings = schema_bindings(session.schema)
        self._bindings = BindingsMap.merge(
            [BindingsMap(SPAN_EDITING), BindingsMap(self._label_bindings), self._bindings]
        )

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
            self.notify("Every claim has your rating: j/k, f or l to revise, q to quit.")

    def on_resize(self) -> None:
        # The paragraph is trimmed, and the lines cut, to the size of the screen.
        if self.session.claim is not None:
            self.call_after_refresh(self.show_claim)

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
                rated=(session.rated_in_queue, session.total),
            )
        )
        scroll = self.query_one("#context-scroll", VerticalScroll)
        if scroll.scroll_y:
            scroll.scroll_home(animate=False)
        self.query_one(SuggestionPanel).show(claim)
        if self.focus_name is None:
            missing = session.answers.missing()
            self.focus_name = missing[0].name if missing else session.schema.questions[0].name
        self.show_labels()

    def _values(self) -> dict[str, Any]:
        values = {**self.session.answers.labels(), NOTE: self.session.answers.note}
        if self.editor is not None:
            values[self.editor.name] = self.editor.value
        return values

    def show_labels(self) -> None:
        """The answers, the paragraph marked with them, and the keys that apply now."""
        session, claim = self.session, self.session.claim
        assert claim is not None
        values = self._values()
        self.query_one(ClaimContext).show(
            claim,
            ContextView(
                source=self._mark(values, SOURCE_SPAN, claim.source),
                cue=self._mark(values, CUE_SPAN, claim.cue),
                editing=self.editor.span if self.editor is not None else None,
                folded=not self.unfolded,
            ),
        )
        asked = {q.name for q in session.schema.questions if session.answers.is_asked(q)}
        self.query_one(QuestionsPanel).show(
            session.schema,
            Answers(values, asked, session.answers.held_by(), self.focus_name, claim),
            self._editing_line(),
        )
        edges = (session.index > 0, session.index < len(session.view) - 1)
        keys_state = (frozenset(asked), session.can_undo, edges, self.editor is not None)
        if keys_state != self._keys_state:
            self._keys_state = keys_state
            self.refresh_bindings()
            self.query_one(KeyBar).show(self.active_bindings.values())

    def _mark(self, values: dict[str, Any], name: str, machine: Any) -> Offsets | None:
        """The span to mark: the answer to the schema's span question, else the machine's."""
        if self.session.schema.question(name) is not None:
            return _offsets(values.get(name))
        return None if machine is None else (machine.start, machine.end)

    def _editing_line(self) -> Content | None:
        editor = self.editor
        if editor is None:
            return None
        where = (
            f" (phrase {editor.chosen + 1} of {len(editor.options)})"
            if editor.on_candidate
            else f" ({len(editor.options)} phrases: tab)"
        )
        shown = literal(editor.text, SOURCE) if editor.text else Content.styled("none", "bold")
        return (
            Content.styled(f"Editing {editor.name}: ", "bold $text-accent")
            + shown
            + Content(where + "  ⏎ keeps it, esc leaves it as it was")
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SPAN_ACTIONS:
            return self.editor is not None
        if self.editor is not None:
            return False  # while a span is edited, only the editor's keys apply
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
    def _answer(self, name: str, change: Callable[[], None]) -> bool:
        """Apply a change to the answers; a rule it would break is shown, not applied."""
        try:
            change()
        except AnnotatorError as error:
            self._fail(error)
            return False
        self.focus_name = name
        return True

    def action_choose(self, name: str, value: str | int) -> None:
        if not self._answer(name, lambda: self.session.answers.set(name, value)):
            return
        question = self.session.schema.question(name)
        if question is not None and question.advances:
            self.action_accept()
        else:
            self.show_labels()

    def action_toggle_label(self, name: str) -> None:
        self._answer(name, lambda: self.session.answers.toggle(name))
        self.show_labels()

    def action_edit_text(self, name: str) -> None:
        question = self.session.schema.question(name)
        title = question.description if question is not None else name

        def done(text: str | None) -> None:
            if text is not None:
                self._answer(name, lambda: self.session.answers.set_text(name, text))
                self.show_labels()

        self.app.push_screen(PromptDialog(title, value=self.session.answers.text(name)), done)

    def action_accept(self) -> None:
        """Save the pending labels (committed before anything moves), then go on."""
        try:
            self.session.accept()
        except AnnotatorError as error:
            self._fail(error)
            self.focus_name = next((q.name for q in self.session.answers.missing()), None)
            self.show_labels()
            return
        following = self.session.advance()
        if self.session.all_rated:
            self.post_message(self.AllRated())
        elif following is None:
            self.notify("Saved. That was the last claim of this view.")
        self._new_claim()

    def action_undo(self) -> None:
        try:
            shown = self.session.undo()
        except AnnotatorError as error:
            self._fail(error)
            return
        if shown is None:
            self.notify("Undone on a claim outside this queue: its labels before are restored.")
        else:
            self.notify("Undone: the labels before your last save are restored.")
        self._new_claim()

    # -- span editing -----------------------------------------------------------------
    def action_edit_span(self, name: str) -> None:
        """Start editing a span answer in the paragraph (s: the source, t: the cue)."""
        claim = self.session.claim
        assert claim is not None
        rule = self.session.answers.held_by().get(name)
        if rule is not None:
            self._fail(AnnotatorError(rule.refusal))
            return
        self.editor = SpanEditor.open(name, claim, self.session.answers.values.get(name))
        self.focus_name = name
        self.show_labels()

    def _edit(self, change: Callable[[SpanEditor], None]) -> None:
        if self.editor is not None:
            change(self.editor)
            self.show_labels()

    def action_span_step(self, delta: int) -> None:
        self._edit(lambda editor: editor.step(delta))

    def action_span_end(self, delta: int) -> None:
        self._edit(lambda editor: editor.move_end(delta))

    def action_span_start(self, delta: int) -> None:
        self._edit(lambda editor: editor.move_start(delta))

    def action_span_none(self) -> None:
        self._edit(lambda editor: editor.none())

    def action_span_confirm(self) -> None:
        editor = self.editor
        if editor is None:
            return
        if self._answer(editor.name, lambda: self.session.answers.set(editor.name, editor.value)):
            self.editor = None
        self.show_labels()

    def action_span_cancel(self) -> None:
        self.editor = None
        self.show_labels()

    # -- moving ---------------------------------------------------------------------
    def _new_claim(self) -> None:
        self.editor, self.focus_name = None, None
        self.show_claim()

    def action_move(self, delta: int) -> None:
        self._change_view(lambda: self.session.move(delta))

    def action_unfold(self) -> None:
        self.unfolded = not self.unfolded
        self.show_labels()

    def action_scroll_context(self, pages: int) -> None:
        scroll = self.query_one("#context-scroll", VerticalScroll)
        scroll.scroll_relative(y=pages * max(1, scroll.size.height - 1), animate=False)

    def action_goto(self) -> None:
        def done(target: str | None) -> None:
            if target:
                self._change_view(lambda: self.session.jump(target))

        prompt = f"Go to claim (1-{len(self.session.view)}) or claim id"
        self.app.push_screen(PromptDialog(prompt), done)

    def action_articles(self) -> None:
        def done(first_key: int | None) -> None:
            if first_key is not None:
                self._change_view(lambda: self.session.jump_to_article(first_key))

        current = self.session.article_position()[1][0] - 1
        self.app.push_screen(ArticleListScreen(self.session.articles(), current), done)

    def action_search(self) -> None:
        def done(words: str | None) -> None:
            if words and words.strip():
                self._change_view(lambda: self.session.apply_filter("all", search=words))

        prompt = "Search the claim's paragraph, source, antecedent and notes"
        self.app.push_screen(PromptDialog(prompt, placeholder="words"), done)

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
        self._new_claim()

    def action_help(self) -> None:
        keys = [
            (
                binding.key_display or binding.key,
                ": ".join(part for part in (binding.description, binding.tooltip) if part),
            )
            for binding in [*NAVIGATION, *self._label_bindings, *SPAN_EDITING, *self.app.BINDINGS]
            if not isinstance(binding, tuple)
        ]
        keys.append((self.app.COMMAND_PALETTE_BINDING, "command palette (themes, keys, quit)"))
        self.app.push_screen(HelpScreen(keys, self.session.schema))
