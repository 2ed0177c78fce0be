"""Article text made safe to put on a terminal.

Articles come from anywhere: an ANSI escape could recolour or move the cursor, a control
character could ring the bell or clear the screen, and `[bold]` in a headline would be
read as Rich markup. `clean` removes the first two; `escape` makes text inert as markup.
"""

from __future__ import annotations

import re

from rich.markup import escape as _escape_markup

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and two-character ESC sequences.
_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# C0 and C1 controls and DEL, keeping newline and tab (text layout, not terminal commands).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """`text` without ANSI escape sequences and control characters (newline and tab stay)."""
    return _CONTROLS.sub("", _ANSI.sub("", text))


def escape(text: str) -> str:
    """`text` cleaned and escaped, for the few places that take Rich markup strings."""
    return _escape_markup(clean(text))


__all__ = ["clean", "escape"]
