"""Fitting a paragraph on a small screen: hard line breaks as spaces, and a window of
the text around what must stay visible (the claim, the span being edited)."""

from __future__ import annotations

import re

# A line break inside a paragraph (not a blank line between paragraphs).
_HARD_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
ELLIPSIS = "…"


def unwrap(text: str) -> str:
    """Hard line breaks inside paragraphs as spaces; same length, so offsets hold."""
    return _HARD_BREAK.sub(" ", text)


def window(text: str, keep_start: int, keep_end: int, budget: int) -> tuple[int, int]:
    """(left, right) of a stretch of `text` of about `budget` characters that holds
    text[keep_start:keep_end], centred on it and cut between words.

    The whole text when it fits; from `keep_start` on when the kept part alone does not.
    """
    if len(text) <= budget:
        return 0, len(text)
    spare = budget - (keep_end - keep_start)
    if spare <= 0:
        return keep_start, min(len(text), keep_start + max(budget, 1))
    left = max(0, keep_start - spare // 2)
    right = min(len(text), keep_end + (spare - (keep_start - left)))
    left = max(0, min(left, right - budget))
    if left > 0:  # start on a word: after the nearest space at or after `left`
        space = text.find(" ", left, keep_start)
        left = keep_start if space < 0 else space + 1
    if right < len(text):  # end on a word: at the nearest space at or before `right`
        space = text.rfind(" ", keep_end, right)
        right = keep_end if space < 0 else space
    return left, right
