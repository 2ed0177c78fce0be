"""Split article text into paragraphs, keeping offsets into the original text.

Three layouts occur: paragraphs separated by blank lines, one paragraph per line, and
hard-wrapped lines (PDF or e-mail text) where one paragraph spans several lines of similar
length. A line break is a paragraph break unless the text is hard-wrapped and the break
looks like a wrap (the line is near the wrap width, the next line starts lowercase, or the
line does not end a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_SENTENCE_END = (".", "!", "?", ":", '"', "”", "'", "’", ")", ";")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: ``text[start:end]`` of the article (newlines inside become spaces
    when the article is prepared for parsing)."""

    start: int
    end: int


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline and trailing whitespace."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        out.append((pos, pos + len(stripped)))
        pos += len(line) + 1
    return out


def wrap_width(text: str) -> int | None:
    """The hard-wrap width of the text, or None when lines are not hard-wrapped.

    Wrapped text has most lines within a narrow band below a small maximum (~60-100).
    """
    lengths = [len(line.strip()) for line in text.split("\n") if line.strip()]
    if len(lengths) < 4:
        return None
    ordered = sorted(lengths)
    width = ordered[int(0.9 * (len(ordered) - 1))]
    if width > 110 or width < 30:
        return None
    near = sum(1 for n in lengths if n >= 0.7 * width)
    # Most lines fill the width in wrapped text; one-line paragraphs of varied length do not.
    if near < 0.5 * len(lengths):
        return None
    # And most wrapped lines stop mid-sentence, while one-line paragraphs end a sentence.
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    ended = sum(1 for line in lines if line.endswith(_SENTENCE_END))
    if ended > 0.5 * len(lines):
        return None
    return width


def _title_case(line: str) -> bool:
    """Most words capitalised: a headline, not running text."""
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 3:
        return False
    return sum(1 for w in words if w[:1].isupper()) >= 0.7 * len(words)


def _is_wrap(line: str, nxt: str, width: int) -> bool:
    """Whether the break between two non-empty lines of wrapped text is only a wrap."""
    first_word = nxt.split(None, 1)[0] if nxt.split() else ""
    fits = len(line) + 1 + len(first_word) <= width
    if nxt[:1].islower():
        return True
    if _title_case(line) and not line.endswith(_SENTENCE_END):
        return False  # a headline line stands alone
    if _title_case(nxt) and len(nxt) < 0.75 * width and not nxt.endswith(_SENTENCE_END):
        return False
    if fits and len(line) < 0.75 * width:
        return False  # the line was ended early: a paragraph (or headline) ends here
    return not line.endswith(_SENTENCE_END) or not fits


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of ``text`` in order, as offsets into it (empty paragraphs dropped)."""
    width = wrap_width(text)
    paragraphs: list[Paragraph] = []
    current: tuple[int, int] | None = None
    previous_line = ""
    for start, end in _lines(text):
        # Leading whitespace is not part of the paragraph.
        line = text[start:end]
        lead = len(line) - len(line.lstrip())
        start += lead
        line = line.strip()
        if not line:
            if current is not None:
                paragraphs.append(Paragraph(*current))
                current = None
            continue
        if (
            current is not None
            and (
                (width is not None and _is_wrap(previous_line, line, width))
                # Even outside wrapped text, a line that stops mid-sentence and a next line
                # starting lowercase are one paragraph.
                or (line[:1].islower() and not previous_line.endswith(_SENTENCE_END))
            )
        ):
            current = (current[0], end)
        else:
            if current is not None:
                paragraphs.append(Paragraph(*current))
            current = (start, end)
        previous_line = line
    if current is not None:
        paragraphs.append(Paragraph(*current))
    return paragraphs


# Quotation marks typed as two characters (newswire and treebank text: ''A,'' he said):
# the model and the quotation finder know only '"'.
_TWO_MARK_QUOTE = re.compile(r"''|``")

# Tabs, carriage returns and the Unicode spaces web pages are full of (no-break, thin,
# em...): the tokenizer splits only at " ", and makes any other space a token of its own
# that the parser then hangs the sentence on ("Sexton said,\u00a0has created" loses its
# attribution).
_SPACES = re.compile("[\t\r\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def _one_mark(m: re.Match[str]) -> str:
    """The mark as '"' plus a space on the side away from the quoted words, so the
    length stays the same: ``A'' -> ' "A" '."""
    text, end = m.string, m.end()
    opening = m.group() == "``" or (end < len(text) and text[end].isalnum())
    return ' "' if opening else '" '


def prepare_text(text: str, paragraphs: list[Paragraph] | None = None) -> str:
    """The text to parse: same length as ``text`` (offsets stay valid), with line breaks
    inside a paragraph and every other kind of space (tab, no-break space...) turned into
    spaces, every paragraph break a newline and two-mark quotation marks ('' and ``) one
    mark."""
    if paragraphs is None:
        paragraphs = split_paragraphs(text)
    text = _SPACES.sub(" ", text)
    if "''" in text or "``" in text:
        text = _TWO_MARK_QUOTE.sub(_one_mark, text)
    if "\n" not in text:
        return text
    pieces: list[str] = []
    pos = 0
    for para in paragraphs:
        pieces.append(text[pos : para.start])
        pieces.append(text[para.start : para.end].replace("\n", " "))
        pos = para.end
    pieces.append(text[pos:])
    return "".join(pieces)
