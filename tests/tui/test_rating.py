"""Rating, accepting, undo and quit/reopen: what the keys leave in the database."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REVIEWER

from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.session import ReviewSession

SIZE = (100, 30)


def history(db_path: Path) -> list[tuple[str, str, dict | None]]:
    with Store(db_path) as store:
        return [(a.claim_id, a.action, a.labels) for a in store.iter_annotations()]


def current_claim_id(app: object) -> str:
    session: ReviewSession = app.session  # type: ignore[attr-defined]
    assert session.claim is not None
    return session.claim.id


async def test_rating_key_saves_prefilled_labels_and_moves_on(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        first = current_claim_id(app)
        await pilot.press("4")
        second = current_claim_id(app)
        assert second != first
        # Committed while the app runs: another connection (or a killed process) sees it.
        assert len(history(db_path)) == 1
    [(claim, action, labels)] = history(db_path)
    assert (claim, action) == (first, "label")
    with Store(db_path) as store:
        text = store.review_claim(store.claim_keys()[0]).context
    assert labels is not None
    source, cue = labels.pop("source_span"), labels.pop("cue_span")
    # The machine's source and cue, shown and accepted, are saved as the reviewer's spans.
    assert (text[source["start"] : source["end"]], text[cue["start"] : cue["end"]]) == (
        "Foreign Minister Mevlut Cavusoglu",
        "said",
    )
    assert labels == {
        "source_type": "named_person",
        "anonymous_flag": False,
        "credibility": 4,
        "claim_kind": None,
    }


async def test_a_rating_the_screen_moved_past_is_synced_to_disk(db_path: Path) -> None:
    """Durable against a power cut, not only a crash: in WAL mode, synchronous=FULL syncs
    the log at every commit (NORMAL would leave the last commits to the next checkpoint)."""
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        conn = app.session.store.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        await pilot.press("4")
        assert len(history(db_path)) == 1


async def test_letters_and_toggles_change_what_is_saved(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r", "v", "0")
    [(_, _, labels)] = history(db_path)
    assert labels is not None
    assert {k: v for k, v in labels.items() if not k.endswith("_span")} == {
        "source_type": "anonymous",
        "anonymous_flag": True,  # implied by the source type (the schema's rule)
        "anonymity_reason_given": True,
        "credibility": "cant_judge",
        "claim_kind": "opinion",
    }


async def test_j_k_move_without_saving_and_enter_accepts_a_rated_claim(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "k")
        assert app.session.index == 1
        assert history(db_path) == []
        await pilot.press("3", "k", "e", "enter")  # rated, then revised and accepted
        assert app.session.index == 2
    assert [
        (action, labels and labels["claim_kind"]) for _, action, labels in history(db_path)
    ] == [
        ("label", None),
        ("label", "prediction"),
    ]


async def test_note_is_saved_with_the_rating(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.press(*"check it", "enter", "5")
    with Store(db_path) as store:
        [annotation] = list(store.iter_annotations())
    assert annotation.note == "check it"
    assert annotation.seconds is not None and annotation.seconds >= 0


async def test_a_note_written_then_left_is_kept(db_path: Path) -> None:
    """Moving on without a rating must not throw away what the reviewer typed."""
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        first = current_claim_id(app)
        await pilot.press("n", *"ask the desk", "enter", "j")
        assert current_claim_id(app) != first
        assert len(history(db_path)) == 1  # committed on leaving, before the next claim
    with Store(db_path) as store:
        [annotation] = list(store.iter_annotations())
    assert (annotation.claim_id, annotation.note) == (first, "ask the desk")
    assert annotation.labels is not None and annotation.labels["credibility"] is None


@pytest.mark.parametrize("quit_key", ["q", "ctrl+c"])
async def test_an_unsaved_change_survives_quitting(db_path: Path, quit_key: str) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", quit_key)
    [(_, action, labels)] = history(db_path)
    assert action == "label" and labels is not None and labels["source_type"] == "anonymous"


async def test_undo_takes_back_an_unsaved_change_first(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "ctrl+z")
        assert app.session.answers.values["source_type"] == "named_person"  # machine's again
    assert [
        (action, labels and labels["source_type"]) for _, action, labels in history(db_path)
    ] == [
        ("label", "anonymous"),
        ("undo", None),
    ]


async def test_undo_appends_a_record_restoring_the_previous_labels(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        first = current_claim_id(app)
        await pilot.press("3", "k", "5", "ctrl+z")
        assert current_claim_id(app) == first
        await pilot.press("ctrl+z")
        assert not app.session.can_undo
    actions = [
        (claim == first, action, labels and labels["credibility"])
        for claim, action, labels in history(db_path)
    ]
    assert actions == [
        (True, "label", 3),
        (True, "label", 5),
        (True, "undo", 3),
        (True, "undo", None),
    ]


@pytest.mark.parametrize("quit_key", ["q", "ctrl+c"])
async def test_quit_and_reopen_resumes_at_the_first_unrated_claim(
    db_path: Path, quit_key: str
) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "3", quit_key)
        assert not app.is_running
    saved = [claim for claim, _, _ in history(db_path)]
    assert len(saved) == 2
    reopened = make_app(db_path, REVIEWER)
    async with reopened.run_test(size=SIZE):
        assert reopened.session.index == 2
        assert current_claim_id(reopened) not in saved


async def test_rating_every_claim_shows_the_summary(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "2", "3", "4")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SummaryScreen"
    assert len(history(db_path)) == 4


KILLED = """
import asyncio, os, signal, sys
from annotator.tui.app import make_app

async def main() -> None:
    app = make_app(sys.argv[1], "tester")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "5")
        os.kill(os.getpid(), signal.SIGKILL)  # no exit handlers, no close

asyncio.run(main())
"""


def test_a_killed_process_keeps_every_save_it_showed(db_path: Path) -> None:
    process = subprocess.run([sys.executable, "-c", KILLED, str(db_path)], check=False)
    assert process.returncode == -signal.SIGKILL
    assert [labels and labels["credibility"] for _, _, labels in history(db_path)] == [4, 5]


async def test_undo_reaches_back_into_an_earlier_run_and_only_to_your_own_saves(
    db_path: Path,
) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        first = current_claim_id(app)
        await pilot.press("2")
        second = current_claim_id(app)
        await pilot.press("4", "q")
    with Store(db_path) as store:  # another reviewer saves after that run
        store.add_annotation(first, "other", {"credibility": 1}, schema_id=None)
    reopened = make_app(db_path, REVIEWER)
    async with reopened.run_test(size=SIZE) as pilot:
        assert reopened.session.can_undo
        await pilot.press("ctrl+z")
        assert current_claim_id(reopened) == second
        await pilot.press("ctrl+z")
        assert current_claim_id(reopened) == first
        assert not reopened.session.can_undo
        await pilot.press("ctrl+z")  # nothing of tester's left: nothing happens
    with Store(db_path) as store:
        mine = [(a.claim_id, a.action, a.labels) for a in store.iter_annotations()
                if a.reviewer == REVIEWER]  # fmt: skip
        other = store.current_annotation(first, "other")
    assert [(claim, action) for claim, action, _ in mine] == [
        (first, "label"),
        (second, "label"),
        (second, "undo"),
        (first, "undo"),
    ]
    assert mine[2][2] is None and mine[3][2] is None
    assert other is not None and other.labels == {"credibility": 1}
