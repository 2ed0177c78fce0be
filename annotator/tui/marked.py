"""Article text as Textual `Content`: cleaned of controls, literal, with styled spans.

Spans index the raw article text; controls are stripped piece by piece between span
boundaries so the highlights still land on the right words. Styles name theme
variables ($accent, ...) so they read in dark and light themes alike.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from textual.content import Content, Span

from annotator.safe_text import clean

Mark = tuple[int, int, str]  # start, end (offsets into `text`), style


def marked(text: str, marks: Sequence[Mark] = ()) -> Content:
    """`text` (never read as markup) with each mark's style over its stretch."""
    cuts = sorted({0, len(text), *(p for s, e, _ in marks for p in (s, e) if 0 <= p <= len(text))})
    plain: list[str] = []
    where: dict[int, int] = {}  # raw offset -> offset in the cleaned text
    length = 0
    for left, right in itertools.pairwise(cuts):
        where[left] = length
        piece = clean(text[left:right])
        plain.append(piece)
        length += len(piece)
    where[len(text)] = length
    spans = [
        Span(where[max(0, s)], where[min(len(text), e)], style)
        for s, e, style in marks
        if s < e and max(0, s) in where and min(len(text), e) in where
    ]
    return Content("".join(plain), spans, strip_control_codes=False)


def literal(text: str | None, style: str = "") -> Content:
    """A short piece of article text (a title, a source) as one styled, literal run."""
    body = clean(text or "")
    return Content(body, [Span(0, len(body), style)] if style and body else None)
