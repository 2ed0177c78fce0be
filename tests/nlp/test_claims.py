"""Claims stage: claim boundaries, quotations as claims and split, captions, bylines."""

from __future__ import annotations

from conftest import Claim, ClaimsOf

# Several attributions in a sentence: one claim each; the writer's clause stands alone.


def test_two_attributions_in_one_sentence_give_two_claims(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "The mayor said the budget was balanced, while critics argued it relied on "
        "one-time revenue."
    )
    sourced = [c for c in claims if c.source is not None]
    assert [c.source.text for c in sourced if c.source] == ["The mayor", "critics"]
    assert [c.source_type for c in sourced] == ["unnamed_person", "unnamed_group"]


def test_two_attributions_joined_by_as(claim: Claim) -> None:
    text = (
        "Shelling hit the rail depot overnight, regional officials said on Friday, as the "
        "separatists claimed to have taken two villages."
    )
    c = claim(text, "taken two villages")
    assert c.source is not None and c.source.text == "the separatists"
    assert not c.anonymous_flag
    c = claim(text, "rail depot")
    assert c.source is not None and c.source.text == "regional officials"


def test_a_report_joined_by_and_leaves_the_first_clause_to_the_writer(claims_of: ClaimsOf) -> None:
    claims = claims_of("Bus fares rose by 4 percent and the drivers' union said it would strike.")
    first = next(c for c in claims if "Bus fares rose" in c.text)
    assert first.source_type == "unattributed" and "strike" not in first.text
    union = next(c for c in claims if "would strike" in c.text)
    assert union.source is not None and union.source.text == "the drivers' union"
    # Near misses: a shared subject, and content before the report, keep one claim.
    claims = claims_of("The ministry pointed to the delay and argued that the deal was sound.")
    assert len(claims) == 1 and claims[0].source_type == "named_organization"
    claims = claims_of(
        "The team adjusted for income, but the data cannot prove that diet caused it, the "
        "authors wrote."
    )
    assert len(claims) == 1 and claims[0].cue is not None


def test_a_semicolon_leaves_the_first_clause_to_the_writer(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Ferry strike: All crossings cancelled for a second day; union says talks will resume"
    )
    first = next(c for c in claims if "All crossings cancelled" in c.text)
    assert first.source_type == "unattributed" and "talks" not in first.text
    second = next(c for c in claims if "talks will resume" in c.text)
    assert second.source is not None and second.source.text == "union"
    # Near miss: a report before the semicolon owns what follows it.
    claims = claims_of("The union said talks had failed; strikes would follow.")
    assert len(claims) == 1 and claims[0].source is not None


# Quotations: a quote claim holds the quotation and its attribution frame, nothing of the
# writer's.


def test_multi_sentence_quote_is_one_claim_and_continuation_keeps_speaker(
    claims_of: ClaimsOf,
) -> None:
    claims = claims_of(
        "“Prices will rise. Nobody can stop that,” Finance Minister Anna Berg said.\n\n"
        "“We have to prepare households for a hard winter.”\n\n"
        "The central bank meets next week."
    )
    first = next(c for c in claims if "Prices will rise" in c.text)
    assert "Nobody can stop that" in first.text
    assert first.kind == "quote" and first.source_type == "named_person"
    cont = next(c for c in claims if "hard winter" in c.text)
    assert cont.source is None
    assert cont.resolved_to is not None and "Anna Berg" in cont.resolved_to.text
    assert cont.source_type == "named_person"
    last = next(c for c in claims if "central bank" in c.text)
    assert last.source_type == "unattributed"


def test_quotation_with_a_trailing_phrase_after_the_attribution(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Priya Nandakumar won the seat.\n\n"
        '"We did this door by door," Nandakumar told volunteers at a crowded community '
        'center on Elm Road, her voice breaking. "Now the work starts."\n\n'
        '"It was close. Too close," he said, to laughter.'
    )
    first = next(c for c in claims if "door by door" in c.text)
    assert first.kind == "quote" and first.source_type == "named_person"
    assert first.cue is not None and first.cue.text.startswith("told")
    follow = next(c for c in claims if "Now the work starts" in c.text)
    assert follow.source_type == "named_person"  # the next quotation continues her
    last = next(c for c in claims if "Too close" in c.text)
    assert last.kind == "quote" and last.cue is not None and last.cue.text == "said"


def test_a_trailing_clause_with_its_own_verb_is_the_writers(claims_of: ClaimsOf) -> None:
    # Near miss: after the attribution, a finite clause makes the sentence the writer's.
    claims = claims_of('"We will appeal," Ruiz said, and the hearing ended at noon.')
    assert not any(c.kind == "quote" for c in claims)


def test_writer_content_around_a_short_quote_is_kept_in_the_claim(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        'Judge Mara Ilic wrote in a ruling that the city had shown "no basis at all" for '
        "the fee.\n\n"
        '"We have never seen a flood like this," said Mayor Ted Quill, who ordered the '
        "evacuation on Saturday."
    )
    ruling = next(c for c in claims if "no basis at all" in c.text)
    assert ruling.kind == "statement" and "for the fee" in ruling.text
    # Near miss: a relative clause on the speaker leaves the quotation a claim of its own.
    flood = next(c for c in claims if "flood like this" in c.text)
    assert flood.kind == "quote"


# Quotations over 1,000 characters are split and keep their speaker.


def test_very_long_quote_is_split_and_keeps_its_speaker(claims_of: ClaimsOf) -> None:
    quote = " ".join(
        f"This is sentence {i} of a long quotation that goes on about the budget."
        for i in range(40)
    )
    claims = claims_of(f"The minister spoke.\n\n“{quote}” Finance Minister Anna Berg said.")
    quotes = [c for c in claims if c.kind == "quote"]
    assert len(quotes) >= 2
    assert all(c.end - c.start <= 1000 for c in quotes)
    assert all(c.source_type == "named_person" for c in quotes)
    assert not any("Anna Berg said" in c.text for c in claims)


# Captions (kind.caption).


def test_caption_and_plain_narration(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "A view shows the damaged bridge near the border.\n\n"
        "The bridge was built in 1962 and carried most of the region's freight."
    )
    assert claims[0].kind == "caption" and claims[0].source_type == "unattributed"
    assert claims[1].kind == "statement" and claims[1].source_type == "unattributed"


# Bylines name the writers: no claim.


def test_bylines_are_no_claims(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Port Strike Enters Second Week\n\n"
        "By Malik Osei and Jo Brandt, Labor Desk\n\n"
        "By Tuesday, more than 40 ships were waiting outside the harbor.\n\n"
        "Reporting by Malik Osei; Editing by Ann Fry"
    )
    texts = [c.text for c in claims]
    assert not any(t.startswith(("By Malik", "Reporting by")) for t in texts)
    # Near miss: a sentence that opens with "By" is the writer's statement.
    assert any(t.startswith("By Tuesday") for t in texts)
    assert claims[0].kind == "headline"
