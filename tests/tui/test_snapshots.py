"""SVG snapshots of the main screens (fixed reviewer, no clock, no timings on screen)."""

from __future__ import annotations

from pathlib import Path

from conftest import REVIEWER

from annotator.tui.app import make_app


def test_claim_screen_at_80x24(db_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """The first claim: paragraph, machine suggestion, questions, keys."""
    assert snap_compare(make_app(db_path, REVIEWER), terminal_size=(80, 24))


def test_long_paragraph_at_80x24(long_db: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """A quote in the middle of a long hard-wrapped paragraph: the text is trimmed around
    the claim (line breaks as spaces), the long title cut to one line, and the claim, its
    source and flags are on screen without scrolling."""
    assert snap_compare(
        make_app(long_db, REVIEWER), press=["g", "3", "enter"], terminal_size=(80, 24)
    )


def test_long_paragraph_with_evidence_at_80x24(long_db: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """An anonymous claim: its three pieces of evidence fold into one line."""
    assert snap_compare(make_app(long_db, REVIEWER), terminal_size=(80, 24))


def test_long_paragraph_at_140x45(long_db: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """With room, the whole paragraph and every piece of evidence are shown."""
    assert snap_compare(make_app(long_db, REVIEWER), terminal_size=(140, 45))


def test_editing_a_source_span(long_db: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """s: the span being edited is marked in the paragraph, the editor's keys replace the
    others, and the line under the questions says what enter would keep."""
    assert snap_compare(
        make_app(long_db, REVIEWER),
        press=["g", "4", "enter", "s", "left"],
        terminal_size=(100, 30),
    )


def test_article_list(long_db: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """l: the articles with outlet, claims and your rated count."""
    assert snap_compare(make_app(long_db, REVIEWER), press=["3", "l"], terminal_size=(80, 24))


def test_anonymous_claim_with_evidence(db_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """An anonymous claim relayed by an outlet, its evidence and reason question shown."""
    assert snap_compare(make_app(db_path, REVIEWER), press=["j", "j"], terminal_size=(110, 30))


def test_claim_screen_light_theme(db_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """The resolved antecedent of "He" in the light theme."""
    assert snap_compare(make_app(db_path, REVIEWER), press=["j", "ctrl+t"], terminal_size=(100, 30))


def test_help_screen(db_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """Help lists every key and the schema's questions."""
    assert snap_compare(
        make_app(db_path, REVIEWER), press=["question_mark"], terminal_size=(100, 40)
    )


def test_summary_screen(db_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After the last claim is rated: counts by label and the next commands."""
    assert snap_compare(
        make_app(db_path, REVIEWER), press=["a", "1", "2", "3", "4"], terminal_size=(100, 30)
    )
