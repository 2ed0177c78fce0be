"""Adjudication: the disputes found, and the decision stored by one key press (Pilot)."""

from __future__ import annotations

from pathlib import Path

from annotator.audit.adjudication import adjudicate, disputes, machine_labels
from annotator.gold import gold_label
from annotator.labels import LabelSchema
from annotator.store import Store
from annotator.tui.adjudicate_app import make_adjudicate_app
from annotator.tui.screens.adjudicate import AdjudicateScreen
from annotator.tui.screens.audit import AuditScreen


def test_disputes_are_the_claims_reviewers_disagree_on(db_path: Path, schema: LabelSchema) -> None:
    with Store(db_path) as store:
        found = disputes(store, schema)
        # Each of the six claims has at least one field the three reviewers differ on.
        assert len(found) == 6
        assert [r.reviewer for r in found[0].reviews] == ["alice", "bob", "carol"]
        assert found[0].draft["source_type"] == "anonymous"
        assert machine_labels(found[0].claim, schema)["anonymous_flag"] is True


def test_adjudicate_stores_an_adjudicate_record(db_path: Path, schema: LabelSchema) -> None:
    with Store(db_path) as store:
        claim = disputes(store, schema)[0].claim.id
        record = adjudicate(store, schema, claim, "editor", {"source_type": "document"}, note="x")
        assert record.action == "adjudicate" and record.reviewer == "editor"
        decided = store.adjudications()[claim]
        assert decided.labels == {"source_type": "document"}
        # The reviewer's own current label is untouched by an adjudication.
        assert store.current_annotation(claim, "editor") is None


async def test_one_key_takes_reviewer_ones_labels(db_path: Path, schema: LabelSchema) -> None:
    """Pressing 1 stores alice's labels (reviewer 1) as the gold label, and moves on."""
    app = make_adjudicate_app(db_path, "editor", schema)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AdjudicateScreen)
        first = screen.disputes[0]
        await pilot.press("1")
        await pilot.pause()
        assert screen.index == 1
    with Store(db_path) as store:
        decided = store.adjudications()[first.claim.id]
        alice = store.current_annotation(first.claim.id, "alice")
        assert alice is not None
        assert decided.reviewer == "editor"
        assert decided.labels == alice.labels
        assert decided.note == "labels of alice"
        record = gold_label("adjudicated", [], (decided.reviewer, decided.labels))
        assert record is not None and record["adjudicator"] == "editor"


async def test_edit_mode_sets_fields_with_schema_keys(db_path: Path, schema: LabelSchema) -> None:
    """tab, then the schema's keys (w = unattributed, 5 = credibility) and enter save the edit."""
    app = make_adjudicate_app(db_path, "editor", schema)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AdjudicateScreen)
        claim = screen.disputes[0].claim.id
        await pilot.press("tab", "w", "5", "enter")
        await pilot.pause()
    with Store(db_path) as store:
        decided = store.adjudications()[claim]
        assert decided.labels["source_type"] == "unattributed"
        assert decided.labels["credibility"] == 5
        assert decided.note == "edited"


async def test_the_audit_screen_shows_the_summary(db_path: Path, schema: LabelSchema) -> None:
    """ctrl+a opens the audit screen; the report is computed in a worker and shown."""
    app = make_adjudicate_app(db_path, "editor", schema)
    async with app.run_test(size=(140, 60)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+a")
        screen = app.screen
        assert isinstance(screen, AuditScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.report is not None and screen.report.chain.ok
        shown = app.export_screenshot()
        assert "Agreement" in shown and "History" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, AdjudicateScreen)
