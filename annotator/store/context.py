"""The paragraph shown around a claim, and the text its search row is made of.

No SQL here: the review queries, the search index and its migration share these.
"""

from __future__ import annotations

from typing import Any

# Context shown around a claim: its paragraph, unless that is longer than this.
MAX_CONTEXT_CHARS = 1500


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The blank-line paragraph holding text[start:end], or its lines when that is too long."""
    for separator in ("\n\n", "\n"):
        left = text.rfind(separator, 0, start)
        left = 0 if left < 0 else left + len(separator)
        right = text.find(separator, end)
        right = len(text) if right < 0 else right
        if right - left <= MAX_CONTEXT_CHARS:
            return left, right
    return max(0, start - MAX_CONTEXT_CHARS // 2), min(len(text), end + MAX_CONTEXT_CHARS // 2)


def claim_bounds(claim: dict[str, Any]) -> tuple[int, int]:
    """The sentence of a claim row, or the claim itself when the sentence is unknown."""
    start = claim["start"] if claim.get("sentence_start") is None else claim["sentence_start"]
    end = claim["end"] if claim.get("sentence_end") is None else claim["sentence_end"]
    return start, end


def search_row(
    rowid: int, article_text: str, claim: dict[str, Any], attribution: dict[str, Any] | None
) -> tuple[int, str, str, str]:
    """(claim rowid, its paragraph, its source, its resolved antecedent): what `/` searches."""
    left, right = paragraph_bounds(article_text, *claim_bounds(claim))
    left, right = min(left, claim["start"]), max(right, claim["end"])
    attribution = attribution or {}
    return (
        rowid,
        article_text[left:right],
        attribution.get("source_text") or "",
        attribution.get("resolved_text") or "",
    )
