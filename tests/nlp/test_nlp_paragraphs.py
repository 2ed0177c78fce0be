"""Paragraph splitting: blank lines, one paragraph per line, hard-wrapped lines."""

from __future__ import annotations

import textwrap

from annotator.nlp.paragraphs import prepare_text, split_paragraphs, wrap_width

PARAS = [
    "Ministers Say Talks Will Resume Next Week",
    "The government said on Monday that talks with the unions would resume next week, "
    "after a month-long pause that left several rail lines idle and commuters frustrated.",
    "“We are ready to listen,” the transport minister told reporters in the capital, adding "
    "that no proposal had been ruled out and that a deal before the summer was still possible.",
    "Union leaders said they had not yet received an invitation to the talks.",
]


def texts(paragraphs: list[str]) -> list[str]:
    return [paragraphs[0], *paragraphs[1:]]


def split(text: str) -> list[str]:
    return [text[p.start : p.end].replace("\n", " ") for p in split_paragraphs(text)]


def test_blank_line_paragraphs() -> None:
    assert split("\n\n".join(PARAS)) == PARAS


def test_one_paragraph_per_line() -> None:
    assert split("\n".join(PARAS)) == PARAS


def test_hard_wrapped_paragraphs_separated_by_blank_lines() -> None:
    text = "\n\n".join(textwrap.fill(p, 70) for p in PARAS)
    assert wrap_width(text) is not None
    assert split(text) == PARAS


def test_hard_wrapped_paragraphs_without_blank_lines() -> None:
    text = "\n".join(textwrap.fill(p, 64) for p in PARAS)
    assert split(text) == PARAS


def test_single_newline_text_is_not_mistaken_for_wrapped() -> None:
    assert wrap_width("\n".join(PARAS)) is None


def test_offsets_index_the_original_text_and_prepared_text_keeps_length() -> None:
    text = "  Title here\r\n\n" + textwrap.fill(PARAS[1], 60) + "\n"
    paragraphs = split_paragraphs(text)
    assert text[paragraphs[0].start : paragraphs[0].end] == "Title here"
    prepared = prepare_text(text)
    assert len(prepared) == len(text)
    body = paragraphs[1]
    assert "\n" not in prepared[body.start : body.end]


def test_headline_never_merges_with_first_paragraph(claims_of) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "\n".join(PARAS),
        "\n\n".join(PARAS),
        "\n".join(textwrap.fill(p, 64) for p in PARAS),
    ):
        claims = claims_of(text)
        assert claims[0].kind == "headline"
        assert claims[0].text == PARAS[0]
        assert claims[1].text.startswith("The government said")


def test_short_one_line_paragraphs_are_not_mistaken_for_wrapped_text() -> None:
    lines = [
        "Wildfire Forces Evacuations",
        "LOS ANGELES (AP) — A wildfire forced thousands to flee on Monday.",
        "The fire started near a highway, officials said.",
        "Winds pushed flames toward homes.",
        '"It was terrifying," said resident Ana Ruiz.',
        "Firefighters expect calmer winds on Tuesday.",
        "No injuries were reported.",
    ]
    assert split("\n".join(lines)) == lines
