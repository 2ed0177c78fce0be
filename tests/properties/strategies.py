"""Hostile input for the property tests: text, HTML, JSONL and CSV as they come in the wild.

A uniquely named module (not conftest) so the tests can import it.
"""

from __future__ import annotations

import csv
import io
import json

from hypothesis import strategies as st

# Zero-width and bidirectional controls, NUL and other controls, escape sequences,
# line and paragraph separators, combining marks, astral characters.
ODD = st.sampled_from(
    [
        "\x00", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u202a", "\u202b",
        "\u202d", "\u202e", "\u2066", "\u2067", "\u2069", "\u061c", "\u200e", "\u200f",
        "\x1b[2J", "\x1b]0;t\x07", "\x07", "\x08", "\x7f", "\x85", "\x9b", "\r", "\r\n",
        "\x0b", "\x0c", "\u2028", "\u2029", "\u0301", "\U0001f600", "\U00010000", "\ufffd",
        "é", "ß", "İ", "ﬁ", '"', "“", "”", "'", "’", "\t", "\n", "\n\n",
    ]
)  # fmt: skip
# Words that make sentences the parser takes for attributions.
WORDS = st.sampled_from(
    [
        "The", "minister", "said", "told", "reporters", "according", "to", "a", "source",
        "familiar", "with", "the", "matter", "officials", "who", "asked", "not", "be",
        "named", "Reuters", "reported", "on", "Monday", "he", "she", "they", "added",
        "Ms.", "Smith", "John", "Doe", "Ankara", "denied", "that", "talks", "stalled",
        "said.", "said,", '"We', 'will."', "—", "(AP)", "claims", "it", "is", "false.",
    ]
)  # fmt: skip
PIECE = st.one_of(WORDS, WORDS, ODD, st.text(max_size=12))
SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", "\n\n", ": ", " — "])

TEXT = st.lists(st.tuples(PIECE, SEPARATORS), max_size=80).map(
    lambda parts: "".join(piece + separator for piece, separator in parts)
)
FIELD = st.one_of(TEXT, st.text(max_size=40))

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    FIELD,
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
KNOWN_FIELDS = st.sampled_from(["text", "title", "url", "outlet", "published", "id", "note"])
RECORDS = st.dictionaries(st.one_of(KNOWN_FIELDS, st.text(max_size=8)), JSON_VALUES, max_size=6)
ARTICLE_RECORDS = st.builds(lambda rest, text: {**rest, "text": text}, RECORDS, TEXT)


def _json_line(value: object, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only)


JSONL_LINES = st.one_of(
    st.builds(_json_line, ARTICLE_RECORDS, st.booleans()),
    st.builds(_json_line, JSON_VALUES, st.booleans()),  # arrays, numbers, strings, null
    st.text(max_size=40),  # not JSON at all
    st.just(""),
)
JSONL = st.builds(
    lambda bom, lines, end: ("\ufeff" if bom else "") + "\n".join(lines) + end,
    st.booleans(),
    st.lists(JSONL_LINES, max_size=8),
    st.sampled_from(["", "\n", "\r\n"]),
)

HEADER_NAMES = st.one_of(
    st.sampled_from(["text", "Text ", " TEXT", "title", "url", "outlet", "published", "id"]),
    st.text(max_size=10),
)


def _csv(header: list[str], rows: list[list[str]], bom: bool, quoted: bool) -> str:
    if quoted:  # written by a CSV library: embedded newlines and quotes are quoted
        out = io.StringIO(newline="")
        csv.writer(out).writerows([header, *rows])
        body = out.getvalue()
    else:  # written by hand: whatever the cells hold
        body = "\n".join(",".join(row) for row in [header, *rows])
    return ("\ufeff" if bom else "") + body


CSV = st.builds(
    _csv,
    st.lists(HEADER_NAMES, min_size=1, max_size=5),  # duplicates happen
    st.lists(st.lists(FIELD, max_size=6), max_size=6),
    st.booleans(),
    st.booleans(),
)

TAGS = st.sampled_from(
    ["div", "p", "span", "b", "i", "article", "main", "section", "h1", "a", "script",
     "style", "table", "tr", "td", "ul", "li", "br", "img", "!--", "![CDATA["]
)  # fmt: skip


def _element(tag: str, children: list[str], closed: bool, attributes: str) -> str:
    return f"<{tag}{attributes}>" + "".join(children) + (f"</{tag}>" if closed else "")


HTML_TREES = st.recursive(
    st.one_of(TEXT, st.text(max_size=20)),
    lambda inner: st.builds(
        _element,
        TAGS,
        st.lists(inner, max_size=4),
        st.booleans(),
        st.sampled_from(["", ' class="x"', " id=", ' data-x="<">', " onload=alert(1)"]),
    ),
    max_leaves=25,
)
HTML = st.builds(
    lambda title, tree, cut: (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{tree}</body></html>"
    )[: cut or None],
    FIELD,
    HTML_TREES,
    st.integers(min_value=0, max_value=400),
)
# 1,000 levels of nesting, closed and unclosed: deeper than parsers like.
DEEP_HTML = (
    "<html><body>" + "<div>" * 1000 + "Officials said the talks went on. " * 20 + "</div>" * 1000
)
UNCLOSED_HTML = "<html><body>" + "<div><p><b>" * 1000 + "The minister said so. " * 20
FIVE_MB_LINE = "The minister said prices rose " * 170_000  # one 5 MB line, no line break
