"""Behaviour of the source_attribution component on varied news sentences (real model)."""

from __future__ import annotations

import pytest


def test_reporting_verb_with_named_person_after_content(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim(
        "Output will fall this year, Foreign Minister Maria Lopez said on Wednesday.",
        "Output will fall",
    )
    assert c.source_type == "named_person"
    assert c.source is not None and c.source.text == "Foreign Minister Maria Lopez"
    assert c.cue is not None and c.cue.text == "said"
    assert not c.anonymous_flag
    assert any(e.rule == "cue.verb" for e in c.evidence)


def test_unnamed_official_is_anonymous(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim("An official said the plan was under review.", "the plan was under review")
    assert c.source_type == "anonymous"
    assert c.anonymous_flag
    assert c.anonymity_reason_given is False


def test_spokeswoman_with_apposed_name_is_a_named_person(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim(
        "Exxon expects output to fall, an Exxon spokeswoman, Sally Aldous, said on Tuesday.",
        "output to fall",
    )
    assert c.source_type == "named_person"
    assert not c.anonymous_flag
    assert c.source is not None and "Sally Aldous" in c.source.text


def test_apposition_names_the_bills_author(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim(
        "The bill's author, Sen. Jane Roe, said the measure would protect consumers.",
        "protect consumers",
    )
    assert c.source_type == "named_person"
    assert any(e.rule == "source.apposition" for e in c.evidence)


def test_unnamed_spokesperson_speaks_for_the_organisation(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim("A Pentagon spokesman said the review was complete.", "review was complete")
    assert c.source_type == "named_organization"
    assert not c.anonymous_flag


def test_police_officer_is_unnamed_not_anonymous(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim("A police officer said three people were injured.", "three people")
    assert c.source_type == "unnamed_person"
    assert not c.anonymous_flag


def test_witnesses_are_an_unnamed_group(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim("Witnesses said the blast shattered windows.", "blast")
    assert c.source_type == "unnamed_group"


def test_people_familiar_with_the_talks_are_anonymous_with_reason(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim(
        "Two people familiar with the talks said a deal could come next week, speaking on "
        "condition of anonymity because the talks are private.",
        "a deal could come",
    )
    assert c.source_type == "anonymous"
    assert c.anonymous_flag
    assert c.anonymity_reason_given is True
    assert any(e.rule == "anon.familiar_with" for e in c.evidence)


def test_capital_as_speaker_is_an_organisation(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim("Moscow says the sanctions are illegal.", "sanctions")
    assert c.source_type == "named_organization"
    assert any(e.rule == "type.capital" for e in c.evidence)


def test_according_to_a_report_is_a_document(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim("According to a report by the energy agency, demand will peak by 2030.", "demand")
    assert c.source_type == "document"
    assert c.cue is not None and c.cue.text == "According to"


def test_relayed_through_an_outlet(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim(
        "According to two unnamed officials cited by Reuters, the deal collapsed.", "collapsed"
    )
    assert c.source_type == "anonymous"
    assert c.relayed_by is not None and c.relayed_by.text == "Reuters"


def test_two_attributions_in_one_sentence_give_two_claims(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "The mayor said the budget was balanced, while critics argued it relied on "
        "one-time revenue."
    )
    sourced = [c for c in claims if c.source is not None]
    assert [c.source.text for c in sourced if c.source] == ["The mayor", "critics"]
    assert [c.source_type for c in sourced] == ["unnamed_person", "unnamed_group"]


def test_writer_sentence_with_embedded_says_stays_unattributed(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim(
        "Tensions are running high over the decision to buy the missiles, which Washington "
        "says are not compatible with its systems.",
        "Tensions are running high",
    )
    assert c.source_type == "unattributed"


def test_nested_attribution_keeps_the_outermost_source(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim(
        "The union said the company plans to close two plants, a claim the company denied.",
        "close two plants",
    )
    assert c.source is not None and c.source.text == "The union"


def test_pronoun_resolves_to_previous_source(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "A senior European diplomat said the talks had stalled.\n\n"
        "“We will not sign this,” he said."
    )
    quote = next(c for c in claims if c.kind == "quote")
    assert quote.source is not None and quote.source.text == "he"
    assert quote.resolved_to is not None and quote.resolved_to.text == "A senior European diplomat"
    assert quote.source_type == "anonymous" and quote.anonymous_flag
    assert any(e.rule == "resolve.pronoun" for e in quote.evidence)


def test_multi_sentence_quote_is_one_claim_and_continuation_keeps_speaker(claims_of) -> None:  # type: ignore[no-untyped-def]
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


def test_surname_tagged_as_org_is_still_a_person(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "Foreign Minister Mevlut Cavusoglu said on Wednesday that talks would continue.\n\n"
        "“There is nothing certain yet,” Cavusoglu said."
    )
    quote = next(c for c in claims if c.kind == "quote")
    assert quote.source_type == "named_person"


def test_anonymity_in_a_later_sentence_flags_the_earlier_claim(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "A veteran oil analyst said the cuts would not last. Prices will fall again by "
        "spring, the analyst said on condition of anonymity."
    )
    first = next(c for c in claims if "cuts would not last" in c.text)
    assert first.anonymous_flag
    assert any(e.rule == "anon.propagated" for e in first.evidence)


def test_shared_subject_across_coordinated_verbs(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim(
        "Turkey has pointed to Greece's missiles and argued that a double standard exists.",
        "double standard",
    )
    assert c.source is not None and c.source.text == "Turkey"
    assert any(e.rule == "source.shared_subject" for e in c.evidence)


def test_caption_and_plain_narration(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "A view shows the damaged bridge near the border.\n\n"
        "The bridge was built in 1962 and carried most of the region's freight."
    )
    assert claims[0].kind == "caption" and claims[0].source_type == "unattributed"
    assert claims[1].kind == "statement" and claims[1].source_type == "unattributed"


def test_hoped_is_not_a_reporting_cue(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim(
        "The United States had hoped that Ankara would agree not to go ahead with the deal.",
        "had hoped",
    )
    assert c.source_type == "unattributed"


@pytest.mark.parametrize(
    "text",
    [
        "He added 500 jobs to the payroll last year.",
        "The storm claimed 12 lives on Sunday.",
    ],
)
def test_non_reporting_uses_of_cue_verbs(claims_of, text: str) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(text)
    assert all(c.source_type == "unattributed" for c in claims)


def test_confidence_is_lower_for_unresolved_pronouns(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("“It is over,” she said.\n\nA police spokesman said the road was closed.")
    pronoun = next(c for c in claims if c.source and c.source.text == "she")
    named = next(c for c in claims if "road was closed" in c.text)
    assert pronoun.confidence < named.confidence
    assert 0.0 <= pronoun.confidence <= 1.0


def test_parenthetical_attribution(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim("The move, analysts say, could push prices higher.", "push prices")
    assert c.source is not None and c.source.text == "analysts"
    assert c.source_type == "unnamed_group"


def test_citing_makes_the_cited_people_the_source(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim(
        "The Wall Street Journal reported, citing people familiar with the matter, that the "
        "deal was off.",
        "deal was off",
    )
    assert c.source is not None and c.source.text == "people familiar with the matter"
    assert c.relayed_by is not None and c.relayed_by.text == "The Wall Street Journal"
    assert c.anonymous_flag and c.anonymity_reason_given is False


def test_in_a_statement_attributes_the_clause(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim("In a statement, the mayor's office urged people to avoid travel.", "avoid travel")
    assert c.source is not None and c.source.text == "the mayor's office"
    assert c.source_type == "named_organization"


def test_quote_only_verbs_need_a_quotation(claims_of) -> None:  # type: ignore[no-untyped-def]
    asked = claims_of("“Why now?” the judge asked.")
    assert asked[0].kind == "quote" and asked[0].cue is not None
    request = claims_of("The union asks the city to delay the vote.")
    assert request[0].source_type == "unattributed"


def test_open_quoted_paragraph_takes_the_next_paragraphs_speaker(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "Power is out for 40,000 homes, the utility said.\n\n"
        '"We have crews working around the clock. It may take until Wednesday.\n\n'
        '"Stay away from downed lines," said utility spokeswoman Karen Holt.'
    )
    first = next(c for c in claims if "crews working" in c.text)
    assert first.kind == "quote"
    assert first.resolved_to is not None and "Karen Holt" in first.resolved_to.text
    assert first.source_type == "named_person"


def test_negated_reporting_verb_attributes_nothing(claim) -> None:  # type: ignore[no-untyped-def]
    c = claim("Officials did not say how much the damage would cost.", "damage")
    assert c.source_type == "unattributed"


def test_dateline_is_not_a_sentence_of_its_own(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "HOUSTON (Reuters) - Exxon expects output to fall this year, an Exxon spokeswoman, "
        "Sally Aldous, said on Tuesday."
    )
    assert len(claims) == 1
    assert claims[0].source_type == "named_person"


def test_very_long_quote_is_split_and_keeps_its_speaker(claims_of) -> None:  # type: ignore[no-untyped-def]
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


def test_pronouns_respect_gender_from_titles(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "Ms Anna Berg, the finance minister, said the budget was balanced. Mr John Smith, "
        "the opposition leader, said it was not.\n\n"
        "“It is a fair budget,” she said."
    )
    quote = next(c for c in claims if c.kind == "quote")
    assert quote.resolved_to is not None and "Anna Berg" in quote.resolved_to.text


def test_anonymity_sentence_about_both_earlier_sources(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "A senior economist said growth would slow. A second economist said a recession was "
        "possible. Both spoke on condition of anonymity because the forecasts are confidential."
    )
    for words in ("growth would slow", "recession was possible"):
        c = next(c for c in claims if words in c.text)
        assert c.anonymous_flag and c.anonymity_reason_given is True
        assert c.source_type == "anonymous"
