"""Rules for the constructions devset7 missed; every sentence here is new."""

from collections.abc import Callable

from annotator.nlp.pipeline import ExtractedClaim

Claim = Callable[[str, str], ExtractedClaim]


def test_a_surname_after_a_titled_name_is_that_person(claim: Claim) -> None:
    text = (
        '"The wind turned at noon," said Division Chief Odalys Brennecke, a county fire '
        "spokeswoman.\n\nBrennecke said 12 homes had burned."
    )
    c = claim(text, "12 homes")
    assert c.source_type == "named_person"


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


def test_a_forecast_with_a_noun_object(claim: Claim) -> None:
    text = (
        "Economists at Marlow Capital said the bank would wait.\n\n"
        "They expect the first cut in June."
    )
    c = claim(text, "first cut in June")
    assert c.source_type == "unnamed_group"
    assert c.resolved_to is not None and "Economists" in c.resolved_to.text


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


def test_a_parenthetical_it_is_understood_is_an_unnamed_briefing(claim: Claim) -> None:
    c = claim(
        "Three cabinet ministers have voiced doubts in private, it is understood, as the "
        "budget nears.",
        "voiced doubts",
    )
    assert c.source_type == "anonymous" and c.anonymous_flag
    assert c.source is None and c.cue is not None and c.cue.text == "it is understood"
    # Near miss: a speech verb keeps its source.
    c = claim("The minister said, it is understood, that the plan was dead.", "plan was dead")
    assert c.source is not None and c.source.text == "The minister"


def test_a_quotation_after_a_colon_is_the_reports_content(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "On stage in Memphis on Friday, Odell, 41, seemed to answer the critics before "
        "playing his best-known song, telling the audience: \u201cThis one is for my father. "
        "He never heard it.\u201d"
    )
    c = next(c for c in claims if "for my father" in c.text)
    assert c.source_type == "named_person"
    assert c.cue is not None and c.cue.text == "telling"
    # Near miss: a colon before a list, no quotation.
    claims = claims_of("The council listed three options: a levy, a loan or cuts.")
    assert all(c.source_type == "unattributed" for c in claims)


def test_speculation_with_a_that_clause_after_a_time_phrase(claim: Claim) -> None:
    c = claim(
        "Supporters had speculated for weeks that the coach would resign before the final.",
        "coach would resign",
    )
    assert c.source_type == "unnamed_group" and c.cue is not None
    # Near miss: "that" as the relative clause's own subject.
    c = claim("Prices rose for months that followed the storm.", "followed the storm")
    assert c.source_type == "unattributed"
