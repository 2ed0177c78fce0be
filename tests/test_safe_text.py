"""safe_text: article text never acts on the terminal or as markup."""

import json

import orjson
from rich.text import Text

from annotator.safe_text import clean, escape, inert_json, plain


def test_clean_strips_ansi_and_controls_but_keeps_layout() -> None:
    raw = "a\x1b[31mred\x1b[0m\x07 b\tc\nd\x1b]0;title\x07e\x85f\x00"
    assert clean(raw) == "ared b\tc\ndef"


def test_clean_keeps_ordinary_text() -> None:
    text = "“Quoted” — naïve [bold]x[/bold] 100%"
    assert clean(text) == text


def test_escape_makes_markup_inert() -> None:
    rendered = Text.from_markup(escape("[bold]x[/bold]\x1b[31m"))
    assert rendered.plain == "[bold]x[/bold]"
    assert not rendered.spans


def test_one_line_folds_line_breaks_so_a_name_cannot_forge_a_line() -> None:
    assert clean("a\nError: forged\tb\x1b[2J", one_line=True) == "a Error: forged b"


def test_plain_is_literal_text_without_controls() -> None:
    text = plain("[link=http://x]y[/link]\x1b]8;;http://x\x07")
    assert text.plain == "[link=http://x]y[/link]" and not text.spans


def test_inert_json_escapes_the_controls_json_leaves_raw_and_keeps_the_value() -> None:
    value = {"note": "a\x9b31m\x7fb \u00e9\x1b"}
    for encoded in (json.dumps(value, ensure_ascii=False), orjson.dumps(value)):
        inert = inert_json(encoded)
        assert json.loads(inert) == value
        raw = inert if isinstance(inert, str) else inert.decode()
        assert not any("\x7f" <= c <= "\x9f" or c < " " for c in raw)
