"""Resolution stage: pronouns, offices, surnames, partitives and continued speakers."""

from __future__ import annotations

import pytest
from conftest import Claim, ClaimsOf

# Pronouns: the nearest earlier person, a narrated name, gender (resolve.pronoun).


def test_pronoun_resolves_to_previous_source(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "A senior European diplomat said the talks had stalled.\n\n"
        "“We will not sign this,” he said."
    )
    quote = next(c for c in claims if c.kind == "quote")
    assert quote.source is not None and quote.source.text == "he"
    assert quote.resolved_to is not None and quote.resolved_to.text == "A senior European diplomat"
    assert quote.source_type == "anonymous" and quote.anonymous_flag
    assert any(e.rule == "resolve.pronoun" for e in quote.evidence)


def test_pronouns_respect_gender_from_titles(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Ms Anna Berg, the finance minister, said the budget was balanced. Mr John Smith, "
        "the opposition leader, said it was not.\n\n"
        "“It is a fair budget,” she said."
    )
    quote = next(c for c in claims if c.kind == "quote")
    assert quote.resolved_to is not None and "Anna Berg" in quote.resolved_to.text


def test_pronoun_refers_to_a_person_introduced_in_narration(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Lucia Brennan was 24 when she opened her first bakery on Dock Street.\n\n"
        '"I had no idea what I was doing," she says, dusting flour off her apron.\n\n'
        "Officers arrested Paul Keane on Friday. The official said the inquiry would go on."
    )
    c = next(c for c in claims if "no idea" in c.text)
    assert c.source_type == "named_person"
    assert c.resolved_to is not None and c.resolved_to.text == "Lucia Brennan"
    # Near miss: a definite description never resolves to a narrated person.
    d = next(c for c in claims if "inquiry would go on" in c.text)
    assert d.resolved_to is None or "Brennan" not in d.resolved_to.text


def test_pronoun_genders_and_narrated_surnames(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Rosa Delgado ran the diner on Route 9 for thirty years.\n\n"
        "Andrew Pike, her nephew, cooked at the diner for a decade.\n\n"
        '"She never missed a day," he says.\n\n'
        "Delgado sold the diner in May.\n\n"
        '"I miss the regulars," she admits.'
    )
    he = next(c for c in claims if "never missed" in c.text)
    assert he.resolved_to is not None and he.resolved_to.text == "Andrew Pike"
    she = next(c for c in claims if "miss the regulars" in c.text)
    assert she.source_type == "named_person"
    assert she.resolved_to is not None and "Delgado" in she.resolved_to.text


def test_she_prefers_a_narrated_person_known_to_be_female(claims_of: ClaimsOf) -> None:
    text = (
        "Helen Marsh was 30 when she took over the shop. "
        "Tom Reyes, who had run it for years, retired in May.\n\n"
        "\u201cNobody wanted the job,\u201d {p} says.\n\n"
        "\u201cI never looked back,\u201d {p} adds."
    )
    for pronoun, name in (("she", "Helen Marsh"), ("he", "Tom Reyes")):
        claims = claims_of(text.format(p=pronoun))
        for words in ("Nobody wanted", "never looked back"):
            c = next(c for c in claims if words in c.text)
            assert c.resolved_to is not None and c.resolved_to.text == name, (pronoun, words)
    # A pronoun with the name known by "his": "she" skips him.
    claims = claims_of(
        "Helen Marsh opened the shop in 1990. Tom Reyes joined his aunt there in 2001.\n\n"
        "\u201cWe never closed a day,\u201d she says."
    )
    c = next(c for c in claims if "never closed" in c.text)
    assert c.resolved_to is not None and c.resolved_to.text == "Helen Marsh"


# Offices: 'the Transport Minister' is its named holder (resolve.definite).


def test_office_title_refers_to_its_named_holder(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Transport Minister Olu Barrett said fares would be frozen.\n\n"
        'Later the Transport Minister told reporters: "Nobody will pay more next year."'
    )
    c = next(c for c in claims if "Nobody will pay" in c.text)
    assert c.source_type == "named_person"
    assert c.resolved_to is not None and "Olu Barrett" in c.resolved_to.text
    # Untitled name just before: the office is the writer's variation for that person.
    claims = claims_of(
        "Olu Barrett has promised to freeze fares.\n\n"
        'Speaking on Monday, the Transport Minister told reporters: "Nobody will pay more."'
    )
    c = next(c for c in claims if "Nobody will pay" in c.text)
    assert c.resolved_to is not None and c.resolved_to.text == "Olu Barrett"


def test_office_title_does_not_take_another_office(claims_of: ClaimsOf) -> None:
    # Near misses: a different office, and a shadow minister of the same title.
    for first in (
        "Health Minister Olu Barrett said fares would be frozen.",
        "Shadow transport minister Olu Barrett said fares would be frozen.",
    ):
        claims = claims_of(first + "\n\nThe Transport Minister said fares would rise.")
        c = next(c for c in claims if "would rise" in c.text)
        assert c.resolved_to is None, first


# Surnames: a bare surname is the person named earlier (resolve.surname, type.known_person).


def test_surname_tagged_as_org_is_still_a_person(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Foreign Minister Mevlut Cavusoglu said on Wednesday that talks would continue.\n\n"
        "“There is nothing certain yet,” Cavusoglu said."
    )
    quote = next(c for c in claims if c.kind == "quote")
    assert quote.source_type == "named_person"


def test_bare_surname_named_earlier_is_a_person_whatever_its_tag(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Chief Financial Officer Teresa Banks told investors that sales had stalled.\n\n"
        "Banks said the company plans to cut prices in March.\n\n"
        "Regional banks said the rate cut came too late."
    )
    c = next(c for c in claims if "cut prices" in c.text)
    assert c.source_type == "named_person"
    assert any(e.rule == "type.known_person" for e in c.evidence)
    # Near miss: the same word in lower case is the common noun.
    other = next(c for c in claims if "came too late" in c.text)
    assert other.source_type != "named_person"


def test_a_surname_after_a_titled_name_is_that_person(claim: Claim) -> None:
    text = (
        '"The wind turned at noon," said Division Chief Odalys Brennecke, a county fire '
        "spokeswoman.\n\nBrennecke said 12 homes had burned."
    )
    c = claim(text, "12 homes")
    assert c.source_type == "named_person"


def test_names_known_from_given_names_and_ages(claim: Claim) -> None:
    text = (
        "Caleb Ferreira-Lund, 34, took over the farm in 2019.\n\n"
        '"It is a gamble every year," Ferreira-Lund says.'
    )
    c = claim(text, "gamble every year")
    assert c.source_type == "named_person"


def test_a_surname_is_not_taken_from_an_organisation_in_apposition(claim: Claim) -> None:
    text = (
        "Lydia Farrow, chief executive of Brannock Cold Storage, said the plant was full.\n\n"
        "Brannock said the new site would open in May."
    )
    c = claim(text, "new site would open")
    assert c.source_type == "named_organization"


# Partitives: 'one of the lawyers' is the group named earlier (resolve.partitive).


def test_partitive_resolves_to_an_anonymous_group(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Four lawyers involved in the case, speaking on condition of anonymity, said the "
        "settlement talks had stalled.\n\n"
        "The judge is expected to rule next month, one of the lawyers said.\n\n"
        '"Nobody wants a trial," one of them said.'
    )
    later = [c for c in claims if "rule next month" in c.text or "wants a trial" in c.text]
    assert len(later) == 2
    for c in later:
        assert c.source_type == "anonymous" and c.anonymous_flag
        assert c.resolved_to is not None and c.resolved_to.text.startswith("Four lawyers")
        assert any(e.rule == "resolve.partitive" for e in c.evidence)


def test_partitive_without_a_matching_group_stays_unresolved(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Two senior officials said the border would reopen on Friday.\n\n"
        "The market will reopen too, one of the vendors said."
    )
    c = next(c for c in claims if "market will reopen" in c.text)
    assert c.resolved_to is None
    assert not c.anonymous_flag


# Continuation: quotations and bullets with no attribution continue a speaker
# (resolve.continuation).


def test_open_quoted_paragraph_takes_the_next_paragraphs_speaker(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Power is out for 40,000 homes, the utility said.\n\n"
        '"We have crews working around the clock. It may take until Wednesday.\n\n'
        '"Stay away from downed lines," said utility spokeswoman Karen Holt.'
    )
    first = next(c for c in claims if "crews working" in c.text)
    assert first.kind == "quote"
    assert first.resolved_to is not None and "Karen Holt" in first.resolved_to.text
    assert first.source_type == "named_person"


def test_open_quote_paragraphs_take_the_attribution_found_later(claims_of: ClaimsOf) -> None:
    text = (
        "The market opened late on Saturday.\n\n"
        "\u201cThe first frost took the lettuces. Then the rain took the rest.\n\n"
        "\u201cWe sold half of what we grew last year.\n\n"
        "\u201cBut we will plant again,\u201d said grower Tomasz Wren. \u201cWe always do.\u201d"
    )
    claims = claims_of(text)
    for words in ("first frost", "sold half"):
        c = next(c for c in claims if words in c.text)
        assert c.source_type == "named_person", words
        assert c.resolved_to is not None and "Tomasz Wren" in c.resolved_to.text, words
    # Near miss: a narration paragraph in between ends the run of open paragraphs.
    claims = claims_of(text.replace("\n\n\u201cWe sold", "\n\nPrices rose.\n\n\u201cWe sold", 1))
    c = next(c for c in claims if "first frost" in c.text)
    assert c.resolved_to is None


def test_sentence_inside_a_quote_opened_by_an_attributed_sentence(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Opening the depot on Friday, the transport chief told staff: "
        '"We waited ten years for this. Nobody will wait that long again."\n\n'
        "Nobody expected the depot to open this year."
    )
    c = next(c for c in claims if c.text.startswith("Nobody will wait"))
    assert c.source_type != "unattributed"
    assert c.resolved_to is not None and "transport chief" in c.resolved_to.text
    # Near miss: the next paragraph's writer sentence stays the writer's.
    c = next(c for c in claims if "Nobody expected" in c.text)
    assert c.source_type == "unattributed"


@pytest.mark.parametrize(
    "after",
    [
        "We will not close a single school this year.",
        "\u201cWe will not close a single school this year.\u201d",
    ],
)
def test_the_paragraph_after_a_lead_in_ending_in_a_colon_is_the_speakers(
    claims_of: ClaimsOf, after: str
) -> None:
    claims = claims_of(
        "School Budget Vote\n\nThe council met in the capital on Monday to debate the plan.\n\n"
        f"Governor Ana Lima added:\n\n{after}\n\nThe vote is due in May."
    )
    lead_in = next(c for c in claims if c.text.startswith("Governor"))
    assert lead_in.cue is not None and lead_in.cue.text == "added"
    c = next(c for c in claims if "single school" in c.text)
    assert c.source_type == "named_person"
    assert c.resolved_to is not None and c.resolved_to.text == "Governor Ana Lima"
    # Only what the colon introduces: the next paragraph is the writer's again.
    assert claims[-1].source_type == "unattributed"


def test_bullets_after_a_sourced_lead_in_continue_its_source(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Zoning Vote\n\nCouncil member Tomas Reyes, who opposed the plan, listed his concerns:\n\n"
        "\u2022 Traffic on Elm Road would double.\n"
        "\u2022 The school has no room for new pupils.\n\n"
        "The council meets again in May."
    )
    for words in ("Traffic on Elm Road", "no room for new pupils"):
        c = next(c for c in claims if words in c.text)
        assert c.source_type == "named_person", words
        assert c.resolved_to is not None and "Tomas Reyes" in c.resolved_to.text
    # Near miss: bullets under a heading of the writer's stay the writer's.
    claims = claims_of("Zoning Vote\n\nWhat changes:\n\n\u2022 Lots may be split.\n")
    assert next(c for c in claims if "Lots may" in c.text).source_type == "unattributed"
