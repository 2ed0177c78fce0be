"""Late rules; every sentence here is new (not from a dev set)."""

from collections.abc import Callable

from annotator.nlp.pipeline import ExtractedClaim

Claim = Callable[[str, str], ExtractedClaim]


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


def test_pronoun_subject_of_a_stance_verb_in_narration(claim: Claim) -> None:
    text = (
        "Her lawyer, Tom Hale, spoke after the hearing. "
        "He argued at trial that the contractor was to blame."
    )
    c = claim(text, "contractor")
    assert c.source is not None and c.source.text == "He"
    assert c.cue is not None and c.cue.text == "argued"
    assert c.resolved_to is not None and "Tom Hale" in c.resolved_to.text
    assert c.source_type == "named_person"
    c = claim(
        "The senator, Ann Lee, visited the site. She insisted on Monday that the bill would pass.",
        "bill",
    )
    assert c.source_type == "named_person"
    assert c.resolved_to is not None and "Ann Lee" in c.resolved_to.text


def test_stance_verb_without_a_clause_is_no_attribution(claim: Claim) -> None:
    # Near miss: no clausal complement, so nothing is reported.
    text = "Her lawyer, Tom Hale, spoke after the hearing. He argued with the referee."
    c = claim(text, "referee")
    assert c.source is None and c.cue is None
    assert c.source_type == "unattributed"
    c = claim("The senator, Ann Lee, visited the site. She insisted on paying.", "paying")
    assert c.source is None
