"""Rules for the constructions devsets 4 and 5 missed; every sentence here is new."""

from collections.abc import Callable

from annotator.nlp.pipeline import ExtractedClaim

Claim = Callable[[str, str], ExtractedClaim]


def test_a_refusal_to_comment_rests_on_whoever_refused(claim: Claim) -> None:
    text = (
        "Shares of Brindle Foods fell 4 percent.\n\n"
        "Brindle Foods declined to comment on the recall.\n\n"
        "A spokesman for the regulator did not respond to a request for comment.\n\n"
        "The plant manager could not be reached on Friday."
    )
    for words, source, kind in (
        ("on the recall", "Brindle Foods", "named_organization"),
        ("request for comment", "A spokesman for the regulator", "named_organization"),
        ("on Friday", "The plant manager", "unnamed_person"),
    ):
        c = claim(text, words)
        assert c.source is not None and c.source.text == source, words
        assert c.source_type == kind, words
        assert c.cue is not None and c.cue.text.startswith(("declined", "did", "could")), words
        assert c.confidence <= 0.5  # a refusal is weaker ground than a statement


def test_declining_something_else_is_narration(claim: Claim) -> None:
    c = claim("The mayor declined the invitation and stayed home.", "invitation")
    assert c.source_type == "unattributed"


def test_a_name_parsed_as_an_adverb_still_names_the_source(claim: Claim) -> None:
    # The model tags some one-word company names that open a sentence ADV.
    text = "Investors sold Quorvant stock.\n\nQuorvant declined to comment on the sale."
    c = claim(text, "on the sale")
    assert c.source is not None and c.source.text == "Quorvant"
    assert c.source_type == "named_organization"


def test_abbreviated_title_does_not_end_the_sentence(claims_of) -> None:  # type: ignore[no-untyped-def]
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


def test_unnamed_allies_are_anonymous_named_ones_are_not(claim: Claim) -> None:
    c = claim("Allies of the home secretary said she would not resign.", "not resign")
    assert c.source_type == "anonymous" and c.anonymous_flag
    c = claim("One ally said the budget was safe.", "budget was safe")
    assert c.anonymous_flag
    c = claim("Her closest ally, Sen. Ruth Okoye, said the budget was safe.", "budget was safe")
    assert c.source_type == "named_person" and not c.anonymous_flag


def test_legal_and_policy_texts_are_documents(claim: Claim) -> None:
    c = claim(
        "A lawsuit filed in state court on Monday alleges that the landlord ignored mold.",
        "ignored mold",
    )
    assert c.source_type == "document"
    c = claim("The company's refund policy says returns are free for 30 days.", "returns")
    assert c.source_type == "document"
