"""Data made inert before it reaches a terminal.

Articles, reviewer names, file names, CSV headers and label schemas come from anywhere:
an ANSI escape could retitle the terminal, move the cursor or clear the screen, a control
character could ring the bell, and `[bold]` in a headline would be read as Rich markup.
`clean` is the one function every piece of data passes through on its way to a terminal
(command output, error lines, reports, the review UI); `escape` and `plain` also keep it
from being read as Rich markup, and `inert_json` makes JSON text inert without changing
its value. `remove_controls` is what ingest applies to article text before detection.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, AnyStr

from rich.markup import escape as _escape_markup
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import OverflowMethod

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-character ESC sequences.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# C0 and C1 controls and DEL, keeping newline and tab (text layout, not terminal commands).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\n\t]+")
# Raw in JSON text only inside strings, where JSON allows them unescaped: DEL and the C1
# controls (in UTF-8 c2 80 .. c2 9f; 0xc2 is always a lead byte, so no character is split).
_JSON_RAW_CONTROLS = re.compile(r"[\x7f-\x9f]")
_JSON_C1_BYTES = re.compile(rb"\xc2[\x80-\x9f]")
# At ingest a carriage return stays too: it is part of a line end (CRLF, or a classic Mac
# file's CR), and the stored text keeps its line ends.
_STORED_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: str, *, one_line: bool = False) -> str:
    """`text` without ANSI escape sequences and control characters.

    Newline and tab stay, unless `one_line`: then each run of them becomes one space,
    so a file name with a newline in it cannot split an error line in two.
    """
    if text.isprintable():  # a quick test in C: most text has nothing to remove
        return text
    text = _CONTROLS.sub("", _ANSI.sub("", text))
    return _LINE_BREAKS.sub(" ", text) if one_line else text


def remove_controls(text: str) -> tuple[str, int]:
    """`text` as ingest stores it: without escape sequences and control characters other
    than line ends and tabs; and how many characters went."""
    cleaned = _STORED_CONTROLS.sub("", _ANSI.sub("", text))
    return cleaned, len(text) - len(cleaned)


def escape(text: str) -> str:
    """`text` cleaned and escaped, for the few places that take Rich markup strings."""
    return _escape_markup(clean(text))


def plain(text: object, style: str = "", *, overflow: OverflowMethod | None = None) -> Text:
    """A piece of data as a Rich Text: cleaned, and never read as markup."""
    return Text(clean(str(text)), style=style, overflow=overflow)


def inert_json(json_text: AnyStr) -> AnyStr:
    """JSON text (str, or UTF-8 bytes) with DEL and C1 controls written as \\u escapes.

    The same JSON value: encoders escape C0 controls (ESC included) but may leave these
    raw, and some terminals act on a raw C1 CSI.
    """
    if isinstance(json_text, bytes):  # an export's records: kept fast (memchr, no alternation)
        if b"\x7f" in json_text:
            json_text = json_text.replace(b"\x7f", b"\\u007f")
        if b"\xc2" in json_text:
            json_text = _JSON_C1_BYTES.sub(_escaped_bytes, json_text)
        return json_text
    return _JSON_RAW_CONTROLS.sub(_escaped, json_text)


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _escaped_bytes(match: re.Match[bytes]) -> bytes:
    return b"\\u%04x" % ord(match.group().decode("utf-8"))


__all__ = ["clean", "escape", "inert_json", "plain", "remove_controls"]
