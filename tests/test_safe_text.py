"""safe_text: article text never acts on the terminal or as markup."""

from rich.text import Text

from annotator.safe_text import clean, escape


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
