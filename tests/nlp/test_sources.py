"""Sources stage: the type of each source mention, by the typing rules in their order."""

from __future__ import annotations

import pytest
from conftest import Claim, ClaimsOf

# An unresolved pronoun is a low-confidence guess (type.pronoun).


def test_confidence_is_lower_for_unresolved_pronouns(claims_of: ClaimsOf) -> None:
    claims = claims_of("“It is over,” she said.\n\nA police spokesman said the road was closed.")
    pronoun = next(c for c in claims if c.source and c.source.text == "she")
    named = next(c for c in claims if "road was closed" in c.text)
    assert pronoun.confidence < named.confidence
    assert 0.0 <= pronoun.confidence <= 1.0


# Named persons: a role, an age or an occupation in apposition, a given name (source.apposition,
# type.given_name).


def test_spokeswoman_with_apposed_name_is_a_named_person(claim: Claim) -> None:
    c = claim(
        "Exxon expects output to fall, an Exxon spokeswoman, Sally Aldous, said on Tuesday.",
        "output to fall",
    )
    assert c.source_type == "named_person"
    assert not c.anonymous_flag
    assert c.source is not None and "Sally Aldous" in c.source.text


def test_a_name_the_parse_hung_on_the_spokespersons_body_names_the_spokesperson(
    claim: Claim,
) -> None:
    # The model makes "Tom Reyes" an apposition of "squad", not of "spokesman".
    c = claim(
        '"We think several people are hurt," said a spokesman for the Harbour Fire and '
        "Rescue squad, Tom Reyes.",
        "several people are hurt",
    )
    assert c.source_type == "named_person"
    assert c.source is not None and c.source.text.endswith("Tom Reyes")
    # Near miss: with no name at the end, the spokesman speaks for the named body.
    c = claim(
        '"We think several people are hurt," said a spokesman for the Harbour Fire and '
        "Rescue squad.",
        "several people are hurt",
    )
    assert c.source_type == "named_organization"


def test_a_name_that_qualifies_a_document_does_not_make_it_a_person(claim: Claim) -> None:
    # The model tags "Harbour Gazette" PERSON; the poll is still a document.
    c = claim("A new Harbour Gazette poll found that 61 percent backed the plan.", "61")
    assert c.source_type == "document"


def test_one_of_a_kind_of_people_is_no_named_organisation(claim: Claim) -> None:
    # The model tags "Democrat" a group (NORP); with "a" or "another" it is one person.
    c = claim('"The gap is large," added a New Hampshire Democrat.', "gap")
    assert c.source_type == "unnamed_person"
    c = claim("Another Republican said the plan would fail.", "plan")
    assert c.source_type == "unnamed_person"
    # Near miss: the party itself.
    assert claim("The Democrats said the plan would fail.", "plan").source_type == (
        "named_organization"
    )


def test_apposition_names_the_bills_author(claim: Claim) -> None:
    c = claim(
        "The bill's author, Sen. Jane Roe, said the measure would protect consumers.",
        "protect consumers",
    )
    assert c.source_type == "named_person"
    assert any(e.rule == "source.apposition" for e in c.evidence)


def test_untagged_name_with_a_role_apposition_is_a_person(claim: Claim) -> None:
    c = claim(
        "Ines Moravec, director of the nonprofit Clean Rivers Trust, said the spill was avoidable.",
        "spill was avoidable",
    )
    assert c.source_type == "named_person"


def test_role_noun_with_an_untagged_name_in_apposition_is_a_person(claim: Claim) -> None:
    c = claim(
        "The charity's new director, Ana Soto, said in a statement that donors would be told.",
        "donors would be told",
    )
    # (When the model tags the name ORG, as it does for "The shelter's new director, Ana
    # Soto", the rule stays out: "its largest shareholder, Halcyon Capital" looks the same.)
    assert c.source_type == "named_person"
    # Near miss: an organisation in apposition does not make a person.
    d = claim(
        "Its largest shareholder, Halcyon Capital, said the board should resign.",
        "board should resign",
    )
    assert d.source_type != "named_person"


def test_name_with_a_person_apposition_is_the_person(claim: Claim) -> None:
    c = claim("Ana Ruiz, a nurse at the clinic, said the ward was understaffed.", "ward")
    assert c.source_type == "named_person"
    assert c.source is not None and c.source.text.startswith("Ana Ruiz")


def test_role_then_name_stays_named_person(claim: Claim) -> None:
    # Near miss: the apposition is the name, the head a role noun.
    c = claim("A spokeswoman, Maria Chen, said the company would appeal.", "appeal")
    assert c.source_type == "named_person"
    assert c.source is not None and "Maria Chen" in c.source.text
    c = claim("Jane Ortiz, the company's former finance chief, said the books were wrong.", "books")
    assert c.source_type == "named_person"


def test_a_name_given_an_age_is_a_person(claim: Claim) -> None:
    c = claim('"We heat one room now," said Pruitt, 71, a retired bus driver.', "one room")
    assert c.source_type == "named_person"
    # Near miss: a company named with a role, no age, stays an organisation.
    c = claim('"Orders doubled," said Kestrel Logistics Inc., the buyer.', "Orders doubled")
    assert c.source_type == "named_organization"


def test_occupations_in_apposition_make_a_person(claim: Claim) -> None:
    # The model tags this name ORG; an occupation only people have wins.
    c = claim(
        "Rufus Okonkwo-Vale, a retired plumber in Fresno, California, who had about $12,000 "
        "on the platform, said he learned of the suit online.",
        "learned of the suit",
    )
    assert c.source_type == "named_person"
    c = claim("Tobias Wrenfield, a retired welder in Gary, said the plant was unsafe.", "unsafe")
    assert c.source_type == "named_person"
    # An ally, an aide, an official: roles that make an unnamed source anonymous.
    c = claim("Ruiz, a close ally of the governor, called the standards \u201cstrong.\u201d", "")
    assert c.source_type == "named_person" and not c.anonymous_flag
    c = claim(
        "The turnout was 41 percent, according to the county clerk, Marisol Vance.", "turnout"
    )
    assert c.source_type == "named_person"
    c = claim("In a statement, the historical society said the fair would go on.", "fair")
    assert c.source_type == "named_organization"
    c = claim("The mayor won 53 percent, according to unofficial results.", "53 percent")
    assert c.source_type == "document"


def test_a_given_name_makes_a_person_whatever_the_entity_tag(claim: Claim) -> None:
    c = claim(
        "Marcus Bell, a forklift operator who has worked at the depot for 11 years, said the "
        "shifts had grown longer.",
        "shifts",
    )
    assert c.source_type == "named_person"
    # Near miss: a given name before a word for a body is an organisation's name.
    c = claim("Marcus Bell Holdings said the shifts had grown longer.", "shifts")
    assert c.source_type == "named_organization"


# Organisations by their apposition or head noun (source.apposition, organisation).


def test_name_with_an_organisation_apposition_is_the_organisation(claim: Claim) -> None:
    text = (
        "Northwind, the Denver logistics firm valued at $2 billion last year, said on Monday "
        "that it would cut 200 jobs.\n\n"
        "Vantor, a company founded by a former nurse, said it would hire staff.\n\n"
        "Kestrel Labs, the lab whose researchers first described the virus, said the "
        "results were wrong."
    )
    for words, name in (
        ("200 jobs", "Northwind"),
        ("hire staff", "Vantor"),
        ("results were wrong", "Kestrel Labs"),
    ):
        c = claim(text, words)
        assert c.source_type == "named_organization", words
        assert c.source is not None and c.source.text.startswith(name), words
        assert c.cue is not None and c.cue.text.startswith("said"), words


def test_an_organisation_head_keeps_its_named_apposition(claim: Claim) -> None:
    text = "A tenants' group, Fair Rent Harlow, said it would sue the landlord."
    c = claim(text, "sue the landlord")
    assert c.source_type == "named_organization"
    c = claim("The Dade County Sheriff's Office said two deputies were injured.", "two deputies")
    assert c.source_type == "named_organization"


def test_a_role_filled_by_an_organisation_is_the_organisation(claim: Claim) -> None:
    c = claim("The bank's biggest shareholder, Goldman Sachs, said it backed the merger.", "backed")
    assert c.source_type == "named_organization"
    # Near miss: a role filled by a person stays a person.
    c = claim("Maria Lopez, the city's planner, said the design was sound.", "design")
    assert c.source_type == "named_person"


def test_organisation_noun_before_a_name_makes_it_an_organisation(claim: Claim) -> None:
    c = claim(
        "The company Zipline, which flies drones in 40 towns, said it would resume service.",
        "resume service",
    )
    assert c.source_type == "named_organization"


# Documents (type.document_noun).


def test_according_to_a_report_is_a_document(claim: Claim) -> None:
    c = claim("According to a report by the energy agency, demand will peak by 2030.", "demand")
    assert c.source_type == "document"
    assert c.cue is not None and c.cue.text == "According to"


def test_legal_and_policy_texts_are_documents(claim: Claim) -> None:
    c = claim(
        "A lawsuit filed in state court on Monday alleges that the landlord ignored mold.",
        "ignored mold",
    )
    assert c.source_type == "document"
    c = claim("The company's refund policy says returns are free for 30 days.", "returns")
    assert c.source_type == "document"


def test_alerts_ordinances_and_registries_are_documents(claim: Claim) -> None:
    c = claim("An alert on the agency's website said all ferries were cancelled.", "ferries")
    assert c.source_type == "document"
    c = claim("The ordinance says hosts must live on site.", "live on site")
    assert c.source_type == "document"


# An unnamed spokesperson of a named body speaks for it (type.spokesperson).


def test_unnamed_spokesperson_speaks_for_the_organisation(claim: Claim) -> None:
    c = claim("A Pentagon spokesman said the review was complete.", "review was complete")
    assert c.source_type == "named_organization"
    assert not c.anonymous_flag


# Unnamed officials and allies are anonymous (anon.unnamed_official).


def test_unnamed_official_is_anonymous(claim: Claim) -> None:
    c = claim("An official said the plan was under review.", "the plan was under review")
    assert c.source_type == "anonymous"
    assert c.anonymous_flag
    assert c.anonymity_reason_given is False


def test_unnamed_allies_are_anonymous_named_ones_are_not(claim: Claim) -> None:
    c = claim("Allies of the home secretary said she would not resign.", "not resign")
    assert c.source_type == "anonymous" and c.anonymous_flag
    c = claim("One ally said the budget was safe.", "budget was safe")
    assert c.anonymous_flag
    c = claim("Her closest ally, Sen. Ruth Okoye, said the budget was safe.", "budget was safe")
    assert c.source_type == "named_person" and not c.anonymous_flag


# Capitals and names known as organisations (type.capital, type.known_org).


def test_capital_as_speaker_is_an_organisation(claim: Claim) -> None:
    c = claim("Moscow says the sanctions are illegal.", "sanctions")
    assert c.source_type == "named_organization"
    assert any(e.rule == "type.capital" for e in c.evidence)


def test_a_bare_name_of_an_organisation_named_earlier(claim: Claim) -> None:
    text = (
        "Workers at Brannock Logistics walked out on Monday.\n\n"
        "Brannock disputed the union's figures."
    )
    c = claim(text, "union's figures")
    assert c.source_type == "named_organization"
    # Near miss: a surname of a person named earlier stays the person.
    text = (
        "Tomas Brannock, the union's president, led the walkout.\n\n"
        "Brannock said pay was the issue."
    )
    c = claim(text, "pay was the issue")
    assert c.source_type == "named_person"


# Titles, trackers, organisations as a group, police as one force (type.title_person,
# type.org_group, type.org_noun).


def test_chairs_tools_and_unnamed_companies(claim: Claim) -> None:
    c = claim("Board Chair Yolanda Pike told reporters the vote would wait.", "vote would wait")
    assert c.source_type == "named_person"
    c = claim("Prices rose 3%, according to the bank's inflation tracker.", "Prices rose")
    assert c.source_type == "document"
    c = claim("Several airlines said the new fees would be passed on.", "new fees")
    assert c.source_type == "unnamed_group"
    # Near misses: "police" is one force; "the airlines" were identified before.
    c = claim("Police said the road would reopen on Monday.", "road would reopen")
    assert c.source_type == "named_organization"


# People not named: person and group nouns (type.person_noun, type.group_noun).


def test_police_officer_is_unnamed_not_anonymous(claim: Claim) -> None:
    c = claim("A police officer said three people were injured.", "three people")
    assert c.source_type == "unnamed_person"
    assert not c.anonymous_flag


def test_witnesses_are_an_unnamed_group(claim: Claim) -> None:
    c = claim("Witnesses said the blast shattered windows.", "blast")
    assert c.source_type == "unnamed_group"


def test_role_nouns_are_unnamed_people_and_groups(claim: Claim) -> None:
    c = claim("Tenant advocates said the new rules came too late.", "came too late")
    assert c.source_type == "unnamed_group" and c.confidence >= 0.6
    d = claim("A meteorologist said the storm would weaken by Friday.", "storm would weaken")
    assert d.source_type == "unnamed_person" and d.confidence >= 0.6


# Counted people and partitives with no antecedent (type.quantifier, partitives).


def test_a_counted_subject_is_a_group_not_a_pronoun(claim: Claim) -> None:
    text = (
        "According to county data, turnout was 41 percent.\n\n"
        "Twenty parents spoke at the meeting, and all but two urged the board to wait."
    )
    c = claim(text, "urged the board")
    assert c.source_type == "unnamed_group"
    assert c.resolved_to is None


def test_partitive_without_antecedent_is_typed_by_its_group(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Dozens of tenants packed the hearing.\n\n"
        "Some of the tenants said the heating had failed for weeks.\n\n"
        "One of the inspectors said the boiler was forty years old."
    )
    some = next(c for c in claims if "heating" in c.text)
    assert some.source_type == "unnamed_group"
    one = next(c for c in claims if "boiler" in c.text)
    assert one.source_type == "unnamed_person"


@pytest.mark.parametrize(
    "text",
    [
        "Sixty percent of voters said the economy was their top issue.",
        "A majority of residents said the plan was unfair.",
        "One percent of voters said they were undecided.",
        "Forty-six percent said they were unenthusiastic about the election.",
        "Nine in 10 said they thought the economy favors the wealthy.",
        "Three-quarters said the same of the governor.",
    ],
)
def test_a_share_of_a_group_is_an_unnamed_group(claim: Claim, text: str) -> None:
    c = claim(text, "said")
    assert c.source_type == "unnamed_group"


def test_demonstrative_and_indefinite_pronouns_are_people(claim: Claim) -> None:
    c = claim("Those surveyed say the city should build more housing.", "housing")
    assert c.source_type == "unnamed_group"
    c = claim("Someone at the depot said the trains were late.", "trains")
    assert c.source_type == "unnamed_person"
    # Near miss: "it" stands for a body.
    c = claim("The council met on Monday. It said the plan was dead.", "plan was dead")
    assert c.source_type == "named_organization"


def test_a_newspaper_named_for_a_document_is_an_organisation(claim: Claim) -> None:
    c = claim("The Washington Post reported that the deal was off.", "deal")
    assert c.source_type == "named_organization"
    c = claim("The report found that the dam was unsafe.", "dam")
    assert c.source_type == "document"


def test_a_spokesperson_of_no_named_body_says_so(claim: Claim) -> None:
    c = claim("A spokeswoman said the line would reopen on Monday.", "line")
    assert c.source_type == "named_organization"
    why = next(e.why for e in c.evidence if e.rule == "type.spokesperson")
    assert "not named" in why
    c = claim("An Amtrak spokeswoman said the line would reopen on Monday.", "line")
    why = next(e.why for e in c.evidence if e.rule == "type.spokesperson")
    assert "not named" not in why


def test_a_named_spokesperson_is_a_person(claim: Claim) -> None:
    c = claim("A spokesman for the agency, Brian Smith, said the line would reopen.", "line")
    assert c.source_type == "named_person"


def test_officials_of_a_named_body_are_unnamed_people(claim: Claim) -> None:
    c = claim("Amtrak officials said the line would reopen on Monday.", "line")
    assert c.source_type == "anonymous" and c.anonymous_flag


def test_a_dateline_is_no_part_of_the_source(claims_of: ClaimsOf) -> None:
    # Wire stories open "CITY, Date (AGENCY) — Name said": the parse hangs the dateline
    # on the name, or makes the city the subject and the name its apposition.
    for text, source in (
        (
            "HARWICH, Mass., May 4 (UPI) — State Senator Ana Ruiz told reporters that the "
            "ferry would run all summer.",
            "State Senator Ana Ruiz",
        ),
        (
            "BOSTON -- Mayor Tom Keller, opening the new library on Saturday, said the city "
            "would fund two more.",
            "Mayor Tom Keller",
        ),
    ):
        claim = claims_of("Ferry Talks\n\n" + text)[1]
        assert claim.source is not None and claim.source.text == source, text
    # Near miss: a dash after the name, around an aside, keeps the name.
    claim = claims_of("Ferry Talks\n\nAna Ruiz \u2014 the ferry's owner \u2014 said it would run.")[
        1
    ]
    assert claim.source is not None and claim.source.text.startswith("Ana Ruiz")
