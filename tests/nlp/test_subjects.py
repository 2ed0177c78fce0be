"""Cues stage, subjects: which words are a cue's source, and the outlet that relayed it."""

from __future__ import annotations

import pytest
from conftest import Claim, ClaimsOf

# The subject as its full noun phrase (source.subject, source.shared_subject).


def test_shared_subject_across_coordinated_verbs(claim: Claim) -> None:
    c = claim(
        "Turkey has pointed to Greece's missiles and argued that a double standard exists.",
        "double standard",
    )
    assert c.source is not None and c.source.text == "Turkey"
    assert any(e.rule == "source.shared_subject" for e in c.evidence)


def test_of_two_subjects_the_one_before_the_verb_speaks(claims_of: ClaimsOf) -> None:
    # The pinned model makes both names subjects of "Says" in this title-case headline.
    claims = claims_of(
        "Angela Merkel Says Boris Johnson ‘Has No Plan.’\n\nThe chancellor spoke on Monday."
    )
    c = next(c for c in claims if c.cue is not None)
    assert c.source is not None and c.source.text == "Angela Merkel"


def test_a_subject_inside_the_quotation_is_not_the_speaker(claim: Claim) -> None:
    # The pinned model hangs "people" (inside the quotation) on "said" beside "Haddad".
    c = claim(
        '"The more people who hear about the depot, the better they like it and the ideas '
        'that we are talking about," Haddad said.',
        "depot",
    )
    assert c.source is not None and c.source.text == "Haddad"
    assert c.kind == "quote"


def test_a_quantifier_with_its_group_is_a_source(claim: Claim) -> None:
    # "Many" and "Most" are tagged as adjectives; with their group they are people.
    for sentence, source in (
        (
            "Many in the crowd said the mayor was the only candidate they trusted.",
            "Many in the crowd",
        ),
        ("Most at the meeting said the depot should stay open.", "Most at the meeting"),
    ):
        c = claim(sentence, "said")
        assert c.source is not None and c.source.text == source
        assert c.source_type == "unnamed_group"


def test_age_apposition_is_trimmed_from_the_source(claim: Claim) -> None:
    c = claim("Omar Haddad, 45, said the bakery flooded overnight.", "bakery flooded")
    assert c.source is not None and c.source.text == "Omar Haddad"
    assert c.source_type == "named_person"
    # Near miss: a number inside a name stays.
    d = claim("The company, Acme 3000, said sales rose sharply.", "sales rose")
    assert d.source is not None and "Acme 3000" in d.source.text


def test_document_source_keeps_its_participle_and_relay(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "A survey published Monday by the Harbor Institute found that most tenants pay more "
        "than a third of their income in rent.\n\n"
        "The mayor plans to veto the ordinance, according to a draft letter obtained by the "
        "Tribune.\n\n"
        "A report, which took two years, found that the dam was unsafe."
    )
    survey = next(c for c in claims if "most tenants" in c.text)
    assert survey.source is not None
    assert survey.source.text == "A survey published Monday by the Harbor Institute"
    letter = next(c for c in claims if "veto" in c.text)
    assert letter.source is not None and letter.source.text.endswith("obtained by the Tribune")
    assert letter.relayed_by is not None and letter.relayed_by.text == "the Tribune"
    # Near miss: a relative clause still does not belong to the source.
    dam = next(c for c in claims if "dam was unsafe" in c.text)
    assert dam.source is not None and dam.source.text == "A report"


# A name the parse left outside the subject (source.fronted_name, source.dangling_name).


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


def test_a_name_parsed_as_an_adverb_still_names_the_source(claim: Claim) -> None:
    # The model tags some one-word company names that open a sentence ADV.
    text = "Investors sold Quorvant stock.\n\nQuorvant declined to comment on the sale."
    c = claim(text, "on the sale")
    assert c.source is not None and c.source.text == "Quorvant"
    assert c.source_type == "named_organization"


# Participles: 'saying …' reports for the clause's subject; 'asked about …' describes the source
# (source.participle, source.apposed_clause).


def test_a_bare_participle_reports_for_the_clause_subject(claim: Claim) -> None:
    text = (
        "Union leader Hana Okafor was unmoved by the offer, saying the workers had been "
        '"taken for granted" for years.'
    )
    c = claim(text, "taken for granted")
    assert c.source_type == "named_person"
    assert c.source is not None and "Hana Okafor" in c.source.text
    assert c.cue is not None and c.cue.text == "saying"


def test_a_participle_on_a_message_reports_for_whoever_sent_it(claim: Claim) -> None:
    c = claim("The harbour board sent out a text message saying that the ferry was late.", "late")
    assert c.source is not None and c.source.text == "The harbour board"
    assert c.cue is not None and c.cue.text == "saying"


def test_participles_that_report_nothing(claim: Claim) -> None:
    # Near misses: no clause after "saying"; a weak verb gives a reason, not a report.
    assert claim("He left the hearing early, saying nothing.", "hearing").source_type == (
        "unattributed"
    )
    c = claim("Dunmore Mills cut its sales forecast, blaming a wet spring.", "wet spring")
    assert c.source_type == "unattributed"


def test_a_participle_that_labels_in_quotation_marks_reports(claim: Claim) -> None:
    c = claim('The harbour board opposed the ruling, calling it "ill-founded".', "ruling")
    assert c.source is not None and c.source.text == "The harbour board"
    assert c.cue is not None and c.cue.text == "calling"
    # Near miss: the label unquoted is the writer's account of a stance.
    c = claim("The harbour board opposed the ruling, calling it a giveaway.", "ruling")
    assert c.source is None


def test_a_participle_between_commas_describes_the_source(claim: Claim) -> None:
    c = claim("The lease agreement, last revised in 2019, says tenants may not sublet.", "sublet")
    assert c.source_type == "document"
    assert c.source is not None and c.source.text.startswith("The lease agreement")
    c = claim("Mayor Lena Ortiz, asked about the closure, said the library would reopen.", "reopen")
    assert c.source is not None and c.source.text == "Mayor Lena Ortiz"
    assert c.source_type == "named_person"


# After the quotation: an inverted verb, or a speaker the parse joined to the verb
# (source.inverted, source.after_quote).


def test_inverted_said_with_a_described_speaker(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "\u201cWe heard three bangs,\u201d said a woman carrying groceries on Elm Street, who "
        "would not give her name. \u201cThen nothing.\u201d"
    )
    first = next(c for c in claims if "three bangs" in c.text)
    assert first.source is not None and first.source.text == "a woman"
    assert first.anonymous_flag  # "would not give her name"
    # The relative clause is anonymity, not a claim of its own.
    assert not any(c.source is not None and c.source.text == "who" for c in claims)


def test_inverted_said_right_after_a_quotation_names_the_speaker(claims_of: ClaimsOf) -> None:
    # The parse makes "the woman" the subject of the relative clause's verb.
    claims = claims_of(
        '"One man came in and said we should all leave," said the woman, who like many in '
        "the town did not want to be quoted by name."
    )
    first = next(c for c in claims if "all leave" in c.text)
    assert first.source is not None and first.source.text == "the woman"
    # Near miss: without a quotation, "says inflation is easing" names no speaker.
    claims = claims_of("The bank says inflation is easing, says the report.")
    assert not any(c.source is not None and c.source.text == "inflation" for c in claims)


def test_speaker_after_a_quotation_when_the_parse_breaks(claims_of: ClaimsOf) -> None:
    # The pinned model parses "Okonjo told supporters" here as one noun phrase.
    claims = claims_of(
        'Okonjo wins\n\n"This city wants a place where a bus driver can live," Okonjo told '
        "supporters."
    )
    c = next(c for c in claims if "bus driver" in c.text)
    assert c.source is not None and c.source.text == "Okonjo"
    assert c.cue is not None and c.cue.text == "told supporters"
    assert any(e.rule == "source.after_quote" for e in c.evidence)
    # Near miss: no comma before the closing mark, so the quotation is a title, not speech.
    claims = claims_of('Okonjo wins\n\nShe sang "This Land" Okonjo told supporters.')
    assert not any(e.rule == "source.after_quote" for c in claims for e in c.evidence)


def test_speaker_with_an_age_after_a_quotation(claims_of: ClaimsOf) -> None:
    # The pinned model coordinates "told" with the quotation's verb, whose subject ("We")
    # is the quotation's own.
    (c,) = claims_of(
        "“We were foolish to ignore the warnings about the dam,” Dufresne, 71, told AFP in "
        "an interview in Lima on Monday."
    )
    assert c.source is not None and c.source.text == "Dufresne"


# Relays: 'cited by', 'reviewed by', 'citing' (relay.cited_by, source.citing).


def test_relayed_through_an_outlet(claim: Claim) -> None:
    c = claim(
        "According to two unnamed officials cited by Reuters, the deal collapsed.", "collapsed"
    )
    assert c.source_type == "anonymous"
    assert c.relayed_by is not None and c.relayed_by.text == "Reuters"


def test_citing_makes_the_cited_people_the_source(claim: Claim) -> None:
    c = claim(
        "The Wall Street Journal reported, citing people familiar with the matter, that the "
        "deal was off.",
        "deal was off",
    )
    assert c.source is not None and c.source.text == "people familiar with the matter"
    assert c.relayed_by is not None and c.relayed_by.text == "The Wall Street Journal"
    assert c.anonymous_flag and c.anonymity_reason_given is False


def test_a_person_citing_reasons_or_data_is_still_the_source(claim: Claim) -> None:
    c = claim(
        "Senator Ruth Okafor, citing low wages and rising rents, said the city had failed "
        "its workers.",
        "failed",
    )
    assert c.source is not None and c.source.text == "Senator Ruth Okafor"
    assert c.relayed_by is None
    c = claim("The mayor said, citing data from the census, that the city had grown.", "grown")
    assert c.source is not None and c.source.text == "The mayor"


def test_relay_through_a_participle_on_a_nested_noun(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "The merger is off, according to three people close to the bank cited by Bloomberg."
        "\n\nShoppers interviewed by a local radio station said prices had doubled."
        "\n\nEngineers close to the project said the tunnel would open late."
    )
    merger = next(c for c in claims if "merger" in c.text)
    assert merger.relayed_by is not None and merger.relayed_by.text == "Bloomberg"
    assert merger.anonymous_flag
    shoppers = next(c for c in claims if "prices had doubled" in c.text)
    assert shoppers.relayed_by is not None and shoppers.relayed_by.text == "a local radio station"
    assert next(c for c in claims if "tunnel" in c.text).relayed_by is None


def test_document_reviewed_by_an_outlet_is_relayed(claim: Claim) -> None:
    c = claim(
        "The audit, reviewed by the Daily Ledger, shows the agency ignored three warnings.",
        "ignored three warnings",
    )
    assert c.source_type == "document"
    assert c.relayed_by is not None and c.relayed_by.text == "the Daily Ledger"


# The subject of the verb an infinitive completes (source.controller), a passive's agent
# (source.agent) and a relative pronoun standing for its noun (source.relative).


def test_a_completed_verb_reports_for_the_subject_of_the_verb_it_completes(
    claim: Claim,
) -> None:
    c = claim("The senator continued to insist that the bill would pass.", "bill")
    assert c.source is not None and c.source.text == "The senator"
    assert c.cue is not None and c.cue.text == "insist"


@pytest.mark.parametrize(
    "text",
    [
        "It is hard to know where the donors will go.",
        "It's important to remember that independents can vote.",
        "Even in Iowa, it is premature to assume the senator has won.",
    ],
)
def test_a_dummy_it_before_an_adjective_reports_nothing(claim: Claim, text: str) -> None:
    c = claim(text, "")
    assert c.source is None and c.source_type == "unattributed"
    # Near miss: a person before the adjective still reports.
    c = claim("She was quick to say the plan had failed.", "plan")
    assert c.source is not None and c.source.text == "She"


def test_the_agent_of_a_passive_is_the_source(claim: Claim) -> None:
    c = claim("Rubio was asked by a moderator whether his plan would cost too much.", "cost")
    assert c.source is not None and c.source.text == "a moderator"
    assert not any(e.rule == "source.dangling_name" for e in c.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "When asked by a reporter whether the plan differed from the old one, the mayor said "
        "it did not.",
        '"Absolutely," the mayor said when asked by a reporter if that remained her view.',
    ],
)
def test_a_question_asked_by_an_agent_is_a_relation_of_the_asker(claim: Claim, text: str) -> None:
    c = claim(text, "mayor said")
    assert c.source is not None and c.source.text == "the mayor"
    asked = [r for r in c.relations if r.cue.text == "asked"]
    assert len(asked) == 1 and asked[0].source is not None
    assert asked[0].source.text == "a reporter"


def test_a_relative_pronoun_is_the_source_and_resolves_to_its_noun(claim: Claim) -> None:
    c = claim("The plan drew fire from its allies, who warned that costs would rise.", "costs")
    assert c.source is not None and c.source.text == "who"
    assert c.resolved_to is not None and c.resolved_to.text == "its allies"
    assert "'who' stands for 'its allies'" in c.evidence[1].why


def test_according_to_looks_past_a_parenthesis(claim: Claim) -> None:
    c = claim(
        "Trains will not run until Tuesday, according to (UK) National Rail Enquiries.",
        "Trains",
    )
    assert c.source is not None and c.source.text == "National Rail Enquiries"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The mayor angered residents last week by saying that the pool would close.", "The mayor"),
        ("She made a point of saying the library would stay open.", "She"),
        ("He faces criticism after saying in a debate that taxes would rise.", "He"),
        ('The mayor deflected questions before saying, "It is time to move on."', "The mayor"),
    ],
)
def test_a_reporting_gerund_after_a_preposition_reports_for_the_clause_subject(
    claim: Claim, text: str, source: str
) -> None:
    c = claim(text, "saying")
    assert c.source is not None and c.source.text == source
    assert c.cue is not None and c.cue.text == "saying"


def test_a_gerund_after_an_adjective_reports_for_the_subject(claims_of: ClaimsOf) -> None:
    (c,) = claims_of("The senator was gracious in declaring victory on Tuesday night.")
    assert [r.source.text for r in c.relations if r.source] == ["The senator"]


def test_what_someone_went_on_to_say_is_theirs(claims_of: ClaimsOf) -> None:
    # The model reads "to explain" after "went on" as a purpose clause.
    (c,) = claims_of("The harbour master went on to explain how he believes the pier will fail.")
    assert c.source is not None and c.source.text == "The harbour master"
    assert c.cue is not None and c.cue.text == "explain"
    (c,) = claims_of("The ferry crew went on to win the regatta.")
    assert c.source is None and c.relations == []


def test_without_saying_reports_nothing(claim: Claim) -> None:
    assert claim("He left the room without saying a word.", "room").source is None


# A subject the parse hung elsewhere (source.absorbed).


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # The pinned model makes the name an apposition of "plea" and leaves "said" bare.
        (
            "As a part of his plea, Radu Ilie Marinescu, 47, said that he robbed nearly 60 "
            "pensioners from his flat abroad.",
            "Radu Ilie Marinescu",
        ),
        # … and "Parents" the subject of "campaigning", a clause before "say".
        (
            "Parents campaigning to keep the library open say the council has ignored them.",
            "Parents",
        ),
        # … and the subject an apposition to the last noun of the opening clause.
        (
            "Although there is no such overlap with the mayor's team, a city official who "
            "spoke anonymously to discuss internal strategy said Wednesday that talks go on.",
            "a city official",
        ),
        (
            "On Sunday, while campaigning for his wife, former mayor Tom Reyes said the "
            "budget was a mess.",
            "former mayor Tom Reyes",
        ),
    ],
)
def test_a_subject_the_parse_hung_before_the_verb_is_the_source(
    claim: Claim, text: str, source: str
) -> None:
    c = claim(text, "said" if "said" in text else "say")
    assert c.source is not None and c.source.text == source
    assert any(e.rule == "source.absorbed" for e in c.evidence)


def test_a_document_noun_the_parse_read_as_a_verb_is_the_source(claim: Claim) -> None:
    c = claim("Hospital reports early on Saturday morning indicate one death.", "one death")
    assert c.source is not None and c.source.text == "Hospital reports"
    assert c.cue is not None and c.cue.text == "indicate"
    assert c.source_type == "document"
    # Near miss: with a determiner, the hospital reports.
    c = claim("The hospital reports that one patient died.", "one patient died")
    assert c.source is not None and c.source.text == "The hospital"


def test_a_speech_act_hung_on_the_reported_clause_is_the_speakers(
    claims_of: ClaimsOf,
) -> None:
    # The model hangs "noted" and "claiming" on the clause that was said, not on "said".
    claims = claims_of("Reyes said that the count was late but noted that the clerks were tired.")
    assert {c.source.text for c in claims if c.source} == {"Reyes"}
    assert [c.cue.text for c in claims if c.cue] == ["said", "noted"]
    c = claims_of(
        "The mayor insisted that the bridge was safe, claiming that inspectors found no cracks."
    )[0]
    assert [(r.cue.text, r.source.text) for r in c.relations if r.cue and r.source] == [
        ("claiming", "The mayor")
    ]
    # Near miss: a clause whose own subject can speak keeps it ("Okafor … and added").
    claims = claims_of(
        "The memo showed that Okafor had signed the order and added that it was late."
    )
    assert "The memo" not in {r.source.text for c in claims for r in c.relations if r.source}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # The model makes "another" the verb's object.
        ('"That settles it," tweeted another.', "another"),
        # An adjective with a determiner names someone.
        ('"He has always been a leader," said the 46-year-old.', "the 46-year-old"),
    ],
)
def test_the_words_after_a_verb_that_follows_a_quotation_are_its_subject(
    claim: Claim, text: str, source: str
) -> None:
    c = claim(text, text[1:10])
    assert c.source is not None and c.source.text.endswith(source)


def test_a_date_or_an_addressee_after_the_verb_is_no_subject(claim: Claim) -> None:
    assert claim('"We will see," said Tuesday.', "We will see").source is None
    assert claim('"We will see," told reporters.', "We will see").source is None


def test_an_opening_clause_without_an_apposition_gives_no_source(claim: Claim) -> None:
    # Near miss: the noun before the verb is the clause's own object, not an apposition.
    c = claim("After talks with the mayor's team broke down on Monday said nothing.", "After")
    assert c.source is None


def test_the_clause_that_holds_the_source_is_not_its_content(claim: Claim) -> None:
    c = claim("Parents campaigning to keep the library open say.", "Parents")
    assert c.source is None and c.source_type == "unattributed"


def test_has_contracted_to_s_before_a_reporting_verb_is_active(claim: Claim) -> None:
    # "he's said the same thing": the model reads "'s" as "is" and makes a passive.
    c = claim("Since the spring, he's said the same thing at every rally.", "same thing")
    assert c.source is not None and c.source.text == "he"
    assert c.cue is not None and c.cue.text == "said"
    # "he's said he will …": a clause with a subject of its own is no passive's either.
    c = claim("Since June, he's said he will fight the levy.", "levy")
    assert c.source is not None and c.source.text == "he"
    # Near misses: "it's said that …", "it's said he …" are passives with no one named.
    c = claim("It's said that the mill will close by June.", "mill")
    assert c.source is None
    c = claim("It's said he was once rich.", "rich")
    assert c.source is None


def test_a_question_quoted_before_an_inverted_verb_is_the_speakers(
    claims_of: ClaimsOf,
) -> None:
    # The model makes the quoted verb ("Is") the subject of "asked"; newswire's two-mark
    # quotes ('' … '') also leave a space between the closing mark and the verb.
    for text in (
        "Ferry Talks\n\n\u201cIs the ferry late again?\u201d asked Mr. Keller.",
        "Ferry Talks\n\n''Is the ferry late again?'' asked Mr. Keller.",
    ):
        claim = claims_of(text)[1]
        assert claim.source is not None and claim.source.text == "Mr. Keller", text
        assert claim.cue is not None and claim.cue.text == "asked", text
