"""Correcting source and cue spans by keyboard (s, t), on an article extracted by the real
model, so the candidates are the noun phrases and verbs spaCy found at ingest."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REVIEWER

from annotator.ingest import ingest_paths
from annotator.store import Store
from annotator.tui.app import ReviewApp, make_app
from annotator.tui.widgets import QuestionsPanel

SIZE = (100, 30)
RAIL = (
    "Rail disruption to last until Friday\n\n"
    "Trains between London and Brighton will run at reduced frequency until Friday, "
    "National Rail Enquiries said on its website, after a signal failure near Gatwick "
    "Airport. Passengers in the UK were advised to check before travelling.\n\n"
    "The line reopened in 2019 after a two-year closure.\n"
)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rail")
    (folder / "rail.txt").write_text(RAIL, encoding="utf-8")
    db = folder / "rail.db"
    with Store(db) as store:
        report = ingest_paths(store, [folder / "rail.txt"])
    assert report.added == 1
    return db


@pytest.fixture
def rail_db(extracted: Path, tmp_path: Path) -> Iterator[Path]:
    db = tmp_path / "rail.db"
    shutil.copy(extracted, db)
    yield db


def offsets(text: str) -> dict[str, int]:
    start = RAIL.index(text)
    return {"start": start, "end": start + len(text)}


def saved(db: Path) -> list[dict[str, Any] | None]:
    with Store(db) as store:
        return [a.labels for a in store.iter_annotations()]


async def go_to(app: ReviewApp, pilot: Any, words: str) -> None:
    """Open the claim whose text holds `words`."""
    for index, key in enumerate(app.session.view):
        with Store(app.session.store.path) as store:
            if words in store.review_claim(key).text:
                await pilot.press("g", *str(index + 1), "enter")
                return
    raise AssertionError(f"no claim holds {words!r}")


async def tab_to(app: ReviewApp, pilot: Any, words: str) -> None:
    """Press tab until the span editor offers `words` (at most once round the candidates)."""
    editor = app.screen.editor  # type: ignore[attr-defined]
    assert editor is not None
    for _ in range(len(editor.options) + 1):
        if editor.text == words:
            return
        await pilot.press("tab")
    raise AssertionError(
        f"{words!r} is not among {[editor.claim.text_at(*o) for o in editor.options]}"
    )


async def test_source_span_is_corrected_with_tab_and_arrows(rail_db: Path) -> None:
    app = make_app(rail_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "National Rail Enquiries")
        await pilot.press("s")
        await tab_to(app, pilot, "National Rail Enquiries")
        editor = app.screen.editor  # type: ignore[attr-defined]
        await pilot.press("left")
        assert editor.text == "National Rail"
        await pilot.press("shift+left")  # widened at the start: the comma before it
        assert editor.text == ", National Rail"
        await pilot.press("shift+right", "right")
        assert editor.text == "National Rail Enquiries"
        await pilot.press("enter")
        assert app.screen.editor is None  # type: ignore[attr-defined]
        shown = str(app.screen.query_one(QuestionsPanel).render())
        assert "source_span" in shown and "“National Rail Enquiries”" in shown
        await pilot.press("4")
    [labels] = saved(rail_db)
    assert labels is not None
    assert labels["source_span"] == offsets("National Rail Enquiries")
    assert labels["credibility"] == 4


async def test_the_cue_is_edited_the_same_way(rail_db: Path) -> None:
    app = make_app(rail_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "National Rail Enquiries")
        await pilot.press("t")
        await tab_to(app, pilot, "said")
        await pilot.press("enter", "3")
    [labels] = saved(rail_db)
    assert labels is not None and labels["cue_span"] == offsets("said")


async def test_escape_leaves_the_span_and_no_source_is_one_key(rail_db: Path) -> None:
    app = make_app(rail_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "National Rail Enquiries")
        before = app.session.answers.values["source_span"]
        await pilot.press("s", "tab", "tab", "escape")
        assert app.session.answers.values["source_span"] == before
        await pilot.press("s", "backspace", "enter")
        assert app.session.answers.values["source_span"] is None
        await pilot.press("2")
    [labels] = saved(rail_db)
    assert labels is not None and labels["source_span"] is None


async def test_a_source_is_added_to_a_claim_the_machine_left_unattributed(rail_db: Path) -> None:
    app = make_app(rail_db, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "Passengers in the UK")
        claim = app.session.claim
        assert claim is not None and claim.source_type == "unattributed" and claim.source is None
        await pilot.press("s")  # refused: unattributed means no source
        assert app.screen.editor is None  # type: ignore[attr-defined]
        await pilot.press("o", "s")  # a named organisation, named in the sentence before
        await tab_to(app, pilot, "National Rail Enquiries")
        await pilot.press("enter", "4")
    [labels] = saved(rail_db)
    assert labels is not None
    assert labels["source_type"] == "named_organization"
    assert labels["source_span"] == offsets("National Rail Enquiries")
    assert labels["anonymous_flag"] is False
