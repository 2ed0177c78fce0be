"""The adjudicate screen: a disputed claim, each reviewer's labels side by side, one key decides."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from annotator.audit.adjudication import Dispute, adjudicate, machine_labels
from annotator.audit.reviewers import label_text
from annotator.errors import AnnotatorError
from annotator.labels import LabelSchema
from annotator.safe_text import clean, escape
from annotator.store import Store
from annotator.tui.bindings import schema_bindings

MAX_REVIEWERS = 9  # one digit key each
_EDIT_ACTIONS = frozenset({"choose", "toggle_label", "accept"})
_PICK_ACTIONS = frozenset({"pick", "machine"})

PICK_BINDINGS: list[Binding] = [
    *(
        Binding(
            str(i),
            f"pick({i})",
            f"take {i}",
            show=i == 1,
            key_display="1-9" if i == 1 else None,
            id=f"adjudicate.pick_{i}",
            tooltip="Take reviewer i's labels as the gold label, save and go on",
        )
        for i in range(1, MAX_REVIEWERS + 1)
    ),
    Binding("m", "machine", "take machine", id="adjudicate.machine", tooltip="Take the suggestion"),
]
NAVIGATION: list[Binding] = [
    Binding("tab", "toggle_mode", "edit/pick", id="adjudicate.mode", tooltip="Set fields by hand"),
    Binding(
        "enter", "accept", "save edit", id="adjudicate.accept", tooltip="Save the edited labels"
    ),
    Binding("j", "move(1)", "next", id="adjudicate.next"),
    Binding("k", "move(-1)", "previous", id="adjudicate.previous"),
]


def comparison(dispute: Dispute, schema: LabelSchema, draft: dict[str, Any]) -> Table:
    """Fields down, sources across: machine, each reviewer (numbered), the draft decision."""
    machine = machine_labels(dispute.claim, schema)
    table = Table("field", "m machine", expand=True)
    for i, review in enumerate(dispute.reviews, start=1):
        table.add_column(Text(f"{i} {clean(review.reviewer)}"))
    table.add_column("decision")
    for question in schema.questions:
        if question.kind == "text":
            continue
        cells = [
            machine.get(question.name),
            *(r.labels.get(question.name) for r in dispute.reviews),
        ]
        values = {label_text(v) for v in cells[1:]}
        style = "bold yellow" if len(values) > 1 else ""
        table.add_row(
            question.name,
            *(Text("" if v is None else label_text(v), style=style) for v in cells),
            Text(label_text(draft[question.name]) if question.name in draft else "", style="bold"),
        )
    notes = [clean(r.note or str(r.labels.get("note") or "")) for r in dispute.reviews]
    table.add_row("note", "", *(Text(n) for n in notes), "")
    return table


class AdjudicateScreen(Screen[None]):
    """Steps an adjudicator through disputed claims; each decision is committed before moving."""

    BINDINGS: ClassVar[list[BindingType]] = [*PICK_BINDINGS, *NAVIGATION]
    DEFAULT_CSS = """
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
        # Pick keys first, so "1" takes reviewer 1 unless the schema keys are switched on.
        label_map = BindingsMap(schema_bindings(schema))
        self._bindings = BindingsMap.merge([self._bindings, label_map])

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="adjudicate-claim"):
            yield Static(id="adjudicate-text")
        yield Static(id="adjudicate-table")
        yield Static(id="adjudicate-mode")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    @property
    def dispute(self) -> Dispute | None:
        return self.disputes[self.index] if self.disputes else None

    def show(self) -> None:
        dispute = self.dispute
        text = self.query_one("#adjudicate-text", Static)
        table = self.query_one("#adjudicate-table", Static)
        if dispute is None:
            text.update("No disputes: every claim's reviewers agree.")
            table.update("")
        else:
            if not self.editing:
                self.draft = dispute.draft
            text.update(self._claim_text(dispute))
            table.update(comparison(dispute, self.schema, self.draft))
        mode = (
            "EDIT: the schema's keys set fields, enter saves, tab goes back"
            if self.editing
            else "PICK: 1-9 take a reviewer's labels, m the machine's, tab edits fields"
        )
        self.query_one("#adjudicate-mode", Static).update(mode)
        self.refresh_bindings()

    def _claim_text(self, dispute: Dispute) -> RenderableType:
        claim = dispute.claim
        decided = dispute.decided
        head = Text.assemble(
            (f"Dispute {self.index + 1}/{len(self.disputes)}  ", "bold"),
            clean(claim.article_title or claim.article_id),
            (
                ""
                if decided is None
                else f"  (decided by {clean(decided.reviewer)} at {decided.saved_at[:16]})"
            ),
        )
        start, end = claim.start, claim.end
        context = Text(clean(claim.context[:start]))
        context.append(clean(claim.context[start:end]), style="bold reverse")
        context.append(clean(claim.context[end:]))
        return Group(head, context)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _PICK_ACTIONS:
            return not self.editing and self.dispute is not None
        if action in _EDIT_ACTIONS:
            return self.editing and self.dispute is not None
        # Notes stay with the reviewers: the decision is the labels.
        return action != "edit_text"

    def _save(self, labels: dict[str, Any], note: str) -> None:
        dispute = self.dispute
        if dispute is None:
            return
        try:
            adjudicate(
                self.store, self.schema, dispute.claim.id, self.adjudicator, labels, note=note
            )
        except AnnotatorError as error:
            self.notify(escape(str(error)), severity="error")
            return
        self.editing = False
        self.notify(f"Saved the decision ({escape(note)})")
        self.action_move(1)

    def action_pick(self, number: int) -> None:
        dispute = self.dispute
        if dispute is None or number > len(dispute.reviews):
            self.notify(f"There is no reviewer {number} on this claim", severity="warning")
            return
        review = dispute.reviews[number - 1]
        self._save(dict(review.labels), f"labels of {review.reviewer}")

    def action_machine(self) -> None:
        if self.dispute is not None:
            self._save(machine_labels(self.dispute.claim, self.schema), "machine suggestion")

    def action_toggle_mode(self) -> None:
        self.editing = not self.editing
        self.show()

    def action_choose(self, name: str, value: str | int) -> None:
        self.draft[name] = value
        self.show()

    def action_toggle_label(self, name: str) -> None:
        self.draft[name] = not self.draft.get(name, False)
        self.show()

    def action_accept(self) -> None:
        self._save(dict(self.draft), "edited")

    def action_move(self, delta: int) -> None:
        if self.disputes:
            self.index = max(0, min(len(self.disputes) - 1, self.index + delta))
        self.editing = False
        self.show()
