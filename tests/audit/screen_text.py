"""The text a Pilot-driven app shows, line by line, read from its SVG screenshot."""

from __future__ import annotations

import html
import re
from collections import defaultdict

from textual.app import App

_RUN = re.compile(r'<text [^>]*clip-path="url\(#terminal-\d+-line-(\d+)\)">(.*?)</text>')


def screen_text(app: App[object]) -> str:
    lines: dict[int, str] = defaultdict(str)
    for match in _RUN.finditer(app.export_screenshot()):
        lines[int(match[1])] += html.unescape(match[2])
    return "\n".join(lines[i] for i in sorted(lines)).replace("\xa0", " ")
