"""Highlights land on the right words after control characters are stripped."""

from annotator.tui.marked import marked


def test_spans_follow_the_text_when_controls_are_removed() -> None:
    text = "a\x1b[31m said \x07[b]x[/b]"
    said = text.index("said")
    content = marked(text, [(said, said + 4, "bold"), (0, 1, "italic"), (50, 60, "bold")])
    assert content.plain == "a said [b]x[/b]"
    spans = {(span.start, span.end, span.style) for span in content.spans}
    assert spans == {(2, 6, "bold"), (0, 1, "italic")}
