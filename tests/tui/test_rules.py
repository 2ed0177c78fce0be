"""The schema's rules while reviewing: implications applied as you type and shown, a
required answer before enter saves, and nothing stored for a claim left untouched."""

from __future__ import annotations

from pathlib import Path

from conftest import REVIEWER

from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.widgets import QuestionsPanel

SIZE = (100, 30)


def records(db_path: Path) -> list[dict | None]:
    with Store(db_path) as store:
        return [a.labels for a in store.iter_annotations()]


async def test_anonymous_sets_the_flag_as_you_type_and_the_flag_cannot_contradict_it(
    db_path: Path,
) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        answers = app.session.answers
        assert answers.values["anonymous_flag"] is False
        await pilot.press("a")
        assert app.session.answers.values["anonymous_flag"] is True
        shown = str(app.screen.query_one(QuestionsPanel).render())
        assert "← source_type = anonymous" in shown  # the rule is shown beside the flag
        await pilot.press("x")  # refused: the rule holds the flag
        await pilot.pause()
        assert app.session.answers.values["anonymous_flag"] is True
        assert any(
            "source_type = anonymous implies anonymous_flag = true" in str(n.message)
            for n in app._notifications
        )
        await pilot.press("w")  # the writer's voice: no flag, no source span
        assert app.session.answers.values["anonymous_flag"] is False
        assert app.session.answers.values["source_span"] is None
        await pilot.press("3")
    [labels] = records(db_path)
    assert labels is not None
    assert (labels["source_type"], labels["anonymous_flag"], labels["source_span"]) == (
        "unattributed",
        False,
        None,
    )


async def test_enter_without_the_required_rating_says_so_and_saves_nothing(
    db_path: Path,
) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.index == 0
        assert any("credibility is required" in str(n.message) for n in app._notifications)
        await pilot.press("space")
        assert app.session.index == 0
    assert records(db_path) == []


async def test_moving_past_an_untouched_prefilled_claim_stores_nothing(db_path: Path) -> None:
    """o then w puts the machine's answer back; moving on is not a rating."""
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "j")  # the claim the machine left unattributed
        assert app.session.claim is not None
        assert app.session.claim.source_type == "unattributed"
        await pilot.press("o", "w", "k", "j", "k")
        assert app.session.rated == set()
    assert records(db_path) == []


async def test_a_change_without_a_rating_is_kept_but_the_claim_stays_unrated(
    db_path: Path,
) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        first = app.session.claim
        await pilot.press("d", "j")
        assert app.session.rated == set()
        await pilot.press("f", "down", "enter")  # not yet rated by me: still holds it
        assert first is not None and first.key in app.session.view
    [labels] = records(db_path)
    assert labels is not None and labels["source_type"] == "document"
    assert labels["credibility"] is None
