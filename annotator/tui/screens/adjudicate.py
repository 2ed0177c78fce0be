"""The adjudicate screen: a disputed claim, each reviewer's answers side by side.

Only the disputed questions are offered; the answers reviewers agree on (within a scale's
tolerance) are taken as they are and shown dimmed. One key decides.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

from rich.table import Column, Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from annotator.audit.adjudication import Dispute, adjudicate, asked_only, machine_labels
from annotator.audit.reviewers import label_text
from annotator.audit.span_agreement import as_span
from annotator.errors import AnnotatorError
from annotator.labels import LabelSchema
from annotator.safe_text import clean, escape
from annotator.store import Store
from annotator.store.audit import CurrentLabel, DisputedClaim
from annotator.tui.bindings import schema_bindings
from annotator.tui.screens.adjudicated import FinishedScreen
from annotator.tui.screens.prompt import PromptDialog

MAX_REVIEWERS = 9  # one digit key each
_EDIT_ACTIONS = frozenset({"choose", "toggle_label", "accept"})
_PICK_ACTIONS = frozenset({"pick", "machine"})
DISPUTED = "▶ "

PICK_BINDINGS: list[Binding] = [
    *(
        Binding(
            str(i),
            f"pick({i})",
            f"take {i}",
            show=i == 1,
            key_display="1-9" if i == 1 else None,
            id=f"adjudicate.pick_{i}",
            tooltip="Take reviewer i's answers to the disputed questions, save and go on",
        )
        for i in range(1, MAX_REVIEWERS + 1)
    ),
    Binding("m", "machine", "take machine", id="adjudicate.machine", tooltip="Take the suggestion"),
]
NAVIGATION: list[Binding] = [
    Binding("tab", "toggle_mode", "edit/pick", id="adjudicate.mode", tooltip="Set answers by hand"),
    Binding(
        "enter", "accept", "save edit", id="adjudicate.accept", tooltip="Save the edited decision"
    ),
    Binding("j", "move(1)", "next", id="adjudicate.next"),
    Binding("k", "move(-1)", "previous", id="adjudicate.previous"),
]


def answer_text(value: Any, claim: DisputedClaim) -> str:
    """An answer as shown: a span as the words it covers, when they are in the context."""
    span = as_span(value)
    if span is not None:
        start, end = span[0] - claim.context_start, span[1] - claim.context_start
        if 0 <= start < end <= len(claim.context):
            return f"“{claim.context[start:end]}”"
    return "" if value is None else label_text(value)


def comparison(
    dispute: Dispute, schema: LabelSchema, draft: dict[str, Any], note: str | None
) -> Table:
    """Questions down; machine, each reviewer (numbered) and the decision across.

    Disputed questions are marked and bright; settled ones are dim."""
    machine = machine_labels(dispute.claim, schema)
    table = Table(
        Column("question", no_wrap=True, min_width=14),
        "m machine",
        expand=True,
        caption=f"{DISPUTED}disputed: to decide. The rest is settled: agreed (within "
        "tolerance), or by majority where the question is not adjudicated.",
    )
    for i, review in enumerate(dispute.reviews, start=1):
        table.add_column(Text(f"{i} {clean(review.reviewer)}"))
    table.add_column("decision")
    for question in schema.questions:
        if question.level is None:
            continue
        disputed = question.name in dispute.disputed
        style = "bold yellow" if disputed else "dim"
        cells = [
            machine.get(question.name),
            *(r.labels.get(question.name) for r in dispute.reviews),
        ]
        if question.name in draft:
            decision = Text(clean(answer_text(draft[question.name], dispute.claim)), style="bold")
        else:
            decision = Text("?" if disputed else "", style="bold red")
        table.add_row(
            Text((DISPUTED if disputed else "  ") + question.name, style=style),
            *(Text(clean(answer_text(v, dispute.claim)), style=style) for v in cells),
            decision,
        )
    notes = [clean(r.note or str(r.labels.get("note") or "")) for r in dispute.reviews]
    table.add_row("  note", "", *(Text(n) for n in notes), Text(clean(note or ""), style="italic"))
    return table


def context_text(claim: DisputedClaim) -> Text:
    """The claim in its paragraph, with … where the paragraph was cut (on word boundaries)."""
    text = Text("… " if claim.trimmed_before else "")
    text.append(clean(claim.context[: claim.start]))
    text.append(clean(claim.context[claim.start : claim.end]), style="bold reverse")
    text.append(clean(claim.context[claim.end :]))
    if claim.trimmed_after:
        text.append(" …")
    return text


class AdjudicateScreen(Screen[None]):
    """Steps an adjudicator through disputed claims; each decision is committed before moving."""

    BINDINGS: ClassVar[list[BindingType]] = [*PICK_BINDINGS, *NAVIGATION]
    DEFAULT_CSS = """
    #adjudicate-title { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis;
                        text-style: bold; }
    #adjudicate-where { height: 1; padding: 0 1; color: $text-muted; }
    #adjudicate-claim { height: auto; max-height: 50%; padding: 0 1; }
    #adjudicate-table { height: auto; padding: 0 1; }
    #adjudicate-mode { height: 1; padding: 0 1; background: $boost; }
    """

    def __init__(
        self, store: Store, schema: LabelSchema, adjudicator: str, disputes: list[Dispute]
    ) -> None:
        super().__init__()
        self.store, self.schema, self.adjudicator = store, schema, adjudicator
        self.disputes = disputes
        self.index = next((i for i, d in enumerate(disputes) if d.decided is None), 0)
        self.editing = False
        self.draft: dict[str, Any] = {}
        self.notes: dict[str, str | None] = {}  # notes written before the claim is decided
        self.decided_now: set[str] = set()  # claims decided in this session
        # Pick keys first, so "1" takes reviewer 1 unless the schema keys are switched on.
        label_map = BindingsMap(schema_bindings(schema))
        self._bindings = BindingsMap.merge([self._bindings, label_map])

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="adjudicate-title", markup=False)
        yield Static(id="adjudicate-where", markup=False)
        with VerticalScroll(id="adjudicate-claim"):
            yield Static(id="adjudicate-text")
        yield Static(id="adjudicate-table")
        yield Static(id="adjudicate-mode")
        yield Footer()

    def on_mount(self) -> None:
        self.show()
        if self.undecided == 0:
            self.call_after_refresh(self.finish)

    @property
    def dispute(self) -> Dispute | None:
        return self.disputes[self.index] if self.disputes else None

    @property
    def undecided(self) -> int:
        return sum(d.decided is None for d in self.disputes)

    def note(self, dispute: Dispute) -> str | None:
        """The note shown with the decision: one written here, else the saved decision's."""
        if dispute.claim.id in self.notes:
            return self.notes[dispute.claim.id]
        return None if dispute.decided is None else dispute.decided.note

    def show(self) -> None:
        dispute = self.dispute
        title = self.query_one("#adjudicate-title", Static)
        where = self.query_one("#adjudicate-where", Static)
        text = self.query_one("#adjudicate-text", Static)
        table = self.query_one("#adjudicate-table", Static)
        if dispute is None:
            title.update("No disputes: the reviewers agree on every adjudicated question.")
            where.update("")
            text.update("")
            table.update("")
        else:
            if not self.editing:
                self.draft = dispute.draft
            title.update(clean(dispute.claim.article_title or "(untitled article)"))
            where.update(self._where(dispute))
            text.update(context_text(dispute.claim))
            table.update(comparison(dispute, self.schema, self.draft, self.note(dispute)))
        mode = (
            "EDIT: the schema's keys set the disputed answers, enter saves, tab goes back"
            if self.editing
            else "PICK: 1-9 take a reviewer's answers, m the machine's, tab edits, n a note"
        )
        self.query_one("#adjudicate-mode", Static).update(mode)
        self.refresh_bindings()

    def _where(self, dispute: Dispute) -> str:
        claim, decided = dispute.claim, dispute.decided
        state = (
            "not decided"
            if decided is None
            else f"decided by {clean(decided.reviewer)} at {decided.saved_at[:16]}"
        )
        return (
            f"dispute {self.index + 1} of {len(self.disputes)} · claim {claim.seq + 1} of "
            f"{claim.article_claims} in the article · {state} · {self.undecided} left"
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        dispute = self.dispute
        if action in _PICK_ACTIONS:
            return not self.editing and dispute is not None
        if action in _EDIT_ACTIONS:
            if not self.editing or dispute is None:
                return False
            # Only the disputed questions are offered; settled answers stay as they are.
            return action == "accept" or parameters[0] in dispute.disputed
        if action == "edit_text":
            return dispute is not None
        # A span is decided by taking a reviewer's answers: there is no span editor here.
        return action != "edit_span"

    def _save(self, labels: dict[str, Any], *, move: bool = True) -> None:
        dispute = self.dispute
        if dispute is None:
            return
        decision = asked_only(self.schema, labels)
        note = self.note(dispute)
        try:
            record = adjudicate(
                self.store, self.schema, dispute.claim.id, self.adjudicator, decision, note=note
            )
        except AnnotatorError as error:
            self.notify(escape(str(error)), severity="error")
            return
        decided = CurrentLabel(
            record.id, record.claim_id, record.reviewer, decision, record.note, record.saved_at
        )
        self.disputes[self.index] = dataclasses.replace(dispute, decided=decided)
        self.notes.pop(dispute.claim.id, None)
        self.decided_now.add(dispute.claim.id)
        self.editing = False
        if not move:
            self.notify("Saved the note with the decision")
            self.show()
            return
        self.notify(f"Saved the decision on dispute {self.index + 1}")
        following = [
            i
            for i in [*range(self.index + 1, len(self.disputes)), *range(self.index)]
            if self.disputes[i].decided is None
        ]
        if following:
            self.index = following[0]
            self.show()
        else:
            self.show()
            self.finish()

    def finish(self) -> None:
        """No dispute is left undecided: say so, with the counts and a way back."""
        self.app.push_screen(FinishedScreen(self.disputes, len(self.decided_now)))

    def action_pick(self, number: int) -> None:
        dispute = self.dispute
        if dispute is None or number > len(dispute.reviews):
            self.notify(f"There is no reviewer {number} on this claim", severity="warning")
            return
        self._save(dispute.decision_from(dispute.reviews[number - 1].labels))

    def action_machine(self) -> None:
        dispute = self.dispute
        if dispute is None:
            return
        machine = machine_labels(dispute.claim, self.schema)
        missing = [name for name in dispute.disputed if name not in machine]
        if missing:
            self.notify(
                f"The machine has no answer to {', '.join(missing)}: press tab and set it",
                severity="warning",
            )
            return
        self._save(dispute.decision_from(machine))

    def action_toggle_mode(self) -> None:
        self.editing = not self.editing
        self.show()

    def action_choose(self, name: str, value: str | int) -> None:
        self._set(name, value)

    def action_toggle_label(self, name: str) -> None:
        self._set(name, not self.draft.get(name, False))

    def _set(self, name: str, value: Any) -> None:
        """One field of the decision; what the schema's rules imply follows."""
        try:
            self.draft = self.schema.implied({**self.draft, name: value}, changed=name)
        except AnnotatorError as error:
            self.notify(escape(str(error)), severity="warning")
            return
        self.show()

    def action_accept(self) -> None:
        dispute = self.dispute
        if dispute is None:
            return
        draft = asked_only(self.schema, self.draft)
        missing = [
            name
            for name in dispute.disputed
            if name not in draft and (q := self.schema.question(name)) and q.is_asked(draft)
        ]
        if missing:
            self.notify(f"Decide {', '.join(missing)} first", severity="warning")
            return
        self._save(dict(self.draft))

    def action_edit_text(self, name: str) -> None:
        """Write the adjudicator's note on this claim's decision (any text question's key)."""
        dispute = self.dispute
        if dispute is None:
            return

        def keep(text: str | None) -> None:
            if text is None:
                return
            self.notes[dispute.claim.id] = text.strip() or None
            if dispute.decided is not None and not self.editing:
                self._save(dict(dispute.decided.labels), move=False)  # a new record, same labels
            else:
                self.show()

        self.app.push_screen(
            PromptDialog("Note on this decision", value=self.note(dispute) or ""), keep
        )

    def action_move(self, delta: int) -> None:
        if self.disputes:
            self.index = max(0, min(len(self.disputes) - 1, self.index + delta))
        self.editing = False
        self.show()
