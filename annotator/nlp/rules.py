"""Every detection rule, declared once: its id, the stage that applies it, the line a
reviewer reads, its confidence, an example where it fires and, where one helps, a near miss.

The id is what evidence records carry; the `why` is what the review screen shows beside
the evidence span. Code refers to the declarations below (``rules.CUE_VERB``), so an
undeclared rule cannot be used; `tests/nlp/test_rule_registry.py` runs every example and
near miss through the real pipeline, and checks that the table in docs/detection.md is
the one `python -m annotator.nlp.rules` prints.

A confidence is what the rule gives a claim: for cues, the attribution's confidence; for
source types, the type's; for resolution, a ceiling; for anonymity phrases, a floor
(the phrase, not the guessed noun, then decides the type). A claim's confidence is the
lower of its cue's and its source's. ``None``: the rule finds a span or sets a field and
leaves the confidence to the others. Some rules have variants: the same decision reached
from different evidence, each with its own wording and confidence.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

from annotator.records import Evidence

STAGES = ("claims", "cues", "sources", "resolution", "anonymity")
# An attribution whose content comes before its cue ("…, she said") is a little less sure.
AFTER_CONTENT_PENALTY = 0.05


@dataclass(frozen=True)
class Variant:
    why: str
    confidence: float | None


@dataclass(frozen=True)
class Rule:
    id: str
    stage: str
    why: str  # may hold {placeholders}, filled from the text at hand
    confidence: float | None
    example: str  # an article text in which the rule fires
    near_miss: str | None = None  # a similar text in which it must not
    variants: dict[str, Variant] = field(default_factory=dict)

    def text(self, variant: str | None = None, **fields: Any) -> str:
        """The reviewer's line, its placeholders filled."""
        why = self.why if variant is None else self.variants[variant].why
        return why.format(**fields) if fields else why  # most lines have no placeholders

    def conf(self, variant: str | None = None) -> float:
        value = self.confidence if variant is None else self.variants[variant].confidence
        assert value is not None, f"rule {self.id} gives no confidence"
        return value

    def evidence(
        self, text: str, start: int, end: int, variant: str | None = None, **fields: Any
    ) -> Evidence:
        return Evidence(self.id, text, start, end, self.text(variant, **fields))


RULES: dict[str, Rule] = {}


def _rule(
    id: str,
    stage: str,
    why: str,
    confidence: float | None,
    example: str,
    near_miss: str | None = None,
    **variants: Variant,
) -> Rule:
    assert id not in RULES, f"rule {id} declared twice"
    assert stage in STAGES, stage
    RULES[id] = rule = Rule(id, stage, why, confidence, example, near_miss, variants)
    return rule


# ---------------------------------------------------------------- claims
KIND_CAPTION = _rule(
    "kind.caption",
    "claims",
    "reads as a photo caption",
    0.75,
    "Storm Hits Coast\n\nA view shows the flooded harbour at Porthleven on Monday.",
    "Storm Hits Coast\n\nThe harbour at Porthleven flooded on Monday.",
    credit=Variant("followed by a photo credit", None),
)
TYPE_WRITER = _rule(
    "type.writer",
    "claims",
    "no attribution cue: the writer's own voice",
    0.7,
    "The river rose two metres overnight.",
    "The river rose two metres overnight, the agency said.",
    caption=Variant("a caption, in the writer's voice", None),
    headline=Variant("no attribution cue: the writer's own voice", 0.5),
)

# ---------------------------------------------------------------- cues
CUE_VERB = _rule(
    "cue.verb",
    "cues",
    "a reporting verb",
    0.9,
    "The mayor said the bridge would reopen in May.",
    "The company added 500 jobs last year.",
)
CUE_WEAK_VERB = _rule(
    "cue.weak_verb",
    "cues",
    "a verb of opinion or stance with a clause: weaker attribution",
    0.6,
    "Analysts believe the rally will fade by spring.",
    "The second shot found the striker unmarked.",
)
CUE_TOLD = _rule(
    "cue.told",
    "cues",
    "'told' plus its audience",
    0.9,
    "The minister told reporters the talks had stalled.",
)
CUE_QUOTED_AS_SAYING = _rule(
    "cue.quoted_as_saying",
    "cues",
    "'quoted as saying' attributes to the subject",
    0.9,
    "The general was quoted as saying the border was secure.",
)
CUE_ACCORDING_TO = _rule(
    "cue.according_to",
    "cues",
    "'according to' names the source",
    0.9,
    "Turnout rose sharply, according to the election commission.",
)
CUE_POLL = _rule(
    "cue.poll",
    "cues",
    "a fronted 'In a … poll,' places what follows in the poll",
    0.8,
    "In a new Harbour Gazette poll, 61 percent of residents backed the ferry plan.",
    "In a statement, the harbour board backed the ferry plan.",
)
CUE_CREDIT = _rule(
    "cue.credit",
    "cues",
    "a dash and a name under a quotation credit it",
    0.8,
    "Farmers Count the Cost\n\n“We are farming on borrowed time.”\n\n— Marie Dufresne",
)
CUE_NO_COMMENT = _rule(
    "cue.no_comment",
    "cues",
    "declining to comment (or not answering) is the source's reply",
    0.5,
    "Brindle Foods declined to comment on the recall.",
    "The mayor declined the invitation and stayed home.",
)
CUE_HEADLINE = _rule(
    "cue.headline",
    "cues",
    "a headline of the form 'X says ...'",
    0.55,
    "Daily Walks Cut Risk, Large Study Finds\n\nThe study followed 9,000 adults.",
)
CUE_STATEMENT = _rule(
    "cue.statement",
    "cues",
    "'in a statement' (or interview, letter) attributes the clause to its subject",
    0.8,
    "In a statement, the ministry urged calm.",
)

CUE_SPEAKER_LABEL = _rule(
    "cue.speaker_label",
    "cues",
    "a speaker's label and a colon open the line ('TAPPER:', 'Q:', 'Name: headline')",
    0.8,
    "Candidate Interview\n\nTAPPER: Do you regret the remark?\n\nSANDERS: No, I stand by it.",
    "Candidate Interview\n\nDate: Monday, June 6\n\nThe race tightened.",
)
CUE_INTENTION = _rule(
    "cue.intention",
    "cues",
    "an intention or decision reported with its infinitive ('wants to', 'refused to')",
    0.6,
    "The senator wants to cut the budget by a third.",
    "The senator wants a new car.",
)
CUE_RELATION = _rule(
    "cue.relation",
    "cues",
    "a stance or request taken by the source: recorded, but the claim stays the writer's",
    0.6,
    "Governor Bush attacked the plan on Tuesday.",
    "The storm attacked the coast on Tuesday.",
)
CUE_AGENTLESS = _rule(
    "cue.agentless",
    "cues",
    "a report that names no one ('is expected to', 'is said to'): recorded, the claim stays "
    "the writer's",
    0.6,
    "Sanders is widely expected to win the primary.",
    "Sanders is expected by his aides to win the primary.",
)
CUE_HEDGE = _rule(
    "cue.hedge",
    "cues",
    "the writer hedges ('seems to', 'it appears that'): recorded, the claim stays the writer's",
    0.5,
    "The race seemed close in New Hampshire on Tuesday.",
    "The senator appeared on the stage at noon.",
)

# ---------------------------------------------------------------- sources (the span)
SOURCE_SUBJECT = _rule(
    "source.subject",
    "sources",
    "the subject of the reporting verb",
    None,
    "The mayor said the bridge would reopen in May.",
)
SOURCE_SHARED_SUBJECT = _rule(
    "source.shared_subject",
    "sources",
    "the subject shared by coordinated verbs",
    None,
    "Turkey has pointed to delays and argued that the deal still stands.",
)
SOURCE_RELATIVE = _rule(
    "source.relative",
    "sources",
    "a relative pronoun: '{word}' stands for '{antecedent}'",
    None,
    "The plan drew fire from its allies, who warned that costs would rise.",
)
SOURCE_ACCORDING_TO = _rule(
    "source.according_to",
    "sources",
    "the object of 'according to'",
    None,
    "Turnout rose sharply, according to the election commission.",
)
SOURCE_POLL = _rule(
    "source.poll",
    "sources",
    "the poll or survey the sentence is placed in",
    None,
    "In a new Harbour Gazette poll, 61 percent of residents backed the ferry plan.",
)
SOURCE_HEADLINE = _rule(
    "source.headline",
    "sources",
    "the words before the headline's cue",
    None,
    "Daily Walks Cut Risk, Large Study Finds\n\nThe study followed 9,000 adults.",
)
SOURCE_CITING = _rule(
    "source.citing",
    "sources",
    "the source the reporting outlet cites",
    None,
    "The Journal reported, citing people familiar with the matter, that the deal was off.",
)
SOURCE_SPEAKER_LABEL = _rule(
    "source.speaker_label",
    "sources",
    "the speaker's label before the colon",
    None,
    "Candidate Interview\n\nTAPPER: Do you regret the remark?\n\nSANDERS: No, I stand by it.",
)
SOURCE_CONTROLLER = _rule(
    "source.controller",
    "sources",
    "the subject of the verb the infinitive completes ('continued to insist')",
    None,
    "The senator continued to insist that the bill would pass.",
)
SOURCE_AGENT = _rule(
    "source.agent",
    "sources",
    "the agent of a passive verb ('reported by the Herald')",
    None,
    "Rubio was asked by a moderator whether his plan would cost too much.",
)
SOURCE_PARTICIPLE = _rule(
    "source.participle",
    "sources",
    "the subject of the clause the participle ('saying') hangs on",
    None,
    "The coach was less complimentary, saying his side had been too passive.",
    "The coach left the room, saying nothing.",
)
SOURCE_INVERTED = _rule(
    "source.inverted",
    "sources",
    "the noun right after an inverted reporting verb ('said a man ...')",
    None,
    "“It's a quiet street,” said a man walking his dog.",
)
SOURCE_APPOSED_CLAUSE = _rule(
    "source.apposed_clause",
    "sources",
    "the subject before a participle set off by commas",
    None,
    "The policy, last updated in 2022, says tenants must be told in writing.",
)
SOURCE_ABSORBED = _rule(
    "source.absorbed",
    "sources",
    "the subject the parse hung on the phrase before the verb",
    None,
    "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he "
    "spoke with Mr. Sanders on Tuesday.",
)
SOURCE_NOUN_READ_AS_VERB = _rule(
    "source.noun_read_as_verb",
    "sources",
    "a document noun the model read as a verb, with the noun before it",
    None,
    "Hospital reports early on Saturday morning indicate one death.",
    "The hospital reports that one patient died.",
)
SOURCE_AFTER_QUOTE = _rule(
    "source.after_quote",
    "sources",
    "the words between the quotation's closing mark and the verb",
    0.75,
    "Rally in Lagos\n\n“We will win this,” Okonjo told supporters.",
)
SOURCE_CREDIT = _rule(
    "source.credit",
    "sources",
    "the name in the credit line under the quotation",
    None,
    "Farmers Count the Cost\n\n“We are farming on borrowed time.”\n\n— Marie Dufresne",
)
SOURCE_DANGLING_NAME = _rule(
    "source.dangling_name",
    "sources",
    "the name that opens the sentence (parsed as a modifier)",
    None,
    "Investors sold shares of Ledgerly on Monday.\n\nLedgerly declined to comment.",
    "Budget Fight Looms\n\nVarga was asked by a reporter whether the plan would cost too much.",
)
SOURCE_FRONTED_NAME = _rule(
    "source.fronted_name",
    "sources",
    "the name before the apposition the parser took as subject",
    None,
    "Payments Start-Up Ledgerly Cuts Staff\n\nLedgerly, the San Francisco payments start-up "
    "valued at $6 billion last year, said on Monday that it would lay off 340 employees.",
)
RELAY_CITED_BY = _rule(
    "relay.cited_by",
    "sources",
    "the source is passed on through another outlet",
    None,
    "Two officials cited by Bloomberg said the sale was delayed.",
)

# ---------------------------------------------------------------- sources (the type)
TYPE_QUANTIFIER = _rule(
    "type.quantifier",
    "sources",
    "people counted, not named",
    0.5,
    "The council voted on the plan.\n\nAll but three urged the board to keep the school open.",
)
TYPE_SPEAKER = _rule(
    "type.speaker",
    "sources",
    "a speaker in a transcript is a person",
    0.75,
    "Candidate Interview\n\nTAPPER: Do you regret the remark?\n\nSANDERS: No, I stand by it.",
)
TYPE_PRONOUN = _rule(
    "type.pronoun",
    "sources",
    "a pronoun with no antecedent",
    0.35,
    "He said the fund was sound.",
    plural=Variant("a pronoun with no antecedent", 0.3),
    it=Variant("'it' with no antecedent", 0.3),
)
SOURCE_APPOSITION = _rule(
    "source.apposition",
    "sources",
    "the apposition '{name}' names a person",
    0.85,
    "Finch, 67, a retired school cook, said the canteen would close.",
    "A tenants' group, Fair Rent Harlow, said it would sue the landlord.",
    age=Variant("a name given an age ('{age}')", 0.85),
    role=Variant("a name described as a person ('{role}')", 0.85),
    org_role=Variant("a name described as an organisation ('{role}')", 0.8),
    names_role=Variant("the apposition '{name}' names the {role}", 0.85),
    names_org=Variant("the apposition '{name}' names an organisation", 0.7),
)
TYPE_KNOWN_ORG = _rule(
    "type.known_org",
    "sources",
    "'{name}' was named earlier as an organisation",
    0.75,
    "Halvorsen Logistics cut 40 jobs.\n\nHalvorsen disputed that account on Friday.",
)
TYPE_PERSON_ENTITY = _rule(
    "type.person_entity",
    "sources",
    "the model tags the name as a person",
    0.9,
    "Maria Lopez said the design was sound.",
    narrated=Variant("a person the article names before quoting", 0.85),
)
TYPE_TITLE_PERSON = _rule(
    "type.title_person",
    "sources",
    "a title stands before the name",
    0.9,
    "Commissioner Vantrell said rates would stay high.",
)
TYPE_KNOWN_PERSON = _rule(
    "type.known_person",
    "sources",
    "'{name}' was named as a person earlier in the article",
    0.85,
    "Ines Mendes runs the clinic.\n\nMendes said the ward would reopen.",
)
TYPE_GIVEN_NAME = _rule(
    "type.given_name",
    "sources",
    "'{given}' is a given name",
    0.9,
    "Marcus Bell said the depot would close.",
)
TYPE_DOCUMENT_NOUN = _rule(
    "type.document_noun",
    "sources",
    "'{word}' is a document",
    0.8,
    "The report found that the dam was unsafe.",
)
TYPE_SPOKESPERSON = _rule(
    "type.spokesperson",
    "sources",
    "a spokesperson speaks for an organisation, not named in the phrase",
    0.6,
    "A spokeswoman said the refinery was running.",
    named_body=Variant("a spokesperson speaks for the organisation named", 0.75),
)
ANON_OFFICIALS_OF_BODY = _rule(
    "anon.officials_of_body",
    "sources",
    "unnamed officials of a named body",
    0.8,
    "U.S. officials said the talks would resume.",
)
ANON_UNNAMED_OFFICIAL = _rule(
    "anon.unnamed_official",
    "sources",
    "an unnamed '{word}' with no name given",
    0.8,
    "A senior official said the talks would resume.",
)
TYPE_CAPITAL = _rule(
    "type.capital",
    "sources",
    "'{name}' stands for its government",
    0.8,
    "Ankara says the purchase is final.",
)
TYPE_ORG_ENTITY = _rule(
    "type.org_entity",
    "sources",
    "the model tags '{name}' as {label}",
    0.8,
    "Microsoft said it would hire 400 engineers.",
)
TYPE_PROPER_NOUN = _rule(
    "type.proper_noun",
    "sources",
    "a proper name that is not a known person",
    0.55,
    "Shares of Quorvant fell.\n\nQuorvant declined to comment.",
)
TYPE_ORG_GROUP = _rule(
    "type.org_group",
    "sources",
    "organisations not named, as a group",
    0.6,
    "Several retailers said sales had slowed.",
    "The airlines said sales had slowed.",
)
TYPE_ORG_NOUN = _rule(
    "type.org_noun",
    "sources",
    "'{word}' is an organisation",
    0.6,
    "The ministry said the border would stay closed.",
)
TYPE_GROUP_NOUN = _rule(
    "type.group_noun",
    "sources",
    "people not named, as a group",
    0.7,
    "Witnesses said the blast shattered windows.",
)
TYPE_PERSON_NOUN = _rule(
    "type.person_noun",
    "sources",
    "one {word}, not named",
    0.7,
    "A meteorologist said the storm would weaken.",
)
TYPE_FALLBACK = _rule(
    "type.fallback",
    "sources",
    "no rule knew this source; a guess",
    0.35,
    "The blob said the storm would weaken.",
)

# ---------------------------------------------------------------- resolution
RESOLVE_PRONOUN = _rule(
    "resolve.pronoun",
    "resolution",
    "'{word}' refers back to '{antecedent}'",
    0.8,
    "Maria Lopez said the design was sound.\n\nShe added that it would cost more.",
)
RESOLVE_DEFINITE = _rule(
    "resolve.definite",
    "resolution",
    "'{word}' refers back to '{antecedent}'",
    0.8,
    "A senior official said the talks would resume.\n\nThe official added that a deal was close.",
)
RESOLVE_PARTITIVE = _rule(
    "resolve.partitive",
    "resolution",
    "'{word}' refers back to '{antecedent}'",
    0.8,
    "Three people familiar with the plan said it would be delayed.\n\nOne of the people "
    "said a vote was unlikely.",
)
RESOLVE_SURNAME = _rule(
    "resolve.surname",
    "resolution",
    "'{word}' is the surname of '{name}'",
    None,
    "Ines Mendes runs the clinic.\n\nMendes said the ward would reopen.",
)
RESOLVE_ACCOUNT = _rule(
    "resolve.account",
    "resolution",
    "part of a private meeting's or call's account that unnamed sources gave earlier",
    0.7,
    "Trump Berated Aides, People Say\n\nPresident Trump berated his aides during a tense "
    "call on Friday, according to five people with knowledge of the call.\n\nHe told them "
    "the plan was a disaster. Vice President Pence said little.\n\nThe White House says "
    "the call was productive.",
    "Trump Berated Aides, People Say\n\nPresident Trump berated his aides on Friday, "
    "according to five people familiar with his thinking.\n\nHe told them the plan was a "
    "disaster.",
)
RESOLVE_CONTINUATION = _rule(
    "resolve.continuation",
    "resolution",
    "a quotation (or a bulleted item after a sourced lead-in) with no attribution of its "
    "own continues the previous speaker",
    0.75,
    "“We are ready,” the coach said.\n\n“The players know what is at stake.”",
)

# ---------------------------------------------------------------- anonymity
ANON_REASON = _rule(
    "anon.reason",
    "anonymity",
    "the text says why the source is unnamed",
    None,
    "An official, who spoke on condition of anonymity because the talks are private, said "
    "a deal was close.",
    "An official, who spoke on condition of anonymity, said a deal was close.",
)
ANON_PROPAGATED = _rule(
    "anon.propagated",
    "anonymity",
    "{why} (said of the same source elsewhere)",
    None,
    "An analyst said the bank was exposed.\n\nThe analyst, who spoke on condition of "
    "anonymity, said losses could grow.",
)
ANON_ANOTHER = _rule(
    "anon.another",
    "anonymity",
    "'another' source of the same kind as an anonymous one",
    None,
    "One expert, who asked not to be named, said the dam was unsafe.\n\nAnother expert "
    "said repairs would take years.",
)
ANON_UNDERSTOOD = _rule(
    "anon.understood",
    "anonymity",
    "an unnamed briefing the paper relays",
    0.75,
    "Treasury officials are understood to have pressed for a delay.",
)
# Anonymity phrases (`anonymity_phrases.txt`, `rule<TAB>phrase`): the rule names there.
ANON_PHRASE_CONFIDENCE = 0.75


def _phrase_rule(name: str, why: str, example: str, near_miss: str | None = None) -> Rule:
    return _rule(f"anon.{name}", "anonymity", why, ANON_PHRASE_CONFIDENCE, example, near_miss)


ANON_UNNAMED = _phrase_rule(
    "unnamed",
    "the text says the source is unnamed",
    "An unnamed Turkish official said the delivery was on schedule.",
)
ANON_ANONYMOUS = _phrase_rule(
    "anonymous",
    "the source spoke anonymously",
    "A diplomat said, on condition of anonymity, that the vote would fail.",
)
ANON_DECLINED_NAMED = _phrase_rule(
    "declined_named",
    "the source declined to be named",
    "A witness, who declined to be named, said the car sped away.",
)
ANON_NOT_AUTHORIZED = _phrase_rule(
    "not_authorized",
    "the source was not authorized to speak",
    "A person who was not authorized to speak publicly said the bid had failed.",
)
ANON_FAMILIAR_WITH = _phrase_rule(
    "familiar_with",
    "a person 'familiar with' the matter: identity withheld",
    "A person familiar with the matter said the bid had failed.",
    "Residents not familiar with the rules said the fines were unfair.",
)
ANON_BACKGROUND = _phrase_rule(
    "background",
    "the source spoke on background",
    "A senior aide, speaking on background, said the speech was being rewritten.",
)
ANON_CLOSE_TO = _phrase_rule(
    "close_to",
    "people 'close to' a party: identity withheld",
    "People close to the family said the funeral would be private.",
)
ANON_BRIEFED_ON = _phrase_rule(
    "briefed_on",
    "a person briefed on the matter: identity withheld",
    "A person briefed on the plans said the merger would be announced on Monday.",
)
ANON_ON_THE_CALL = _phrase_rule(
    "on_the_call",
    "people on the call, not named",
    "Two people on the call said the chief executive apologised.",
)
ANON_INSIDER = _phrase_rule(
    "insider",
    "an insider, not named",
    "A party insider said the leader would resign.",
)
ANON_PARTIAL_NAME = _phrase_rule(
    "partial_name",
    "only a first name was given: the surname is withheld",
    "A nurse, who gave only her first name, Priya, for fear of reprisals, said the ward "
    "was short of staff.",
    "A nurse, who gave only her first name, Priya, said the ward was short of staff.",
)


def rule(rule_id: str) -> Rule:
    """The declaration of ``rule_id``; an anonymity phrase rule a user added in their own
    lexicon gets a generic one."""
    found = RULES.get(rule_id)
    if found is None and rule_id.startswith("anon."):
        return Rule(rule_id, "anonymity", "identity withheld", ANON_PHRASE_CONFIDENCE, "")
    if found is None:
        raise KeyError(f"rule {rule_id!r} is not declared in annotator/nlp/rules.py")
    return found


def markdown_table() -> str:
    """The rule table of docs/detection.md, one row per rule and variant."""

    def conf(value: float | None) -> str:
        return "–" if value is None else f"{value:.2f}"

    rows = [
        "| rule | stage | confidence | what the reviewer reads | example |",
        "|---|---|---|---|---|",
    ]
    for r in RULES.values():
        example = r.example.replace("\n\n", " ¶ ").replace("|", "\\|")
        rows.append(f"| `{r.id}` | {r.stage} | {conf(r.confidence)} | {r.why} | {example} |")
        for name, v in r.variants.items():
            rows.append(f"| `{r.id}` ({name}) | {r.stage} | {conf(v.confidence)} | {v.why} | |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown_table())
