"""Cues stage: which verbs and phrases report, and which attribution owns a sentence."""

from __future__ import annotations

import pytest
from conftest import Claim, ClaimsOf

# Reporting verbs need content: a clause, a quotation, or for some verbs a noun object (cue.verb).


def test_reporting_verb_with_named_person_after_content(claim: Claim) -> None:
    c = claim(
        "Output will fall this year, Foreign Minister Maria Lopez said on Wednesday.",
        "Output will fall",
    )
    assert c.source_type == "named_person"
    assert c.source is not None and c.source.text == "Foreign Minister Maria Lopez"
    assert c.cue is not None and c.cue.text == "said"
    assert not c.anonymous_flag
    assert any(e.rule == "cue.verb" for e in c.evidence)


def test_hoped_is_not_a_reporting_cue(claim: Claim) -> None:
    c = claim(
        "The United States had hoped that Ankara would agree not to go ahead with the deal.",
        "had hoped",
    )
    assert c.source_type == "unattributed"


@pytest.mark.parametrize(
    "text",
    [
        "He added 500 jobs to the payroll last year.",
        "The storm claimed 12 lives on Sunday.",
    ],
)
def test_non_reporting_uses_of_cue_verbs(claims_of: ClaimsOf, text: str) -> None:
    claims = claims_of(text)
    assert all(c.source_type == "unattributed" for c in claims)


def test_negated_reporting_verb_attributes_nothing(claim: Claim) -> None:
    c = claim("Officials did not say how much the damage would cost.", "damage")
    assert c.source_type == "unattributed"


def test_declaring_an_emergency_is_an_act_not_a_report(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "The mayor declared a state of emergency on Sunday.\n\n"
        "The governor declared that the bridge would stay closed."
    )
    assert next(c for c in claims if "state of emergency" in c.text).source_type == "unattributed"
    c = next(c for c in claims if "stay closed" in c.text)
    assert c.cue is not None and c.cue.text == "declared"


def test_recommendations_of_documents_and_reports_of_figures(claim: Claim) -> None:
    c = claim("The audit recommended closing two clinics by June.", "closing two clinics")
    assert c.source_type == "document" and c.cue is not None
    c = claim("Vellmar Bank reported a 9% rise in lending.", "9% rise")
    assert c.source_type == "named_organization"
    # Near miss: a scheduled report is not one.
    c = claim("Vellmar Bank will report its results on March 3.", "results")
    assert c.source_type == "unattributed"


def test_noun_objects_of_describe_document_cite_and_dispute(claim: Claim) -> None:
    c = claim("Commuters described a morning of cancelled trains and packed platforms.", "packed")
    assert c.source_type == "unnamed_group" and c.cue is not None
    c = claim("The audit documents 44 missed inspections at the plant.", "missed inspections")
    assert c.source_type == "document"
    c = claim("Shoppers cited rising food prices above all else.", "food prices")
    assert c.source_type == "unnamed_group"
    c = claim("The mayor's chief of staff, Dana Price, disputed that account.", "that account")
    assert c.source_type == "named_person"


def test_posts_and_emphases_report_their_noun_objects(claim: Claim) -> None:
    # What someone tweeted, posted, stressed or declared is what they put out.
    for text, words, source in (
        ("Ruiz later tweeted a photograph of the flooded school.", "flooded school", "Ruiz"),
        ("The ministry posted new figures on its website.", "new figures", "The ministry"),
        ("Keller stressed his experience as a county judge.", "county judge", "Keller"),
        ("The council emphasizes the plan's savings.", "savings", "The council"),
    ):
        c = claim(text, words)
        assert c.source is not None and c.source.text == source, text
        assert c.content is not None and words in c.content.text, text
    # Near miss: under a modal it is a plan, not something put out.
    c = claim("Ruiz will post the results next week.", "results")
    assert c.source_type == "unattributed"


def test_describing_a_person_or_an_event_without_a_reporter_is_not_a_report(claim: Claim) -> None:
    # Near misses: the object is a person; the subject cannot report.
    c = claim("Witnesses described him to the sketch artist.", "sketch artist")
    assert c.cue is None or c.cue.text != "described"
    c = claim("The storm documented nothing but damage.", "damage")
    assert c.source_type == "unattributed"


def test_a_forecast_with_a_noun_object(claim: Claim) -> None:
    text = (
        "Economists at Marlow Capital said the bank would wait.\n\n"
        "They expect the first cut in June."
    )
    c = claim(text, "first cut in June")
    assert c.source_type == "unnamed_group"
    assert c.resolved_to is not None and "Economists" in c.resolved_to.text


def test_warned_against_and_hyphenated_roles(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Health officials warned against travel to the coast this weekend.\n\n"
        '"Nobody should swim here," said co-founder Dr. Ilse Marek, a marine biologist.\n\n'
        "The council voted against the plan."
    )
    warn = next(c for c in claims if "travel to the coast" in c.text)
    assert warn.cue is not None and warn.cue.text == "warned"
    quote = next(c for c in claims if "Nobody should swim" in c.text)
    assert quote.source is not None and quote.source.text.startswith("co-founder Dr. Ilse Marek")
    assert quote.source_type == "named_person"
    # Near miss: "voted against" is no directive verb.
    assert next(c for c in claims if "voted" in c.text).source_type == "unattributed"


# Content around the cue: a parenthetical, a report parsed as a coordinated verb, a quotation
# after a colon.


def test_parenthetical_attribution(claim: Claim) -> None:
    c = claim("The move, analysts say, could push prices higher.", "push prices")
    assert c.source is not None and c.source.text == "analysts"
    assert c.source_type == "unnamed_group"


def test_parenthetical_attribution_after_an_opening_clause(claim: Claim) -> None:
    # The parse hangs "After the court approved …" on "said", not on what was said.
    c = claim(
        "After the court approved the law six years ago, Hebert said, most state laws were "
        "thought to be safe.",
        "safe",
    )
    assert c.source is not None and c.source.text == "Hebert"
    assert c.content is not None and c.content.text.startswith("After the court")


def test_parenthetical_attribution_after_an_opening_adverb(claim: Claim) -> None:
    # The parse hangs "Instead," on "told" and makes "told" a parenthesis of the clause.
    c = claim("Instead, Okafor told CNN, his plan would merely be to cut taxes.", "taxes")
    assert c.source is not None and c.source.text == "Okafor"
    assert c.cue is not None and c.cue.text == "told"
    assert c.content is not None and "cut taxes" in c.content.text


def test_asking_someone_if_reports_the_question_in_one_claim(claims_of: ClaimsOf) -> None:
    (c,) = claims_of("Keller shook hands and asked workers if they planned to attend the vote.")
    assert c.cue is not None and c.cue.text == "asked"
    assert c.source is not None and c.source.text == "Keller"
    # Near miss: with no one asked, an "if" clause is a condition.
    (c,) = claims_of("Ana Ruiz laughed if anyone mentioned the ferry.")
    assert c.source is None


def test_participles_of_criticism_after_a_clause_are_the_subjects_relations(
    claims_of: ClaimsOf,
) -> None:
    (c,) = claims_of(
        "Since May, the senator has moved left, criticizing the pipeline and calling for a "
        "ban on drilling."
    )
    assert [(r.cue.text, r.source.text) for r in c.relations if r.cue and r.source] == [
        ("criticizing", "the senator"),
        ("calling", "the senator"),
    ]
    assert c.source is None  # the claim stays the writer's
    # Near miss: a participle giving a reason is no stance ("blaming" a season).
    (c,) = claims_of("The bakery cut its forecast, blaming a wet spring.")
    assert c.relations == []


def test_a_verb_with_its_particle_is_a_cue(claims_of: ClaimsOf) -> None:
    # cue_verbs.txt lists "point out" and "go on" with their particles.
    quote = claims_of('"The stock has not done well," Mr. Rubel pointed out. "Not yet."')[0]
    assert quote.cue is not None and quote.cue.text == "pointed out"
    assert quote.source is not None and quote.source.text == "Mr. Rubel"
    (c,) = claims_of("As Speaker Ryan has pointed out, the levy is the highest in the state.")
    assert c.source is not None and c.source.text == "Speaker Ryan"
    (c, _) = claims_of('"The ferry is late again," Ana Ruiz went on. "Nobody cares."')
    assert c.cue is not None and c.cue.text == "went on"
    # Near misses: the verb without its particle, or not beside a quotation.
    (c,) = claims_of("Ana Ruiz pointed to the delays at the harbour.")
    assert c.source is None
    (c,) = claims_of("The harbour festival went on for hours.")
    assert c.source is None


def test_a_verb_with_its_listed_complement_is_a_cue(claims_of: ClaimsOf) -> None:
    # cue_verbs.txt lists "make clear", "put it", "make case" and "fire back".
    (c,) = claims_of("The mayor made it clear that the ferry would not run in winter.")
    assert c.cue is not None and c.cue.text == "made it clear"
    assert c.source is not None and c.source.text == "The mayor"
    (c,) = claims_of("Keller made clear on Friday that he would not resign.")
    assert c.cue is not None and c.cue.text == "made clear"
    (c,) = claims_of('As Ana Ruiz puts it, "the harbour is our living room."')
    assert c.cue is not None and c.cue.text == "puts it"
    assert c.source is not None and c.source.text == "Ana Ruiz"
    (c,) = claims_of("Ruiz made the case that the levy would pay for the ferry.")
    assert c.source is not None and c.cue is not None and c.cue.text == "made the case"
    (c,) = claims_of("Keller fired back that the council had never asked him.")
    assert c.source is not None and c.source.text == "Keller"
    # Near misses: the verbs on their own, or with another word.
    for text in (
        "The storm made the harbour road unsafe.",
        "Keller put it on the table next to the map.",
        "The council made a profit on the ferry last year.",
        "The guards fired at the boat.",
    ):
        (c,) = claims_of(text)
        assert c.source is None and c.relations == [], text


def relation_cues(claims_of: ClaimsOf, text: str) -> list[str]:
    """The cues of the relations in the text's one claim, which stays the writer's."""
    (c,) = claims_of(text)
    assert c.source is None, text
    return [r.cue.text for r in c.relations if r.cue]


def test_a_verb_with_a_listed_noun_of_stance_records_a_relation(claims_of: ClaimsOf) -> None:
    # relation_verbs.txt lists "take aim", "make secret", "make joke", "pay tribute" ...
    for text, cue in (
        ("Keller took aim at the ferry levy on Monday.", "took aim"),
        ("Keller took two swipes at the council on Monday.", "took two swipes"),
        ("The mayor made no secret of her anger at the delay.", "made no secret"),
        ("Keller made a joke about the harbour master.", "made a joke"),
        ("The governor paid tribute to the lifeboat crews.", "paid tribute"),
    ):
        assert relation_cues(claims_of, text) == [cue], text
    for text in ("The bakery made a profit on bread.", "The guards took the boat to port."):
        (c,) = claims_of(text)
        assert c.relations == [], text


def test_a_possessed_claim_noun_with_a_that_clause_records_a_relation(
    claims_of: ClaimsOf,
) -> None:
    (c,) = claims_of("Governor Ruiz's claim that the dam is safe drew protests on Monday.")
    (relation,) = c.relations
    assert relation.cue is not None and relation.cue.text == "claim"
    assert relation.source is not None and relation.source.text.startswith("Governor Ruiz")
    assert c.source is None  # the sentence is the writer's report of the protests
    (c,) = claims_of("His assertion that the ferry makes money surprised the council.")
    assert any(r.cue and r.cue.text == "assertion" for r in c.relations)
    # Near misses: no owner, or no clause of what was claimed.
    for text in (
        "The claim that the dam is safe drew protests on Monday.",
        "Governor Ruiz's claim drew protests on Monday.",
    ):
        (c,) = claims_of(text)
        assert not any(r.cue and r.cue.text == "claim" for r in c.relations), text


def test_parenthetical_attribution_after_an_opening_time_phrase(claim: Claim) -> None:
    # The parse hangs "Every Friday," on "said"; it is when the meetings were.
    c = claim("And every Friday, the former executive said, Novak would lead a meeting.", "lead")
    assert c.source is not None and c.source.text == "the former executive"
    assert c.content is not None and c.content.text.startswith("And every Friday")


def test_attribution_after_content_parsed_as_a_coordinated_verb(claim: Claim) -> None:
    text = (
        "The number of flights cancelled at the airport has risen to 140, including 12 "
        "that were diverted, the state Department of Transportation said in a statement."
    )
    c = claim(text, "risen to 140")
    assert c.source_type == "named_organization"
    assert c.source is not None and "Department of Transportation" in c.source.text


def test_a_quotation_after_a_colon_is_the_reports_content(claims_of: ClaimsOf) -> None:
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


# Venue clause: 'said in a briefing that …' reports the clause; a true relative clause does not.


def test_said_in_a_briefing_that_reports_the_clause(claim: Claim) -> None:
    c = claim(
        "The teachers' union said in a briefing that pay talks had stalled over pensions.",
        "pay talks",
    )
    assert c.source_type == "named_organization"
    assert c.cue is not None and c.cue.text.startswith("said")
    c = claim(
        "The ferry operator said at a hearing on Monday that two routes would close.", "routes"
    )
    assert c.source is not None and c.source.text == "The ferry operator"


def test_a_true_relative_clause_after_a_preposition_is_not_content(claim: Claim) -> None:
    # Near miss: "that lasted" is a true relative clause (its subject is "that").
    c = claim("The envoy arrived late at a briefing that lasted three hours.", "lasted")
    assert c.source_type == "unattributed"


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


def test_speculation_with_a_that_clause_after_a_time_phrase(claim: Claim) -> None:
    c = claim(
        "Supporters had speculated for weeks that the coach would resign before the final.",
        "coach would resign",
    )
    assert c.source_type == "unnamed_group" and c.cue is not None
    # Near miss: "that" as the relative clause's own subject.
    c = claim("Prices rose for months that followed the storm.", "followed the storm")
    assert c.source_type == "unattributed"


# Weak verbs: a clause, and a subject that can hold a view (cue.weak_verb).


def test_questioned_whether_and_asked_whether_are_cues(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Councilwoman Ada Pryce questioned whether the new bridge was worth the cost.\n\n"
        "Parents asked whether the school would reopen before winter.\n\n"
        "The mayor questioned the budget.\n\n"
        "The district asked for a larger grant."
    )
    by_text = {c.text: c for c in claims}
    hit = next(c for t, c in by_text.items() if "worth the cost" in t)
    assert hit.cue is not None and hit.cue.text == "questioned"
    assert hit.source_type == "named_person"
    asked = next(c for t, c in by_text.items() if "reopen before winter" in t)
    assert asked.cue is not None and asked.cue.text == "asked"
    # Near misses: a noun object or a request is no report.
    for words in ("questioned the budget", "larger grant"):
        assert next(c for t, c in by_text.items() if words in t).source_type == "unattributed"


def test_a_weak_verb_needs_a_subject_that_can_report(claim: Claim) -> None:
    c = claim("The second shot found the striker alone at the far post.", "far post")
    assert c.source_type == "unattributed"
    c = claim("The survey found that most tenants paid more than a third of income.", "tenants")
    assert c.source_type == "document"


def test_a_name_tagged_as_a_common_noun_can_hold_a_view(claims_of: ClaimsOf) -> None:
    # The pinned model tags "Wines" opening the sentence as a plural noun.
    claims = claims_of(
        "Debate Night\n\nHenry Wines, a pollster, spent the night in Ohio.\n\n"
        "Wines believes that the campaign took black voters for granted."
    )
    c = next(c for c in claims if "for granted" in c.text)
    assert c.source is not None and c.source.text == "Wines"
    assert c.source_type == "named_person"


def test_a_name_tagged_as_a_common_noun_takes_a_stance(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Debate Night\n\nHenry Wines, a pollster, spent the night in Ohio.\n\n"
        "Wines lashed out at the campaign over its ads."
    )
    c = next(c for c in claims if "lashed" in c.text)
    assert [r.source.text for r in c.relations if r.source] == ["Wines"]


def test_roles_that_can_hold_a_view(claims_of: ClaimsOf) -> None:
    # person_nouns.txt: surrogates, narrators, speechwriters … report and label.
    (c,) = claims_of('The mayor\'s surrogates called the ferry plan "a triumph" on Sunday.')
    assert c.source is not None and c.source.text == "The mayor's surrogates"
    (c,) = claims_of("The speechwriter believes that the draft was leaked.")
    assert c.source is not None and c.source.text == "The speechwriter"


def test_a_part_of_a_whole_that_can_hold_a_view_holds_one(claim: Claim) -> None:
    c = claim("A majority of voters believe that the economy is getting worse.", "economy")
    assert c.source is not None and c.source.text == "A majority of voters"
    assert c.source_type == "unnamed_group"
    # Near miss: delays hold no view, however many.
    c = claim("A series of delays suggests that the bridge will open late.", "bridge")
    assert c.source_type == "unattributed"


@pytest.mark.parametrize(
    ("text", "source", "source_type"),
    [
        (
            "The moderator believes that the candidates ignored the questions.",
            "The moderator",
            "unnamed_person",
        ),
        (
            "Several conservatives think that the debate went badly for the governor.",
            "Several conservatives",
            "unnamed_group",
        ),
    ],
)
def test_people_of_a_campaign_can_hold_a_view(
    claim: Claim, text: str, source: str, source_type: str
) -> None:
    c = claim(text, "that")
    assert c.source is not None and c.source.text == source
    assert c.source_type == source_type


# Stance verbs: an object or an 'as' complement, a subject that can hold a stance; a narrated
# person's pronoun.


def test_stance_verbs_with_object_or_as_complement(claim: Claim) -> None:
    for text, words, source in (
        ("The opposition dismissed the budget as a stunt.", "stunt", "The opposition"),
        ("Her old coach, Dara Quinn, remembers him as stubborn.", "stubborn", "Dara Quinn"),
        ("Several landlords have raised concerns about the rules.", "concerns", "landlords"),
        ("The teachers' union welcomed the decision.", "decision", "union"),
    ):
        c = claim(text, words)
        assert c.source_type != "unattributed", text
        assert c.source is not None and source in c.source.text, text


def test_praising_a_person_and_listing_anything_are_stances(claim: Claim) -> None:
    # The person praised or criticised is what the stance is about; a list is what was
    # listed, whatever it holds.
    c = claim("The senator has praised Governor Ruiz for months.", "Governor Ruiz")
    assert c.source is not None and c.source.text == "The senator"
    c = claim("Keller then listed the qualities a good mayor needs.", "qualities")
    assert c.source is not None and c.source.text == "Keller"
    # Near miss: a number of people welcomed is no stance.
    assert claim("The choir welcomed 40 new members.", "members").source_type == "unattributed"


def test_evaluation_verbs_record_relations(claims_of: ClaimsOf) -> None:
    for text, verb in (
        ("The mayor derided the proposal as a gimmick for tourists.", "derided"),
        ("Ruiz lambasted the council over the budget delay.", "lambasted"),
        ("Keller rebutted the charge in a long interview.", "rebutted"),
        ("The mayor downplayed the risk of flooding.", "downplayed"),
        ("Keller brushed aside questions about the budget.", "brushed aside"),
        ("The mayor hammered the council over the delays.", "hammered"),
        ("The mayor blamed the council's budget cuts.", "blamed"),
    ):
        (c,) = claims_of(text)
        cues = [r.cue.text for r in c.relations if r.cue] + ([c.cue.text] if c.cue else [])
        assert any(verb in cue for cue in cues), text


def test_speaking_about_a_topic_is_a_relation_speaking_somewhere_is_not(
    claims_of: ClaimsOf,
) -> None:
    for text, cue in (
        ("Ana Ruiz also spoke about the proposed ferry tax.", "spoke"),
        ("Keller spoke out sharply against the ban.", "spoke out"),
        ("The mayor campaigned against the ferry levy all summer.", "campaigned"),
        ("Ana Ruiz touched on the harbour budget.", "touched"),
        ("The two candidates sparred over the budget on Tuesday.", "sparred"),
        ("Keller opened up about his illness last week.", "opened up"),
    ):
        assert relation_cues(claims_of, text) == [cue], text
    # Near misses: where or to whom someone spoke, and how a source is hidden.
    for text in (
        "Ruiz will speak at the harbour festival.",
        "An official spoke on condition of anonymity.",
        "Keller opened the shop on Monday.",
        "The two boxers sparred in the gym.",
    ):
        (c,) = claims_of(text)
        assert c.relations == [], text


def test_stance_verbs_without_a_stance_are_narration(claim: Claim) -> None:
    for text, words in (
        ("The flood dismissed any hope of a harvest as the river rose.", "harvest"),
        ("He remembers the winter of 1987.", "winter"),
        ("The bakery raised prices by 8 percent.", "prices"),
        ("The choir welcomed 40 new members.", "members"),
    ):
        assert claim(text, words).source_type == "unattributed", text


def test_a_stance_verb_without_its_stance_nouns_records_no_relation(
    claims_of: ClaimsOf,
) -> None:
    # "raise" is a stance only with concerns, questions, doubts …; raising money for
    # someone relates the raiser to nobody's claim.
    (c,) = claims_of("The senator raised money for flood victims in the spring.")
    assert c.relations == []
    # Near miss: with its noun it is a stance, whatever follows.
    (c,) = claims_of("The senator raised concerns about the flood defences.")
    assert c.source is not None and c.source.text == "The senator"


def test_continuing_to_do_something_is_no_speech(claims_of: ClaimsOf) -> None:
    # "continue" reports only beside a quotation ('"…," she continued'); a scare-quoted
    # name does not make "continues to battle" speech.
    (c,) = claims_of(
        "As the \u201cKeep Left\u201d movement continues to battle the council, the mayor "
        "has stayed quiet."
    )
    assert c.relations == [] and c.source is None
    # Near miss: "asked to see the files" is a request.
    (c,) = claims_of("The auditor asked to see the files before the vote.")
    assert c.relations or c.source is not None


def test_a_dummy_it_borrowed_from_another_verb_speaks_for_nobody(claim: Claim) -> None:
    c = claim("On a practical level, it means admitting that the plan failed.", "plan failed")
    assert c.source is None
    # Near miss: "it" as a verb's own subject can be an organisation speaking.
    c = claim("The agency was asked about the delay. It said the plan had failed.", "failed")
    assert c.source is not None and c.source.text == "It"


def test_a_person_recalling_something_is_a_report(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Ines Kowalski was 22 when she joined the mountain rescue team.\n\n"
        "She recalls the avalanche of her second season, when the pass was shut for a week.\n\n"
        "\u201cYou never forget the first body. The snow was still falling when we got there.\n\n"
        "\u201cPeople think it gets easier. It does not.\u201d"
    )
    for words in ("avalanche", "first body", "gets easier"):
        c = next(c for c in claims if words in c.text)
        assert c.resolved_to is not None and c.resolved_to.text == "Ines Kowalski", words
    # Near miss: a company recalling products reports nothing.
    (c,) = claims_of("The toy maker recalled its wooden trains in May.")
    assert c.source_type == "unattributed"


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


# Quote-only verbs (asked, wondered): a quotation beside them or an indirect question.


def test_quote_only_verbs_need_a_quotation(claims_of: ClaimsOf) -> None:
    asked = claims_of("“Why now?” the judge asked.")
    assert asked[0].kind == "quote" and asked[0].cue is not None
    request = claims_of("The union asks the city to delay the vote.")
    assert request[0].source_type == "unattributed"


def test_a_quotation_in_the_next_paragraph_does_not_make_a_cue(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Three nurses described the night shift.\n\n"
        "The union asked that the ward be closed for repairs.\n\n"
        '"We were exhausted," one nurse said.'
    )
    c = next(c for c in claims if "ward be closed" in c.text)
    assert c.source_type == "unattributed"
    # Near miss: a quotation in the same paragraph still counts for a quote-only verb.
    d = claims_of('"Who pays for this?" the mayor asked.')[0]
    assert d.source is not None and d.source.text == "the mayor"


# 'In a statement' attributes the clause to its subject (cue.statement).


def test_in_a_statement_attributes_the_clause(claim: Claim) -> None:
    c = claim("In a statement, the mayor's office urged people to avoid travel.", "avoid travel")
    assert c.source is not None and c.source.text == "the mayor's office"
    assert c.source_type == "named_organization"
    # The verb the phrase modifies is the cue; the phrase is why it reports.
    c = claim("In a statement, the company apologized for the delay.", "delay")
    assert c.source is not None and c.source.text == "the company"
    assert c.cue is not None and c.cue.text == "apologized"
    assert any(e.rule == "cue.statement" for e in c.evidence)
    # A report coordinated with the verb the phrase modifies is what the statement said.
    c = claim(
        "In a statement, Gov. Ana Ruiz blasted the legislature and said the state had set "
        "aside $26 million for flood prevention.",
        "flood prevention",
    )
    assert c.cue is not None and c.cue.text == "said"
    assert [r.cue.text for r in c.relations] == ["blasted"]


# 'Quoted as saying', the outlet that quoted is the relay (cue.quoted_as_saying).


def test_quoted_as_saying_by_an_outlet_after_the_quote(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        '"We will not sign this deal," Ortega was quoted as saying by the local radio station.'
        "\n\nThe minister was quoted by Interfax as saying the pipeline would open in May."
        "\n\nThe memo was quoted in full by the newspaper."
    )
    q = next(c for c in claims if "sign this deal" in c.text)
    assert q.source is not None and q.source.text == "Ortega"
    assert q.cue is not None and q.cue.text == "quoted as saying"
    assert q.relayed_by is not None and q.relayed_by.text == "the local radio station"
    s = next(c for c in claims if "pipeline" in c.text)
    assert s.relayed_by is not None and s.relayed_by.text == "Interfax"
    # Near miss: quoting a document, with no "as saying", reports nothing.
    assert next(c for c in claims if "in full" in c.text).source_type == "unattributed"


# A refusal to comment rests on whoever refused (cue.no_comment).


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


# A credit line under a pull quote (cue.credit, source.credit).


def test_a_credit_line_under_a_pull_quote_names_its_source(claims_of: ClaimsOf) -> None:
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


def test_a_credit_on_the_quotations_own_line_names_its_source(claims_of: ClaimsOf) -> None:
    # Reader-reaction pieces put the credit after the closing mark, often with a
    # horizontal bar (U+2015) glued to it.
    claims = claims_of(
        "Readers Respond\n\n"
        "\u201cThe buses never come on time.\u201d \u2015 Lena Ortiz\n\n"
        "\u201cRents went up again and my wages did not.\u201d\u2015 Tomas Weber.\n\n"
        "\u201cNobody asked us about the new road.\u201d \u2014 Priya Nair"
    )
    quotes = [c for c in claims if c.kind == "quote"]
    assert [c.source.text if c.source else None for c in quotes] == [
        "Lena Ortiz",
        "Tomas Weber",
        "Priya Nair",
    ]
    assert len(claims) == 4  # the credits are no claims of their own
    # Near miss: a dash and a name inside a sentence that goes on is no credit.
    claims = claims_of(
        "Budget Talks\n\nThe council voted \u201cno\u201d \u2014 Mayor Lena Ortiz was absent."
    )
    assert all(c.source is None for c in claims)


# Headlines: 'X Says …', '…, Study Finds', '…, says Minister' (cue.headline).


def test_headline_ending_in_finds_or_shows_rests_on_its_subject(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Coffee Drinkers Live Longer, New Survey Shows\n\n"
        "The survey of 40,000 adults was published on Monday in a medical journal."
    )
    c = claims[0]
    assert c.kind == "headline" and c.source_type == "document"
    assert c.source is not None and c.source.text == "New Survey"
    assert c.cue is not None and c.cue.text == "Shows"


def test_a_headline_stance_word_is_a_relation_and_the_headline_stays_the_writers(
    claims_of: ClaimsOf,
) -> None:
    c = claims_of("Mayor Reyes Slams Council Over Budget Cuts\n\nThe mayor spoke on Monday.")[0]
    assert c.kind == "headline" and c.source_type == "unattributed" and c.source is None
    assert [(r.rule, r.cue.text, r.source and r.source.text) for r in c.relations] == [
        ("cue.headline", "Slams", "Mayor Reyes")
    ]


def test_headline_with_two_clauses_and_no_cue_stays_unattributed(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Storm Hits Coast, Thousands Flee\n\nThe storm came ashore on Monday near the port."
    )
    assert claims[0].kind == "headline" and claims[0].source_type == "unattributed"


def test_british_headline_with_says_after_the_content(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Rail fares to rise by 5 percent in March, says Transport Secretary\n\n"
        "The increase was announced on Monday in a written statement to Parliament."
    )
    c = claims[0]
    assert c.kind == "headline" and c.cue is not None and c.cue.text == "says"
    assert c.source is not None and c.source.text == "Transport Secretary"
    # Near miss: a verb after "says" makes it a second clause, not a source.
    other = claims_of("Bank holds rates steady, says inflation is easing\n\nThe bank met.")[0]
    assert other.source_type == "unattributed"


def test_single_quoted_headline_with_says_after(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Rents to fall 'by autumn', says Housing Minister\n\n"
        "The minister spoke in Leeds. 'We will fix this,' she told reporters."
    )
    assert claims[0].source is not None and claims[0].source.text == "Housing Minister"
    c = next(c for c in claims if "fix this" in c.text)
    assert c.source_type != "unattributed"


# The outermost attribution owns the sentence; the writer's own questions report nothing.


def test_nested_attribution_keeps_the_outermost_source(claim: Claim) -> None:
    c = claim(
        "The union said the company plans to close two plants, a claim the company denied.",
        "close two plants",
    )
    assert c.source is not None and c.source.text == "The union"


def test_writer_sentence_with_embedded_says_stays_unattributed(claim: Claim) -> None:
    c = claim(
        "Tensions are running high over the decision to buy the missiles, which Washington "
        "says are not compatible with its systems.",
        "Tensions are running high",
    )
    assert c.source_type == "unattributed"


def test_a_question_in_the_writers_voice_reports_nothing(claims_of: ClaimsOf) -> None:
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


# Relations: evaluations and requests are recorded, the claim stays the writer's
# (cue.relation); reports the claim does not rest on are relations too.


def test_an_evaluation_is_a_relation_not_the_claims_source(claim: Claim) -> None:
    c = claim("Governor Bush attacked the plan on Tuesday.", "attacked")
    assert c.source_type == "unattributed" and c.source is None
    (relation,) = c.relations
    assert relation.rule == "cue.relation"
    assert relation.source is not None and relation.source.text == "Governor Bush"
    assert relation.cue.text == "attacked"
    assert relation.content is not None and relation.content.text.startswith("the plan")


def test_a_stance_needs_someone_who_can_hold_it(claim: Claim) -> None:
    c = claim("The storm attacked the coast on Tuesday.", "storm")
    assert c.relations == []


def test_a_request_is_a_relation(claim: Claim) -> None:
    c = claim("The State Department asked Turkey to delay the purchase.", "delay")
    assert c.source_type == "unattributed"
    assert [r.cue.text for r in c.relations] == ["asked"]


def test_a_negated_report_is_a_relation(claim: Claim) -> None:
    c = claim("Officials did not say how much the repairs would cost.", "repairs")
    assert c.source_type == "unattributed"
    assert [r.cue.text for r in c.relations] == ["say"]


def test_a_report_inside_a_report_is_left_out(claim: Claim) -> None:
    c = claim("The mayor said the governor wants to close the depot.", "depot")
    assert c.source is not None and c.source.text == "The mayor"
    assert c.relations == []


def test_a_relation_does_not_swallow_the_sentences_own_according_to(claim: Claim) -> None:
    c = claim(
        "Party leaders are weighing whether to split the bill, according to two people "
        "familiar with the talks.",
        "weighing",
    )
    assert c.source is not None and c.source.text == "two people familiar with the talks"
    assert c.source_type == "anonymous"


def test_what_a_relation_is_about_is_no_claim_of_its_own(claim: Claim) -> None:
    c = claim(
        "The United States had hoped that Ankara would agree to delay the purchase.",
        "Ankara would agree",
    )
    assert c.source_type == "unattributed"
    assert "had hoped" in c.text  # one claim, not split at the nested "agree"


# Intentions and beliefs source the claim (cue.intention, cue.weak_verb).


def test_an_intention_rests_on_whoever_intends(claim: Claim) -> None:
    c = claim("The senator wants to cut the budget by a third.", "budget")
    assert c.source_type == "unnamed_person"
    assert c.cue is not None and c.cue.text == "wants"
    assert any(e.rule == "cue.intention" for e in c.evidence)
    c = claim("The senator wants a new car.", "car")
    assert c.source_type == "unattributed"


def test_a_refusal_to_comment_is_no_intention(claim: Claim) -> None:
    c = claim("Brindle Foods declined to comment on the recall.", "recall")
    assert c.cue is not None and c.cue.text == "declined to comment"
    c = claim("She declined to say whether the plant would close.", "plant")
    assert c.cue is not None and c.cue.text.startswith("declined")


def test_knowledge_and_belief_with_a_clause(claim: Claim) -> None:
    c = claim("Most candidates know that they can rely on the network.", "rely")
    assert c.source is not None and c.source.text == "Most candidates"
    c = claim("Most candidates know the network well.", "network")
    assert c.source_type == "unattributed"


# Speaker labels (cue.speaker_label).


def test_a_transcript_speaker_sources_the_rest_of_the_paragraph(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Candidate Interview\n\nTAPPER: Do you regret the remark? It hurt people.\n\n"
        "SANDERS: No, I stand by it."
    )
    first, rest, answer = claims[1], claims[2], claims[3]
    assert first.source is not None and first.source.text == "TAPPER"
    assert first.cue is not None and first.cue.text == ":"
    assert first.source_type == "named_person"
    assert rest.source_type == "named_person" and rest.resolved_to is not None
    assert answer.source is not None and answer.source.text == "SANDERS"


def test_a_headline_credit_names_someone_the_article_names(claims_of: ClaimsOf) -> None:
    # In a title-case headline the model may tag the name a common noun; the body names
    # him, so the label is a speaker.
    claims = claims_of(
        "Cruz: Trump Would Put Liberals On Court\n\n"
        "Senator Ted Cruz said on Tuesday that the court was at stake. Cruz spoke in Iowa."
    )
    headline = claims[0]
    assert headline.source is not None and headline.source.text == "Cruz"
    assert headline.cue is not None and headline.cue.text == ":"


@pytest.mark.parametrize(
    ("title", "source", "source_type"),
    [
        ("Poll: Most renters expect higher costs next year.", "Poll", "document"),
        ("Economists: The rate cut came too late", "Economists", "unnamed_group"),
        ("Okafor to City Hall: Fix the roads before winter.", "Okafor", "named_person"),
    ],
)
def test_a_title_credits_a_source_noun_or_a_speaker_addressing_someone(
    claims_of: ClaimsOf, title: str, source: str, source_type: str
) -> None:
    claims = claims_of(title + "\n\nThe council met on Monday to discuss the results.")
    c = claims[0]
    assert c.source is not None and c.source.text == source
    assert c.cue is not None and c.cue.text == ":"
    assert c.source_type == source_type
    # Near miss: below the title, a source noun and a colon open a list, not a credit.
    claims = claims_of(
        "Budget Vote\n\nThe council met on Monday.\n\nEconomists: Ana Ruiz, Tom Hale."
    )
    assert all(c.cue is None or c.cue.text != ":" for c in claims)


def test_fields_of_the_page_and_interview_letters_are_no_speakers(claims_of: ClaimsOf) -> None:
    claims = claims_of(
        "Candidate Interview\n\nDate: Monday, June 6\n\nQ: Why now?\n\n"
        "Iowa: Tim Albrecht, Brad Anderson, Rob Barron."
    )
    assert all(c.cue is None or c.cue.text != ":" for c in claims)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The mayor said the road will close, according to officials.", "The mayor"),
        ("The mayor said that, according to officials, the road will close.", "The mayor"),
    ],
)
def test_a_report_and_according_to_in_one_sentence_keep_one_source(
    claim: Claim, text: str, source: str
) -> None:
    # Each lies in the other's content; dropping both left the sentence unattributed.
    c = claim(text, "road will close")
    assert c.source is not None and c.source.text == source
    assert c.cue is not None and c.cue.text == "said"
    # Whose account the report is stays on record, as a relation.
    assert [(r.cue.text, r.source.text) for r in c.relations if r.cue and r.source] == [
        ("according to", "officials")
    ]


def test_a_fronted_poll_sources_what_follows(claim: Claim) -> None:
    c = claim("In a new Harbour Gazette poll, 61 percent of residents backed the plan.", "61")
    assert c.source is not None and c.source.text == "a new Harbour Gazette poll"
    assert c.cue is not None and c.cue.text == "In"
    assert c.source_type == "document"
    # With a report of its own, the sentence stays that report's; the poll is a relation.
    c = claim("In a Gazette poll, 75 percent of voters said the council cannot be trusted.", "75")
    assert c.source is not None and c.source.text == "75 percent of voters"
    assert [r.source.text for r in c.relations if r.rule == "cue.poll" and r.source] == [
        "a Gazette poll"
    ]
    # Near misses: a poll after the verb, and a statement, are no source of the sentence.
    assert claim("Reyes leads in the latest poll, with 40 percent.", "Reyes").source is None
    c = claim("In a statement, the harbour board backed the ferry plan.", "ferry")
    assert c.source is not None and c.source.text == "the harbour board"


def test_reports_either_side_of_a_semicolon_are_two_claims(claims_of: ClaimsOf) -> None:
    # The parse hangs the first "said" on the second as its clause: neither owns the other.
    claims = claims_of(
        "More than six in 10 said they were tired of the campaign; 46 percent said they were "
        "unenthusiastic about the election."
    )
    sources = [c.source.text for c in claims if c.source is not None]
    assert sources == ["More than six in 10", "46 percent"]
    # Near miss: without the semicolon, a report inside another's content stays nested.
    claims = claims_of("The mayor said the council said the road would close.")
    assert [c.source.text for c in claims if c.source is not None] == ["The mayor"]


def test_a_passive_report_naming_no_one_is_recorded_and_the_claim_stays_the_writers(
    claim: Claim,
) -> None:
    c = claim("Sanders is widely expected to win the primary on Tuesday.", "Sanders")
    assert c.source_type == "unattributed" and c.source is None
    (relation,) = c.relations
    assert relation.rule == "cue.agentless"
    assert relation.cue.text == "is widely expected"
    assert relation.source is None
    assert relation.content is not None and "to win the primary" in relation.content.text


def test_a_passive_report_with_an_agent_is_no_agentless_report(claim: Claim) -> None:
    c = claim("The bridge was said by engineers to be unsafe.", "bridge")
    assert all(r.rule != "cue.agentless" for r in c.relations)


def test_a_statement_issued_saying_is_the_issuers_report(claim: Claim) -> None:
    c = claim(
        "On Saturday, the governor issued a statement saying that the bridge would reopen.",
        "bridge would reopen",
    )
    assert c.source is not None and c.source.text == "the governor"
    assert c.cue is not None and c.cue.text == "saying"
    # The report replaces the bare relation "issued" of the same source.
    assert all(r.cue.text != "issued" for r in c.relations)


def test_a_fronted_asked_is_a_question_put_by_no_one_named(claim: Claim) -> None:
    c = claim("Asked about the charges, Rubio said the reforms were not amnesty.", "Rubio")
    assert c.source is not None and c.source.text == "Rubio"
    assert [(r.rule, r.cue.text, r.source) for r in c.relations] == [
        ("cue.agentless", "Asked", None)
    ]


def test_asked_if_is_a_question_put_by_no_one_named(claim: Claim) -> None:
    # The pinned model makes the "if" question an adverbial clause of "Asked".
    c = claim("Asked if the pool would ever reopen, the mayor said no.", "mayor")
    assert c.source is not None and c.source.text == "the mayor"
    assert ("cue.agentless", "Asked", None) in [(r.rule, r.cue.text, r.source) for r in c.relations]


def test_asked_after_when_is_a_question_put_by_no_one_named(claim: Claim) -> None:
    c = claim('"We will see," the mayor said when asked whether the pool would reopen.', "see")
    assert c.source is not None and c.source.text == "the mayor"
    assert ("cue.agentless", "asked", None) in [(r.rule, r.cue.text, r.source) for r in c.relations]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor denounced the plan to close the library.", "denounced"),
        ("A senator is calling for the minister to be dismissed.", "calling"),
    ],
)
def test_stances_and_requests_without_a_frame_are_relations(
    claim: Claim, text: str, cue: str
) -> None:
    c = claim(text, cue)
    assert c.source_type == "unattributed"
    assert [r.cue.text for r in c.relations] == [cue]


def test_what_a_document_shows_ends_before_a_clause_coordinated_after_it(
    claims_of: ClaimsOf,
) -> None:
    claims = claims_of(
        "Footage of the stop shows him with his arms in the air in the seconds before he was "
        "tackled, but Reyes said he refused to follow her orders."
    )
    shown = next(c for c in claims if c.cue is not None and c.cue.text == "shows")
    assert "Reyes" not in shown.text
    said = next(c for c in claims if "refused" in c.text)
    assert said.source is not None and said.source.text == "Reyes"
    assert said.cue is not None and said.cue.text == "said"


def test_a_video_a_photo_or_polling_can_report(claim: Claim) -> None:
    c = claim("Exit polling showed that the mayor won every district.", "mayor won")
    assert c.source is not None and c.source.text == "Exit polling"
    assert c.source_type == "document"
    c = claim("A video posted on Monday shows the mayor leaving the building.", "video")
    assert c.cue is not None and c.cue.text == "shows"
    c = claim("Photos showed mourners crouched over covered bodies.", "mourners")
    assert c.source is not None and c.source.text == "Photos"
    assert c.source_type == "document"


def test_the_writers_hedge_is_recorded_and_the_claim_stays_the_writers(claim: Claim) -> None:
    c = claim("It appears that the deal is off after a week of talks.", "deal is off")
    assert c.source_type == "unattributed"
    assert [(r.rule, r.cue.text, r.source) for r in c.relations] == [("cue.hedge", "appears", None)]
    # "appeared on the stage" hedges nothing.
    c = claim("The senator appeared on the stage at noon.", "stage")
    assert c.relations == []


def test_continued_after_a_quotation_is_a_cue(claim: Claim) -> None:
    c = claim('"We will win this state," he continued. "Nobody can stop us."', "win this state")
    assert c.cue is not None and c.cue.text == "continued"
    assert claim("The storm continued for three days.", "storm").cue is None


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("As Comey noted, people in the case could still face sanctions.", "Comey", "noted"),
        ("The deal collapsed, as the Times reported on Monday.", "the Times", "reported"),
        ("As reported by the Journal, the mayor knew of the risk.", "the Journal", "reported"),
        ("As Okafor told the Gazette, the depot will close in May.", "Okafor", "told"),
    ],
)
def test_an_as_clause_sources_the_clause_it_hangs_on(
    claim: Claim, text: str, source: str, cue: str
) -> None:
    c = claim(text, cue)
    assert c.source is not None and c.source.text == source
    assert c.cue is not None and c.cue.text == cue
    assert claim("As expected, the deal collapsed.", "deal").source is None


def test_questioning_or_noting_a_thing_is_a_relation(claim: Claim) -> None:
    c = claim("Mr. Christie questioned his depth and experience.", "questioned")
    assert c.source_type == "unattributed"
    assert [(r.cue.text, r.source and r.source.text) for r in c.relations] == [
        ("questioned", "Mr. Christie")
    ]


def test_what_a_document_shows_is_what_it_reports(claim: Claim) -> None:
    c = claim("Two recent polls show a 56% approval rating for the judge.", "approval")
    assert c.source is not None and c.source.text == "Two recent polls"
    assert c.cue is not None and c.cue.text == "show"
    c = claim("The poll shows Mayor Ruiz 16 points ahead in the district.", "ahead")
    assert c.source_type == "document"
    # A person's or a thing's "shows" is no report ("the photo shows" is a caption).
    assert claim("The team showed great spirit on Sunday.", "spirit").source is None


def test_reportedly_records_a_report_naming_no_one(claim: Claim) -> None:
    c = claim("The council reportedly paid the contractor in cash.", "contractor")
    assert c.source_type == "unattributed"
    assert [(r.rule, r.cue.text, r.source) for r in c.relations] == [
        ("cue.agentless", "reportedly", None)
    ]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "Two senators were sharply critical of the plan to close the base.",
            "Two senators",
            "were sharply critical of",
        ),
        (
            "Aides briefed on the talks were adamant that the deal would hold.",
            "Aides briefed on the talks",
            "were adamant",
        ),
    ],
)
def test_a_stance_adjective_is_a_relation_of_its_holder(
    claim: Claim, text: str, source: str, cue: str
) -> None:
    c = claim(text, source)
    assert c.source_type == "unattributed"
    assert [(r.cue.text, r.source and r.source.text) for r in c.relations] == [(cue, source)]
    # A thing holds no stance.
    assert claim("The soup was critical of nothing.", "soup").relations == []
