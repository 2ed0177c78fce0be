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


def test_a_bare_participle_reports_for_the_clause_subject(claim: Claim) -> None:
    text = (
        "Union leader Hana Okafor was unmoved by the offer, saying the workers had been "
        '"taken for granted" for years.'
    )
    c = claim(text, "taken for granted")
    assert c.source_type == "named_person"
    assert c.source is not None and "Hana Okafor" in c.source.text
    assert c.cue is not None and c.cue.text == "saying"


def test_participles_that_report_nothing(claim: Claim) -> None:
    # Near misses: no clause after "saying"; a weak verb gives a reason, not a report.
    assert claim("He left the hearing early, saying nothing.", "hearing").source_type == (
        "unattributed"
    )
    c = claim("Dunmore Mills cut its sales forecast, blaming a wet spring.", "wet spring")
    assert c.source_type == "unattributed"


def test_inverted_said_with_a_described_speaker(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "\u201cWe heard three bangs,\u201d said a woman carrying groceries on Elm Street, who "
        "would not give her name. \u201cThen nothing.\u201d"
    )
    first = next(c for c in claims if "three bangs" in c.text)
    assert first.source is not None and first.source.text == "a woman"
    assert first.anonymous_flag  # "would not give her name"
    # The relative clause is anonymity, not a claim of its own.
    assert not any(c.source is not None and c.source.text == "who" for c in claims)


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


def test_recommendations_of_documents_and_reports_of_figures(claim: Claim) -> None:
    c = claim("The audit recommended closing two clinics by June.", "closing two clinics")
    assert c.source_type == "document" and c.cue is not None
    c = claim("Vellmar Bank reported a 9% rise in lending.", "9% rise")
    assert c.source_type == "named_organization"
    # Near miss: a scheduled report is not one.
    c = claim("Vellmar Bank will report its results on March 3.", "results")
    assert c.source_type == "unattributed"


def test_a_weak_verb_needs_a_subject_that_can_report(claim: Claim) -> None:
    c = claim("The second shot found the striker alone at the far post.", "far post")
    assert c.source_type == "unattributed"
    c = claim("The survey found that most tenants paid more than a third of income.", "tenants")
    assert c.source_type == "document"


def test_a_counted_subject_is_a_group_not_a_pronoun(claim: Claim) -> None:
    text = (
        "According to county data, turnout was 41 percent.\n\n"
        "Twenty parents spoke at the meeting, and all but two urged the board to wait."
    )
    c = claim(text, "urged the board")
    assert c.source_type == "unnamed_group"
    assert c.resolved_to is None


def test_a_participle_between_commas_describes_the_source(claim: Claim) -> None:
    c = claim("The lease agreement, last revised in 2019, says tenants may not sublet.", "sublet")
    assert c.source_type == "document"
    assert c.source is not None and c.source.text.startswith("The lease agreement")
    c = claim("Mayor Lena Ortiz, asked about the closure, said the library would reopen.", "reopen")
    assert c.source is not None and c.source.text == "Mayor Lena Ortiz"
    assert c.source_type == "named_person"
