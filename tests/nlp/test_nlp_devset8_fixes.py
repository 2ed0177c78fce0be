"""Rules for the constructions devset8 (scraped web text) missed; every sentence is new."""

from collections.abc import Callable

from annotator.nlp.pipeline import ExtractedClaim

Claim = Callable[[str, str], ExtractedClaim]


def test_a_question_in_the_writers_voice_reports_nothing(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "Harbor Fees Rise\n\n"
        "What did port officials say on Monday?\n\n"
        "Port officials said the fees would rise in July."
    )
    question = next(c for c in claims if c.text.startswith("What did"))
    assert question.source_type == "unattributed"
    answer = next(c for c in claims if "would rise in July" in c.text)
    assert answer.source_type != "unattributed"
    # Near miss: a question set off with its asker is the asker's.
    claims = claims_of("Budget Talks\n\nWhy, the senator asked, did the agency wait so long?")
    assert claims[-1].source is not None and claims[-1].source.text == "the senator"


def test_names_known_from_given_names_and_ages(claim: Claim) -> None:
    text = (
        "Caleb Ferreira-Lund, 34, took over the farm in 2019.\n\n"
        '"It is a gamble every year," Ferreira-Lund says.'
    )
    c = claim(text, "gamble every year")
    assert c.source_type == "named_person"


def test_alerts_ordinances_and_registries_are_documents(claim: Claim) -> None:
    c = claim("An alert on the agency's website said all ferries were cancelled.", "ferries")
    assert c.source_type == "document"
    c = claim("The ordinance says hosts must live on site.", "live on site")
    assert c.source_type == "document"


def test_a_surname_is_not_taken_from_an_organisation_in_apposition(claim: Claim) -> None:
    text = (
        "Lydia Farrow, chief executive of Brannock Cold Storage, said the plant was full.\n\n"
        "Brannock said the new site would open in May."
    )
    c = claim(text, "new site would open")
    assert c.source_type == "named_organization"


def test_a_semicolon_leaves_the_first_clause_to_the_writer(claims_of) -> None:  # type: ignore[no-untyped-def]
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


def test_a_credit_line_under_a_pull_quote_names_its_source(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "Dust Bowl Days\n\nMost farms failed by 1936.\n\n"
        "\u201cWe lost everything but the dog.\u201d\n\u2014 Maria Stenholm\n\n"
        "The rains came back in 1941."
    )
    quote = next(c for c in claims if "everything but the dog" in c.text)
    assert quote.source is not None and quote.source.text == "Maria Stenholm"
    assert quote.source_type == "named_person"
    assert not any(c.text.startswith("\u2014") for c in claims)  # the credit is no claim
    # Near miss: a dash line under a sentence that is no quotation stays a line of text.
    claims = claims_of("Budget Talks\n\nThe vote was close.\n\n\u2014 Staff report")
    assert all(c.source is None for c in claims)


def test_bullets_after_a_sourced_lead_in_continue_its_source(claims_of) -> None:  # type: ignore[no-untyped-def]
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
