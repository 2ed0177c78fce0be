"""Adjudication: the disputed questions offered, decisions saved, shown again, noted, finished."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from screen_text import screen_text
from textual.pilot import Pilot

from annotator.audit.adjudication import adjudicate, disputes, machine_labels
from annotator.audit.chain import verify_chain
from annotator.cli import main
from annotator.labels import LabelSchema
from annotator.store import Store
from annotator.store.audit import paragraph
from annotator.tui.adjudicate_app import make_adjudicate_app
from annotator.tui.screens.adjudicate import AdjudicateScreen
from annotator.tui.screens.adjudicated import FinishedScreen
from annotator.tui.screens.audit import AuditScreen

SIZE = (120, 40)


async def adjudicate_screen(pilot: Pilot[None]) -> AdjudicateScreen:
    """The adjudicate screen, once the app has started."""
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AdjudicateScreen)
    return screen


def test_only_the_disputed_questions_are_offered(db_path: Path, schema: LabelSchema) -> None:
    """Claims 4, 5 and 6 of tests/audit/conftest.py (see test_disputes for why)."""
    with Store(db_path) as store:
        found = disputes(store, schema)
    assert [d.claim.seq for d in found] == [3, 4, 5]
    assert [d.disputed for d in found] == [
        ("source_type", "credibility"),
        ("source_type",),
        ("credibility",),
    ]
    first = found[0]
    assert [r.reviewer for r in first.reviews] == ["alice", "bob", "carol"]
    # Agreed answers are taken as they are; claim_kind (not adjudicated) by majority.
    assert first.settled == {"anonymous_flag": False, "claim_kind": "fact"}
    # The draft: majority on each disputed question; credibility 4, 5, 3 has none.
    assert first.draft == {"anonymous_flag": False, "claim_kind": "fact", "source_type": "document"}
    last = found[2]
    assert last.settled == {
        "source_type": "unattributed",
        "anonymous_flag": False,
        "claim_kind": "prediction",
    }
    assert machine_labels(first.claim, schema) == {
        "source_type": "document",
        "anonymous_flag": False,
    }


def test_adjudicate_stores_an_adjudicate_record(db_path: Path, schema: LabelSchema) -> None:
    with Store(db_path) as store:
        claim = disputes(store, schema)[0].claim.id
        record = adjudicate(store, schema, claim, "editor", {"source_type": "document"}, note="x")
        assert record.action == "adjudicate" and record.reviewer == "editor"
        decided = store.adjudications()[claim]
        assert decided.labels == {"source_type": "document"} and decided.note == "x"
        # The reviewer's own current label is untouched by an adjudication.
        assert store.current_annotation(claim, "editor") is None


async def test_one_key_takes_reviewer_ones_answers(db_path: Path, schema: LabelSchema) -> None:
    """1 takes alice's answers to the disputed questions, keeps the settled ones, moves on."""
    app = make_adjudicate_app(db_path, "editor", schema)
    async with app.run_test(size=SIZE) as pilot:
        screen = await adjudicate_screen(pilot)
        first = screen.disputes[0]
        await pilot.press("1")
        await pilot.pause()
        assert screen.index == 1
    with Store(db_path) as store:
        decided = store.adjudications()[first.claim.id]
    assert decided.reviewer == "editor"
    # alice said document and 4; flag and claim kind were settled.
    assert decided.labels == {
        "source_type": "document",
        "credibility": 4,
        "anonymous_flag": False,
        "claim_kind": "fact",
    }
    assert decided.note is None


async def test_edit_mode_sets_only_disputed_questions(db_path: Path, schema: LabelSchema) -> None:
    """tab, then the schema's keys: w (unattributed) and 5 (credibility) set the disputed
    questions of the first claim; v (claim_kind = opinion) is settled, and not offered."""
    app = make_adjudicate_app(db_path, "editor", schema)
    async with app.run_test(size=SIZE) as pilot:
        screen = await adjudicate_screen(pilot)
        claim = screen.disputes[0].claim.id
        await pilot.press("tab", "w", "5", "v", "enter")
        await pilot.pause()
    with Store(db_path) as store:
        decided = store.adjudications()[claim]
    assert decided.labels["source_type"] == "unattributed"
    assert decided.labels["credibility"] == 5
    assert decided.labels["claim_kind"] == "fact"  # v was not offered: the settled answer stays


async def test_a_tie_must_be_decided_before_saving(db_path: Path, schema: LabelSchema) -> None:
    """Credibility 4, 5, 3 has no majority: enter alone saves nothing and says why."""
    app = make_adjudicate_app(db_path, "editor", schema)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert any("Decide credibility first" in n.message for n in app._notifications)
    with Store(db_path) as store:
        assert store.adjudications() == {}


async def test_going_back_shows_the_saved_decision(db_path: Path, schema: LabelSchema) -> None:
    """Decide against the majority (unnamed_person, 3), move on, come back: the decision
    column shows what was saved, not the majority draft (document)."""
    app = make_adjudicate_app(db_path, "editor", schema)
    async with app.run_test(size=SIZE) as pilot:
        screen = await adjudicate_screen(pilot)
        await pilot.press("tab", "u", "3", "enter")
        await pilot.pause()
        assert screen.index == 1
        await pilot.press("k")
        await pilot.pause()
        assert screen.index == 0
        assert screen.draft["source_type"] == "unnamed_person"
        assert screen.draft["credibility"] == 3
        shown = screen_text(app)
        assert "decided by editor" in shown
        assert "unnamed_person" in shown
        await pilot.press("tab")  # editing starts from the saved decision too
        assert screen.draft["source_type"] == "unnamed_person"


async def test_a_note_goes_with_the_decision_and_is_exported(
    db_path: Path, schema: LabelSchema, tmp_path: Path
) -> None:
    app = make_adjudicate_app(db_path, "editor", schema)
    async with app.run_test(size=SIZE) as pilot:
        screen = await adjudicate_screen(pilot)
        claim = screen.disputes[0].claim.id
        await pilot.press("n")
        await pilot.press(*"checked the filing", "enter")
        await pilot.pause()
        assert "checked the filing" in screen_text(app)  # shown before it is saved
        await pilot.press("1")  # the decision is saved with the note
        await pilot.pause()
        await pilot.press("k", "n", "ctrl+u")  # a decided claim: the note is saved at once
        await pilot.press(*"and the wire copy", "enter")
        await pilot.pause()
        assert screen.index == 0
    with Store(db_path) as store:
        history = [a for a in store.claim_history(claim) if a.action == "adjudicate"]
        assert [a.note for a in history] == ["checked the filing", "and the wire copy"]
        assert history[0].labels == history[1].labels
        assert verify_chain(store.chain_rows()).ok
    out = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(
        main, ["export", "--db", str(db_path), "--gold", "adjudicated", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    records = {r["claim_id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert records[claim]["gold"]["note"] == "and the wire copy"
    assert records[claim]["gold"]["adjudicator"] == "editor"


async def test_the_finished_screen_and_the_way_back(db_path: Path, schema: LabelSchema) -> None:
    app = make_adjudicate_app(db_path, "editor", schema)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "2", "3")  # alice on the first, bob on the second, carol ...
        await pilot.pause()
        assert isinstance(app.screen, FinishedScreen)
        shown = screen_text(app)
        assert "Every dispute is decided" in shown
        assert "decided in this session" in shown and "3" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AdjudicateScreen)
        assert app.screen.undecided == 0
    with Store(db_path) as store:
        assert len(store.adjudications()) == 3


async def test_nothing_left_opens_on_the_finished_screen(
    db_path: Path, schema: LabelSchema
) -> None:
    with Store(db_path) as store:
        for dispute in disputes(store, schema):
            adjudicate(store, schema, dispute.claim.id, "editor", dispute.draft)
    app = make_adjudicate_app(db_path, "editor", schema)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FinishedScreen)
        assert "decided before" in screen_text(app)


async def test_the_machine_key_needs_an_answer_to_every_disputed_question(
    db_path: Path, schema: LabelSchema
) -> None:
    """On the third dispute only credibility is disputed, and the machine does not rate."""
    app = make_adjudicate_app(db_path, "editor", schema)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "m")
        await pilot.pause()
        assert any("no answer to credibility" in n.message for n in app._notifications)
        await pilot.press("k", "m")  # the second: source_type, which the machine answers
        await pilot.pause()
    with Store(db_path) as store:
        (decided,) = store.adjudications().values()
    assert decided.labels["source_type"] == "unnamed_person"


async def test_long_titles_take_one_line(long_title_db: Path, schema: LabelSchema) -> None:
    app = make_adjudicate_app(long_title_db, "editor", schema)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        shown = app.screen.query_one("#adjudicate-title")
        assert shown.size.height == 1
        screenshot = screen_text(app)
        assert "Officials say very" in screenshot and "ended at dawn" not in screenshot
        assert "dispute 1 of 3 · claim 4 of 6 in the article" in screenshot


def test_the_context_is_cut_on_word_boundaries() -> None:
    words = " ".join(f"word{i}" for i in range(600))
    claim = "The minister said the talks had stalled."
    text = f"{words} {claim} {words}"
    start = text.index(claim)
    window = paragraph(text, start, start + len(claim))
    assert window.trimmed_before and window.trimmed_after
    assert window.start <= start and window.end >= start + len(claim)
    assert text[window.start - 1] == " " and text[window.start] != " "
    assert text[window.end] == " " and text[window.end - 1] != " "
    short = paragraph("One. Two said so. Three.", 5, 17)
    assert (short.start, short.end, short.trimmed_before, short.trimmed_after) == (
        0,
        24,
        False,
        False,
    )


def test_decisions_are_in_the_history_chain(db_path: Path, schema: LabelSchema) -> None:
    with Store(db_path) as store:
        first = disputes(store, schema)[0]
        record = adjudicate(store, schema, first.claim.id, "editor", first.draft)
        assert verify_chain(store.chain_rows()).ok
    conn = sqlite3.connect(db_path)
    conn.execute(
        'UPDATE annotations SET labels = \'{"source_type": "anonymous"}\' WHERE id = ?',
        (record.id,),
    )
    conn.commit()
    conn.close()
    with Store(db_path) as store:
        broken = verify_chain(store.chain_rows()).first_break
    assert broken is not None and broken.id == record.id and broken.reviewer == "editor"


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
        shown = screen_text(app)
        assert "Agreement" in shown and "History" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, AdjudicateScreen)
