"""Structure stage: paragraphs, sentence starts, sentence units and quotation marks."""

from __future__ import annotations

import textwrap

from conftest import ClaimsOf

from annotator.nlp.paragraphs import prepare_text, split_paragraphs, wrap_width
from annotator.nlp.pipeline import load_model

PARAS = [
    "Ministers Say Talks Will Resume Next Week",
    "The government said on Monday that talks with the unions would resume next week, "
    "after a month-long pause that left several rail lines idle and commuters frustrated.",
    "“We are ready to listen,” the transport minister told reporters in the capital, adding "
    "that no proposal had been ruled out and that a deal before the summer was still possible.",
    "Union leaders said they had not yet received an invitation to the talks.",
]


def split(text: str) -> list[str]:
    return [text[p.start : p.end].replace("\n", " ") for p in split_paragraphs(text)]


# Paragraphs: blank lines, one paragraph per line, hard-wrapped lines (paragraphs.py).


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


def test_offsets_index_the_original_text_and_prepared_text_keeps_length() -> None:
    text = "  Title here\r\n\n" + textwrap.fill(PARAS[1], 60) + "\n"
    paragraphs = split_paragraphs(text)
    assert text[paragraphs[0].start : paragraphs[0].end] == "Title here"
    prepared = prepare_text(text)
    assert len(prepared) == len(text)
    body = paragraphs[1]
    assert "\n" not in prepared[body.start : body.end]


# A sentence starts at every paragraph start: a headline, an opening quotation mark.


def test_headline_never_merges_with_first_paragraph(claims_of: ClaimsOf) -> None:
    for text in (
        "\n".join(PARAS),
        "\n\n".join(PARAS),
        "\n".join(textwrap.fill(p, 64) for p in PARAS),
    ):
        claims = claims_of(text)
        assert claims[0].kind == "headline"
        assert claims[0].text == PARAS[0]
        assert claims[1].text.startswith("The government said")


def test_a_title_case_first_line_is_a_headline_even_with_a_final_period(
    claims_of: ClaimsOf,
) -> None:
    body = "\n\nThe council met on Monday to discuss the budget."
    claims = claims_of("Council Approves Budget After Long Debate." + body)
    assert claims[0].kind == "headline"
    # Near miss: a sentence capitalises its first word and its names, not every word.
    claims = claims_of("The Council approved the budget after a long debate." + body)
    assert claims[0].kind == "statement"


def test_opening_quote_of_a_paragraph_is_not_a_sentence_of_its_own() -> None:
    nlp = load_model()
    nlp.add_pipe("paragraph_boundaries", before="parser")
    doc = nlp('Vote Count Ends\n\n"The count is final," the clerk said.')
    starts = [t.text for t in doc if t.is_sent_start]
    assert '"' in starts and "The" not in starts


# Sentence units: rejoined after a dateline or an abbreviated title; a unit of punctuation only is
# no claim.


def test_dateline_is_not_a_sentence_of_its_own(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "HOUSTON (Reuters) - Exxon expects output to fall this year, an Exxon spokeswoman, "
        "Sally Aldous, said on Tuesday."
    )
    assert len(claims) == 1
    assert claims[0].source_type == "named_person"


def test_abbreviated_title_does_not_end_the_sentence(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "The bridge was closed after 6 a.m., a fire department spokesman, Lt. Marco "
        "Reyes, said.\n\nCrews worked through the night, the spokesman said."
    )
    first = next(c for c in claims if "bridge was closed" in c.text)
    assert first.source_type == "named_person"
    assert first.source is not None and "Lt. Marco Reyes" in first.source.text
    assert not any(c.text.startswith("Marco") for c in claims)
    second = next(c for c in claims if "Crews worked" in c.text)
    assert second.source_type == "named_person"
    assert second.resolved_to is not None and "Marco Reyes" in second.resolved_to.text


def test_closing_straight_quote_after_the_period_is_no_claim(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        'The auditor said the agency had "failed to track far simpler grants."\n\n'
        "***\n\n"
        'The agency said it "would review the findings," and declined further comment.'
    )
    assert all(any(ch.isalnum() for ch in c.text) for c in claims)
    first = next(c for c in claims if "simpler grants" in c.text)
    assert first.text.endswith('grants."')
    assert len(claims) == 2


# Quotations: British single quotation marks, not apostrophes or elisions.


def test_british_single_quotes_are_quotations() -> None:
    from annotator.nlp.stages.structure import _single_quotes

    def quotes(text: str) -> list[str]:
        return [text[a:b] for a, b in _single_quotes(text, 0, len(text))]

    assert quotes("He told the inquiry: 'We didn't know. Nobody did.'") == [
        "'We didn't know. Nobody did.'"
    ]
    assert quotes("Rents to fall 'by autumn', says housing minister") == ["'by autumn'"]
    assert quotes("'It's Kent's problem now,' said one driver.") == ["'It's Kent's problem now,'"]
    assert quotes("She called the plan 'reckless' and the tenants' fears real.") == ["'reckless'"]
    # Near misses: apostrophes, elisions and plural possessives are not quotation marks.
    assert quotes("The farmers' union, formed in the '90s, doesn't agree with Devon's view.") == []


def test_quotation_marks_typed_as_two_characters_are_quotations(claims_of: ClaimsOf) -> None:
    # Newswire and treebank text write ''…'' and ``…'': the model sees one mark each.
    text = (
        "Talks Resume\n\n''We should build bridges, not walls,'' the spokesman, Anna Berg, "
        "told the radio station. ''It was a clear message.''"
    )
    assert len(prepare_text(text)) == len(text)
    quotes = [c for c in claims_of(text) if c.kind == "quote"]
    assert [c.text for c in quotes] == [
        "We should build bridges, not walls",
        "It was a clear message.",
    ]
    assert quotes[0].source is not None and quotes[0].source.text == "the spokesman, Anna Berg"
    assert quotes[1].source_type == "named_person"  # the next quotation continues her words


def test_a_quotation_mark_typed_the_wrong_way_round_opens_or_closes_by_position(
    claims_of: ClaimsOf,
) -> None:
    # '”Fear. …”': without the turn, the marks pair up across the wrong words and every
    # later quotation in the paragraph is read inside out.
    text = (
        "Readers Respond\n\n"
        "\u201dThe buses never come. We wait an hour every morning.\u201d \u2014 Lena Ortiz"
    )
    quote = claims_of(text)[1]
    assert quote.kind == "quote"
    assert quote.text == "The buses never come. We wait an hour every morning."
    assert quote.source is not None and quote.source.text == "Lena Ortiz"
    # And an opening mark typed where a closing one belongs closes the quotation.
    text = "Readers Respond\n\n\u201cWill the buses ever come?\u201c he asked. \u201cNo.\u201d"
    quote = claims_of(text)[1]
    assert quote.text == "Will the buses ever come?"
    assert quote.source is not None and quote.source.text == "he"
    # Near miss: a closing mark after a word still closes.
    text = "Readers Respond\n\nShe called it \u201cslow\u201d and left."
    assert all(c.kind != "quote" for c in claims_of(text))


def test_no_break_and_other_unicode_spaces_parse_as_spaces(claims_of: ClaimsOf) -> None:
    # Web pages put no-break spaces after commas and inside names; the tokenizer would
    # make each a token of its own, and the parse around it falls apart.
    text = "Talks Resume\n\nThe ferry, Hanne Voss said,\u00a0has been late\u2009all\u202fweek."
    assert len(prepare_text(text)) == len(text)
    claim = claims_of(text)[1]
    assert claim.source is not None and claim.source.text == "Hanne Voss"
    assert claim.cue is not None and claim.cue.text == "said"
    assert claim.text == text[text.index("The ferry") :]  # the article's own characters
