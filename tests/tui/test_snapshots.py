"""SVG snapshots of the main screens (fixed reviewer, no clock, no timings on screen)."""

from __future__ import annotations

from pathlib import Path

from conftest import REVIEWER

from annotator.tui.app import make_app


def test_claim_screen_at_80x24(db_path: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    """The first claim: paragraph, machine suggestion, questions, keys."""
    assert snap_compare(make_app(db_path, REVIEWER), terminal_size=(80, 24))


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
