"""Fitting a paragraph on a small screen: the claim stays whole, cuts fall between words."""

from __future__ import annotations

from conftest import LONG_PARAGRAPH

from annotator.tui.trim import unwrap, window


def test_hard_line_breaks_become_spaces_and_paragraph_breaks_stay() -> None:
    assert unwrap("one\ntwo\n\nthree") == "one two\n\nthree"
    assert len(unwrap(LONG_PARAGRAPH)) == len(LONG_PARAGRAPH)


def test_the_window_holds_the_claim_and_cuts_between_words() -> None:
    text = unwrap(LONG_PARAGRAPH)
    claim = "“We will not let the country be held to ransom,”"
    start = text.index(claim)
    left, right = window(text, start, start + len(claim), 200)
    assert left <= start and start + len(claim) <= right
    assert right - left <= 200
    assert text[left - 1] == " " and text[right] == " "  # whole words at both ends
    assert window(text, start, start + len(claim), len(text)) == (0, len(text))


def test_a_claim_longer_than_the_room_is_shown_from_its_start() -> None:
    text = unwrap(LONG_PARAGRAPH)
    assert window(text, 100, 400, 50) == (100, 150)
