"""Rules for the constructions devset3 missed; every sentence here is new."""

from collections.abc import Callable

from annotator.nlp.pipeline import ExtractedClaim

Claim = Callable[[str, str], ExtractedClaim]


def test_that_clause_after_a_prepositional_phrase_is_reported(claim: Claim) -> None:
    # The parser hangs "that ..." on "trial" / "court" as a relative clause.
    text = (
        "Her lawyer, Dana Whitfield, said the verdict would be appealed.\n\n"
        "She argued at trial that the pharmacy had ignored the warnings and misled "
        "the inspectors."
    )
    c = claim(text, "ignored the warnings")
    assert c.source_type == "named_person"
    assert c.source is not None and c.source.text == "She"
    assert c.cue is not None and c.cue.text.startswith("argued")
    assert c.resolved_to is not None and "Dana Whitfield" in c.resolved_to.text


def test_a_true_relative_clause_on_a_pobj_is_not_a_report(claim: Claim) -> None:
    # Near miss: "that" is the relative clause's own subject.
    c = claim("The mayor spoke at a hearing that lasted four hours.", "lasted")
    assert c.source_type == "unattributed"


def test_name_before_an_apposition_taken_as_subject(claim: Claim) -> None:
    # A long apposition the parser takes as the subject, with the name left dangling.
    text = (
        "Shares of Quillfin rose.\n\n"
        "Quillfin, the Boston lending start-up valued at $3 billion last spring, said on "
        "Tuesday that it would close its London office."
    )
    c = claim(text, "London office")
    assert c.source_type == "named_organization"
    assert c.source is not None and c.source.text.startswith("Quillfin")
    assert c.cue is not None and c.cue.text == "said"


def test_fronted_adverb_is_not_a_name(claim: Claim) -> None:
    # Near misses: a sentence adverb before the subject, and a parenthetical attribution.
    c = claim(
        "Separately, the company, which makes valves for refineries, said it would cut jobs.",
        "cut jobs",
    )
    assert c.source is not None and c.source.text == "the company"
    c = claim("Harwick, the company said, would be sold by June.", "sold by June")
    assert c.source is not None and c.source.text == "the company"
