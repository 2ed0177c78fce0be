"""Anonymity stage: anonymity phrases and reasons, unnamed briefings, the flag spread."""

from __future__ import annotations

import threading

from conftest import Claim, ClaimsOf

# Phrases that hide who is talking (anon.familiar_with, anon.declined_named, anon.reason), and
# 'not involved'.


def test_people_familiar_with_the_talks_are_anonymous_with_reason(claim: Claim) -> None:
    c = claim(
        "Two people familiar with the talks said a deal could come next week, speaking on "
        "condition of anonymity because the talks are private.",
        "a deal could come",
    )
    assert c.source_type == "anonymous"
    assert c.anonymous_flag
    assert c.anonymity_reason_given is True
    assert any(e.rule == "anon.familiar_with" for e in c.evidence)


def test_refusing_to_give_a_name_is_anonymity(claim: Claim) -> None:
    text = (
        '"The bus never comes on time," said one commuter, who would not give his name.\n\n'
        '"We just want the lights fixed," said a shopkeeper, who did not want to give her name.'
    )
    for words in ("bus never comes", "lights fixed"):
        c = claim(text, words)
        assert c.anonymous_flag, words
        assert c.source_type == "anonymous"


def test_sources_not_involved_are_not_anonymous(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Researchers not involved in the trial said the results looked solid.\n\n"
        "Two people involved in the talks said a deal was close."
    )
    independent = next(c for c in claims if "looked solid" in c.text)
    assert not independent.anonymous_flag and independent.source_type == "unnamed_group"
    # Near miss: without "not", the same phrase hides who is talking.
    assert next(c for c in claims if "deal was close" in c.text).anonymous_flag


def test_explicit_anonymity_raises_the_confidence_of_a_guessed_source(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "A sommelier, who spoke on condition of anonymity because she was not authorized to "
        "talk to reporters, said the budget would be cut.\n\n"
        "A sommelier said the budget would grow."
    )
    anon = next(c for c in claims if "be cut" in c.text)
    assert anon.source_type == "anonymous" and anon.anonymous_flag
    assert anon.confidence >= 0.7
    # Near miss: no anonymity phrase, so the guess keeps its low confidence.
    guess = next(c for c in claims if "would grow" in c.text)
    assert not guess.anonymous_flag and guess.confidence < 0.5


# Only a first name: anonymity only when the reason is given (anon.partial_name).


def test_giving_a_first_name_only_is_not_anonymity(claim: Claim) -> None:
    # Near miss: the person is identified, if thinly; the reporter printed a name.
    c = claim(
        '"The rent doubled in a year," said one tenant, who gave only her first name, Priya.',
        "rent doubled",
    )
    assert not c.anonymous_flag


def test_a_first_name_withheld_for_a_reason_is_anonymity(claim: Claim) -> None:
    c = claim(
        '"The rent doubled in a year," said one tenant, who gave only her first name, Priya, '
        "for fear of eviction.",
        "rent doubled",
    )
    assert c.anonymous_flag and c.anonymity_reason_given
    assert any(e.rule == "anon.partial_name" for e in c.evidence)


# A sentence with no attribution about earlier sources ('Both spoke on condition of anonymity').


def test_anonymity_sentence_about_both_earlier_sources(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "A senior economist said growth would slow. A second economist said a recession was "
        "possible. Both spoke on condition of anonymity because the forecasts are confidential."
    )
    for words in ("growth would slow", "recession was possible"):
        c = next(c for c in claims if words in c.text)
        assert c.anonymous_flag and c.anonymity_reason_given is True
        assert c.source_type == "anonymous"


def test_both_asked_that_their_names_be_withheld_flags_the_group(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Police said the depot had been closed since May.\n\n"
        "Two drivers told the Courier they had reported the leak in March. Both asked that "
        "their names be withheld for fear of losing their jobs."
    )
    drivers = next(c for c in claims if "reported the leak" in c.text)
    assert drivers.anonymous_flag and drivers.source_type == "anonymous"
    assert drivers.anonymity_reason_given
    # Near miss: the organisation named before the group is not the referent of "both".
    police = next(c for c in claims if "depot" in c.text)
    assert not police.anonymous_flag


# Anonymity flags every claim of the source (anon.propagated).


def test_anonymity_in_a_later_sentence_flags_the_earlier_claim(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "A veteran oil analyst said the cuts would not last. Prices will fall again by "
        "spring, the analyst said on condition of anonymity."
    )
    first = next(c for c in claims if "cuts would not last" in c.text)
    assert first.anonymous_flag
    assert any(e.rule == "anon.propagated" for e in first.evidence)


# An unnamed briefing the paper relays: 'are understood to', 'it is understood' (anon.understood).


def test_are_understood_to_is_an_unnamed_briefing(claim: Claim) -> None:
    c = claim("Cabinet ministers are understood to have blocked the sale.", "blocked")
    assert c.source_type == "anonymous" and c.anonymous_flag and c.source is None
    c = claim("It is understood that the ferry contract will be retendered.", "retendered")
    assert c.source_type == "anonymous"
    # Near miss: a sentence with its own attribution keeps it.
    c = claim("The mill is understood to date from 1790, the council said.", "1790")
    assert c.source_type == "named_organization" and not c.anonymous_flag


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


def test_a_reason_counts_only_in_the_anonymity_clause(claim: Claim) -> None:
    c = claim(
        "The official, who spoke on condition of anonymity, said the talks failed because "
        "the sides could not agree on prices.",
        "talks failed",
    )
    assert c.anonymous_flag and c.anonymity_reason_given is False
    c = claim(
        "An official, who spoke on condition of anonymity because the talks are private, "
        "said a deal was close.",
        "deal",
    )
    assert c.anonymity_reason_given is True


# An anonymously sourced account of a private event (resolve.account).

ACCOUNT = (
    "Trump Berated Aides, People Say\n\n"
    "President Trump berated his aides during a tense call on Friday, according to five "
    "people with knowledge of the call.\n\n"
    "He told them the plan was a disaster. Trump said he would fire anyone who leaked.\n\n"
    "Kelsey Marchetti, a historian, said such calls were common.\n\n"
    "The White House says the call was productive."
)


def test_an_account_rests_on_its_anonymous_sources_until_it_ends(claim: Claim) -> None:
    for words in ("He told them", "fire anyone"):
        c = claim(ACCOUNT, words)
        assert c.source_type == "anonymous" and c.anonymous_flag, words
        assert c.resolved_to is not None and c.resolved_to.text.startswith("five people")
        assert any(e.rule == "resolve.account" for e in c.evidence)
    # The participant's own words are kept as a relation of the claim.
    assert [r.source.text for r in claim(ACCOUNT, "fire anyone").relations if r.source] == ["Trump"]
    # A source who took no part, and the present tense, end it.
    assert claim(ACCOUNT, "such calls").source_type == "named_person"
    assert claim(ACCOUNT, "productive").source_type == "named_organization"


def test_no_account_without_a_private_event_in_the_sources_phrase(claim: Claim) -> None:
    text = ACCOUNT.replace("people with knowledge of the call", "people familiar with it")
    c = claim(text, "He told them")
    assert c.source_type != "anonymous" or not any(e.rule == "resolve.account" for e in c.evidence)


def test_an_anonymity_phrase_outside_any_clause_ends(claims_of: ClaimsOf) -> None:
    """A heading with an anonymity phrase and no verb once sent the reason search up the
    parse forever."""
    done: list[bool] = []
    worker = threading.Thread(
        target=lambda: done.append(
            bool(claims_of("Sources familiar with the matter\n\nThe deal closed."))
        ),
        daemon=True,
    )
    worker.start()
    worker.join(60)
    assert done == [True]
