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
