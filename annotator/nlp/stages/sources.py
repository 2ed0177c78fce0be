"""Stage 4, sources: what kind of source each attribution names (the taxonomy in
docs/detection.md), with the evidence and a confidence.

Entity labels of the small model are not trusted alone ("Cavusoglu" comes out ORG,
"Bloomberg" GPE): titles, appositions, earlier full mentions of a person and the lexicons
decide first, the entity label only after them. The typing rules are tried in the order of
``TYPING``; the first that knows the phrase types it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Token

from annotator.nlp import rules
from annotator.nlp.context import DocContext, SourceInfo
from annotator.nlp.grammar import (
    DEFINITE,
    ORG_LABELS,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_DEMONSTRATIVES,
    PLURAL_PRONOUNS,
    QUANTIFIERS,
    SHARES,
    SINGLE_QUANTIFIERS,
)
from annotator.nlp.lexicon import Lexicon
from annotator.records import Evidence


def evidence(
    rule: rules.Rule,
    doc: Doc,
    start: int,
    end: int,
    variant: str | None = None,
    **fields: object,
) -> Evidence:
    """Evidence of ``rule`` over tokens [start, end) of ``doc``."""
    first, last = doc[start], doc[end - 1]
    return rule.evidence(doc[start:end].text, first.idx, last.idx + len(last), variant, **fields)


def _is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in PLURAL_PRONOUNS


def _is_age_number(tok: Token) -> bool:
    """'67' in "Finch, 67,": a bare whole number of plausible years."""
    return tok.text.isdigit() and 0 < int(tok.text) < 120 and len(list(tok.subtree)) == 1


@dataclass
class _Phrase:
    """A source phrase being typed, and the facts about it the typing rules share."""

    ctx: DocContext
    start: int
    end: int
    head: Token
    known_people: set[str]  # surnames of people named earlier
    known_orgs: frozenset[str]  # first words of organisations named earlier in full
    speaker: bool = False  # a speaker's label in a transcript ("TAPPER:")

    @property
    def doc(self) -> Doc:
        return self.ctx.doc

    @property
    def lex(self) -> Lexicon:
        return self.ctx.lex

    @property
    def low(self) -> str:
        return self.head.lower_

    @property
    def lemma(self) -> str:
        return self.head.lemma_.lower()

    def span_evidence(self, rule: rules.Rule, variant: str | None = None, **f: object) -> Evidence:
        return evidence(rule, self.doc, self.start, self.end, variant, **f)

    def head_evidence(self, rule: rules.Rule, variant: str | None = None, **f: object) -> Evidence:
        return evidence(rule, self.doc, self.head.i, self.head.i + 1, variant, **f)

    @cached_property
    def org_before(self) -> bool:
        """An organisation noun before the name ("the company Zipline"), or as the head
        itself ("The District Attorney's Office", "a parent group, Save Lincoln
        Elementary"): the model may tag that name PERSON."""
        lex, head = self.lex, self.head
        return any(
            c.dep_ == "compound" and c.i < head.i and c.lemma_.lower() in lex.org_nouns
            for c in head.children
        ) or (
            self.lemma in lex.org_nouns
            and self.lemma not in lex.person_nouns
            and head.text not in self.known_people
        )

    @cached_property
    def role(self) -> Token | None:
        """A person noun or title in apposition: "Teresa Vidal, director of ...", "Ruiz, a
        close ally of the governor" (the nouns that make an unnamed source anonymous are
        people's roles too)."""
        lex = self.lex
        return next(
            (
                c
                for c in self.head.children
                if c.dep_ == "appos"
                and any(
                    c.lemma_.lower() in words
                    for words in (lex.person_nouns, lex.titles, lex.anonymous_nouns)
                )
            ),
            None,
        )

    @cached_property
    def person_role(self) -> bool:
        lex, lemma = self.lex, self.lemma
        return lemma in lex.person_nouns or lemma in lex.titles or lemma in lex.spokesperson_nouns

    @cached_property
    def has_name(self) -> bool:
        return any(
            t.pos_ == "PROPN" or t.ent_type_ in ORG_LABELS
            for t in self.doc[self.start : self.end]
            if t.i != self.head.i
        )

    @cached_property
    def plural(self) -> bool:
        return _is_plural(self.head) or self.low in self.lex.group_nouns


def _quantifier(p: _Phrase) -> SourceInfo | None:
    """ "all but three urged the board", "some disagreed", "46 percent said", "nine in 10
    said": people counted, not named."""
    head = p.head
    share = head.lemma_.lower() in SHARES or (
        head.pos_ == "NUM" and any(c.lower_ == "in" for c in head.children)
    )
    if not share and (p.low not in QUANTIFIERS or head.pos_ not in ("PRON", "DET", "NUM")):
        return None
    single = p.low in SINGLE_QUANTIFIERS
    return SourceInfo(
        "unnamed_person" if single else "unnamed_group",
        confidence=rules.TYPE_QUANTIFIER.conf(),
        person=single,
        plural=not single,
        evidence=[p.head_evidence(rules.TYPE_QUANTIFIER)],
    )


def _pronoun(p: _Phrase) -> SourceInfo | None:
    low, rule = p.low, rules.TYPE_PRONOUN
    if p.head.pos_ != "PRON" and low not in PERSON_PRONOUNS | PLURAL_PRONOUNS | ORG_PRONOUNS:
        return None
    if low in PERSON_PRONOUNS:
        return SourceInfo(
            "unnamed_person",
            confidence=rule.conf(),
            person=True,
            pronoun=low,
            evidence=[p.head_evidence(rule)],
        )
    if low in PLURAL_PRONOUNS or low in PLURAL_DEMONSTRATIVES:
        return SourceInfo(
            "unnamed_group",
            confidence=rule.conf("plural"),
            plural=True,
            pronoun=low,
            evidence=[p.head_evidence(rule, "plural")],
        )
    if low not in ORG_PRONOUNS:
        return None  # "someone", "everyone": typed as any other noun phrase
    return SourceInfo(
        "named_organization",
        confidence=rule.conf("it"),
        pronoun=low,
        evidence=[p.head_evidence(rule, "it")],
    )


def _speaker(p: _Phrase) -> SourceInfo | None:
    """ "TAPPER:", "Q:": a transcript's speaker is a person, whatever the model's tag,
    unless it names a body or is a common noun ("Historians:", "Poll:" type as nouns)."""
    if (
        not p.speaker
        or (p.head.ent_type_ in ORG_LABELS and not p.head.is_upper)
        or (p.head.pos_ == "NOUN" and not p.head.is_upper and not p.head.ent_type_)
    ):
        return None
    rule = rules.TYPE_SPEAKER
    return SourceInfo(
        "named_person", confidence=rule.conf(), person=True, evidence=[p.span_evidence(rule)]
    )


def _aged_name(p: _Phrase) -> SourceInfo | None:
    """ "Finch, 67, a retired school cook": only people are given an age in apposition, so
    the name is a person's whatever the model's tag (it often tags lone surnames ORG)."""
    age = next((c for c in p.head.children if c.dep_ == "appos" and _is_age_number(c)), None)
    if p.head.pos_ != "PROPN" or age is None or p.org_before:
        return None
    rule = rules.SOURCE_APPOSITION
    return SourceInfo(
        "named_person",
        confidence=rule.conf("age"),
        person=True,
        evidence=[p.span_evidence(rule, "age", age=age.text)],
    )


def _name_with_person_role(p: _Phrase) -> SourceInfo | None:
    """An occupation only people have outweighs the model's tag ("Lionel Baptiste, a
    retired electrician"); one a company may have too ("operator", "producer") makes a
    person only of a name the model tags PERSON."""
    role = p.role
    if (
        p.head.pos_ != "PROPN"
        or role is None
        or (role.lemma_.lower() in p.lex.org_nouns and p.head.ent_type_ != "PERSON")
        or p.org_before
    ):
        return None
    rule = rules.SOURCE_APPOSITION
    return SourceInfo(
        "named_person",
        confidence=rule.conf("role"),
        person=True,
        evidence=[p.span_evidence(rule, "role", role=role.text)],
    )


def _core_nouns(phrase: Token) -> set[str]:
    """The head's lemma and the last noun of a phrase before its clauses and prepositions,
    hyphenated words joined: "the Boston lending start-up valued at ..." gives lending and
    start-up (the model may make "lending" the head); "the city's planner" gives planner."""
    words: list[str] = []
    joined = False
    possessor: set[int] = set()
    for tok in phrase.subtree:
        if (tok.i != phrase.i and tok.dep_ in ("acl", "relcl", "prep")) or tok.text == ",":
            break
        if tok.dep_ == "poss":
            possessor.update(t.i for t in tok.subtree)
        if tok.i in possessor:
            continue
        if tok.text == "-" and not tok.whitespace_ and words:
            joined = True
            continue
        if joined:
            words[-1] += "-" + tok.lemma_.lower()
            joined = False
        elif tok.pos_ in ("NOUN", "VERB", "ADJ") or tok.i == phrase.i:
            words.append(tok.lemma_.lower())
    last = words[-1] if words else phrase.lemma_.lower()
    return {phrase.lemma_.lower(), last, last.replace("-", "")}


def _name_with_org_role(p: _Phrase) -> SourceInfo | None:
    """ "Vantor, a company founded by a nurse, said": a name described as an organisation
    is one, whatever the model's tag (it tags many one-word company names PERSON)."""
    org_role = next(
        (
            c
            for c in p.head.children
            if c.dep_ == "appos" and c.pos_ == "NOUN" and _core_nouns(c) & p.lex.org_nouns
        ),
        None,
    )
    if (
        p.head.pos_ != "PROPN"
        or org_role is None
        or (p.role is not None and p.role is not org_role)
    ):
        return None
    rule = rules.SOURCE_APPOSITION
    return SourceInfo(
        "named_organization",
        confidence=rule.conf("org_role"),
        plural=_is_plural(p.head),
        evidence=[p.span_evidence(rule, "org_role", role=org_role.text)],
    )


def _known_org(p: _Phrase) -> SourceInfo | None:
    """ "Halvorsen disputed that account" after "Halvorsen Logistics": the model may tag the
    bare name PERSON."""
    head = p.head
    if (
        p.end - p.start != 1
        or head.text not in p.known_orgs
        or head.text in p.known_people
        or not head.text[:1].isupper()
    ):
        return None
    rule = rules.TYPE_KNOWN_ORG
    return SourceInfo(
        "named_organization",
        confidence=rule.conf(),
        evidence=[p.head_evidence(rule, name=head.text)],
    )


def _named_person_rule(p: _Phrase, token: Token) -> rules.Rule | None:
    """Why a proper-noun token names a person, or None."""
    lex = p.lex
    # A surname named earlier in full: matched on the text, because the model often tags a
    # bare surname NOUN/NNS or ORG ("Mendes said ...").
    if token.text in p.known_people and token.text[:1].isupper():
        return rules.TYPE_KNOWN_PERSON
    if token.pos_ != "PROPN":
        return None
    if token.ent_type_ == "PERSON":
        return rules.TYPE_PERSON_ENTITY
    # A title before the name: "Sen. Jane Roe", "Foreign Minister Mevlut Cavusoglu".
    first = p.ctx.sentence_start(token)
    for left in token.doc[max(token.i - 4, first) : token.i]:
        if left.lower_.rstrip(".") in lex.titles and left.head.i in range(left.i, token.i + 1):
            return rules.TYPE_TITLE_PERSON
    # A given name before it: "Marcus Bell", which the model may tag ORG; not "Marcus Bell
    # Holdings" (the last word names a kind of body) or a name of one word.
    before = token.doc[token.i - 1] if token.i > first else None
    if (
        before is not None
        and before.text in lex.given_names
        and before.pos_ == "PROPN"
        and before.head.i == token.i
        and token.lemma_.lower() not in lex.org_nouns
        and token.text not in lex.given_names
    ):
        return rules.TYPE_GIVEN_NAME
    return None


# The words of a head's name or apposition that may name a person.
_NAME_PARTS = ("appos", "compound", "flat")


def _named_person(p: _Phrase) -> SourceInfo | None:
    """A named person anywhere in the head's name or apposition; not after an organisation
    noun ("the company Zipline", which the model may tag PERSON), nor a name that only
    qualifies a document ("a new Harbour Gazette poll", "the Mueller report")."""
    head = p.head
    if p.org_before:
        return None
    document = head.pos_ == "NOUN" and p.lemma in p.lex.document_nouns
    parts = ("appos",) if document else _NAME_PARTS
    candidates = [head, *[t for t in head.children if t.dep_ in parts]]
    if head.dep_ == "appos":
        candidates.append(head.head)
    for cand in candidates:
        rule = _named_person_rule(p, cand)
        if rule is None:
            continue
        variant: str | None = None
        fields: dict[str, object] = {}
        if cand is not head and cand.dep_ == "appos":
            rule, fields = rules.SOURCE_APPOSITION, {"name": cand.text}
        elif rule is rules.TYPE_KNOWN_PERSON:
            fields = {"name": cand.text}
        elif rule is rules.TYPE_GIVEN_NAME:
            fields = {"given": cand.doc[cand.i - 1].text}
        if cand.dep_ == "appos" or head.dep_ == "appos":
            # Name the apposition itself as the evidence span.
            ev = evidence(rule, p.doc, cand.left_edge.i, cand.right_edge.i + 1, variant, **fields)
            return SourceInfo(
                "named_person",
                confidence=rules.SOURCE_APPOSITION.conf(),
                person=True,
                evidence=[ev],
            )
        return SourceInfo(
            "named_person",
            confidence=rule.conf(),
            person=True,
            evidence=[p.span_evidence(rule, variant, **fields)],
        )
    return None


def _role_named_in_apposition(p: _Phrase) -> SourceInfo | None:
    """ "The charity's new director, Ana Soto": a role noun with an untagged name beside it;
    "Ledgerly's largest investor, Northgate Capital": the role filled by an organisation."""
    if not p.person_role:
        return None
    head, rule = p.head, rules.SOURCE_APPOSITION
    name = next(
        (
            c
            for c in head.children
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ not in ORG_LABELS
        ),
        None,
    ) or _name_closing_phrase(p)
    if name is not None:
        ev = evidence(
            rule,
            p.doc,
            name.left_edge.i,
            name.right_edge.i + 1,
            "names_role",
            name=name.text,
            role=head.text,
        )
        return SourceInfo(
            "named_person", confidence=rule.conf("names_role"), person=True, evidence=[ev]
        )
    org = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "ORG"), None)
    if org is not None:
        ev = evidence(
            rule, p.doc, org.left_edge.i, org.right_edge.i + 1, "names_org", name=org.text
        )
        return SourceInfo("named_organization", confidence=rule.conf("names_org"), evidence=[ev])
    return None


def _name_closing_phrase(p: _Phrase) -> Token | None:
    """ "a spokesman for the Cumbria Fire and Rescue squad, Brian Mitchelhill": the model
    may hang the role's name on the last noun of its phrase. A person's name, after a
    comma, that ends the source."""
    doc = p.doc
    last = p.end - 1
    while last > p.head.i and doc[last].is_punct:
        last -= 1
    name = doc[last]
    while name.dep_ == "compound" and name.head.i > name.i:
        name = name.head
    if (
        name.dep_ != "appos"
        or name.ent_type_ != "PERSON"
        or name.right_edge.i != last
        or doc[name.left_edge.i - 1].text != ","
        or name.head.i <= p.head.i
    ):
        return None
    return name


def _document(p: _Phrase) -> SourceInfo | None:
    """A report, poll, filing … ("the report found"); not a publication named for one
    ("The Washington Post", "the Wall Street Journal": a name of a body)."""
    nouns = p.lex.document_nouns
    if p.lemma not in nouns and p.low not in nouns:
        return None
    if p.head.pos_ == "PROPN" and p.head.ent_type_ in ORG_LABELS:
        return None
    rule = rules.TYPE_DOCUMENT_NOUN
    return SourceInfo(
        "document",
        confidence=rule.conf(),
        plural=_is_plural(p.head),
        evidence=[p.head_evidence(rule, word=p.head.text)],
    )


def _spokesperson(p: _Phrase) -> SourceInfo | None:
    """ "a company spokesperson" speaks for a body the article has identified."""
    nouns = p.lex.spokesperson_nouns
    if p.lemma not in nouns and p.low not in nouns:
        return None
    rule, variant = rules.TYPE_SPOKESPERSON, "named_body" if p.has_name else None
    return SourceInfo(
        "named_organization",
        confidence=rule.conf(variant),
        person=True,
        evidence=[p.span_evidence(rule, variant)],
    )


def _unnamed_official(p: _Phrase) -> SourceInfo | None:
    """Officials, sources, diplomats, aides … with no name: anonymous."""
    if p.lemma not in p.lex.anonymous_nouns:
        return None
    if p.has_name:
        rule, fields = rules.ANON_OFFICIALS_OF_BODY, {}
    else:
        rule, fields = rules.ANON_UNNAMED_OFFICIAL, {"word": p.head.text}
    return SourceInfo(
        "anonymous",
        anonymous=True,
        confidence=rule.conf(),
        person=not _is_plural(p.head),
        plural=_is_plural(p.head),
        evidence=[p.span_evidence(rule, **fields)],
    )


def _proper_name(p: _Phrase) -> SourceInfo | None:
    """A name that is not a person's: a capital for its government, an ORG/GPE/NORP entity
    or another proper name."""
    head, lex, low = p.head, p.lex, p.low
    # A capitalised common noun ("Residents said", in a title-case line) is no name.
    # The model tags some sentence-initial plurals ORG ("Commuters described ...").
    common = (not head.ent_type_ or (head.is_sent_start and head.tag_ in ("NNS", "NNPS"))) and (
        low in lex.group_nouns or p.lemma in lex.person_nouns or low.rstrip("s") in lex.person_nouns
    )
    proper = head.pos_ == "PROPN" or (head.text[:1].isupper() and p.ctx.named_elsewhere(head))
    # "a New Hampshire Democrat", "another Texan": one of a kind of people, not a name.
    member = head.ent_type_ in ("", "NORP") and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children
    )
    if not (proper or head.ent_type_ in ORG_LABELS) or common or member:
        return None
    if head.text in lex.capitals:
        rule, fields = rules.TYPE_CAPITAL, {"name": head.text}
    elif head.ent_type_ in ORG_LABELS:
        rule, fields = rules.TYPE_ORG_ENTITY, {"name": head.text, "label": head.ent_type_}
    else:
        rule, fields = rules.TYPE_PROPER_NOUN, {}
    return SourceInfo(
        "named_organization",
        confidence=rule.conf(),
        plural=_is_plural(head),
        evidence=[p.span_evidence(rule, **fields)],
    )


def _organisation_noun(p: _Phrase) -> SourceInfo | None:
    """ "the ministry"; "Several retailers said" (bodies the text does not identify)."""
    nouns = p.lex.org_nouns
    if p.lemma not in nouns and p.low not in nouns:
        return None
    head = p.head
    definite = any(t.dep_ == "det" and t.lower_ in DEFINITE for t in head.children)
    owned = any(t.dep_ == "poss" for t in head.children)
    # Plural by its form: "retailers", not the collective "police".
    if _is_plural(head) and p.low != p.lemma and not (definite or owned or p.has_name):
        rule = rules.TYPE_ORG_GROUP
        return SourceInfo(
            "unnamed_group", confidence=rule.conf(), plural=True, evidence=[p.head_evidence(rule)]
        )
    rule = rules.TYPE_ORG_NOUN
    return SourceInfo(
        "named_organization",
        confidence=rule.conf(),
        evidence=[p.head_evidence(rule, word=head.text)],
    )


def _person_or_group_noun(p: _Phrase) -> SourceInfo | None:
    """People described, not named: "witnesses" (a group), "a meteorologist" (one)."""
    if p.lemma not in p.lex.person_nouns and p.low not in p.lex.group_nouns:
        return None
    definite = any(t.dep_ == "det" and t.lower_ in DEFINITE for t in p.head.children)
    if p.plural:
        rule = rules.TYPE_GROUP_NOUN
        return SourceInfo(
            "unnamed_group",
            confidence=rule.conf(),
            plural=True,
            definite_noun=definite and not p.has_name,
            evidence=[p.head_evidence(rule)],
        )
    rule = rules.TYPE_PERSON_NOUN
    return SourceInfo(
        "unnamed_person",
        confidence=rule.conf(),
        person=True,
        definite_noun=definite and not p.has_name,
        evidence=[p.head_evidence(rule, word=p.head.text)],
    )


def _fallback(p: _Phrase) -> SourceInfo:
    """Anything else that speaks: a guess, and a low confidence to say so."""
    definite = any(t.dep_ == "det" and t.lower_ in DEFINITE for t in p.head.children)
    rule, plural = rules.TYPE_FALLBACK, p.plural
    return SourceInfo(
        "unnamed_group" if plural else "unnamed_person",
        confidence=rule.conf(),
        plural=plural,
        person=not plural,
        definite_noun=definite,
        evidence=[p.head_evidence(rule)],
    )


# The typing rules, in the order they are tried.
TYPING: tuple[Callable[[_Phrase], SourceInfo | None], ...] = (
    _quantifier,
    _pronoun,
    _speaker,
    _aged_name,
    _name_with_person_role,
    _name_with_org_role,
    _known_org,
    _named_person,
    _role_named_in_apposition,
    _document,
    _spokesperson,
    _unnamed_official,
    _proper_name,
    _organisation_noun,
    _person_or_group_noun,
)


def classify_source(
    ctx: DocContext,
    start: int,
    end: int,
    head: Token,
    known_people: set[str],
    known_orgs: frozenset[str] = frozenset(),
    speaker: bool = False,
) -> SourceInfo:
    """Type the source made of tokens [start, end) whose syntactic head is ``head``.

    ``known_people`` are surnames of people named earlier; ``known_orgs`` the first words of
    organisations named earlier in full ("Halvorsen" of "Halvorsen Logistics")."""
    # "Some of the residents", "one of the engineers": typed by the group named after "of".
    group = next(
        (
            obj
            for prep in head.children
            if prep.dep_ == "prep"
            and prep.lower_ == "of"
            and (head.lower_ in QUANTIFIERS or head.lemma_.lower() in SHARES)
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )
    if group is not None:
        typed = classify_source(ctx, start, end, group, known_people, known_orgs)
        if head.lower_ in SINGLE_QUANTIFIERS and typed.source_type == "unnamed_group":
            typed.source_type, typed.plural, typed.person = "unnamed_person", False, True
        elif head.lemma_.lower() in SHARES and typed.source_type == "unnamed_person":
            typed.source_type, typed.plural, typed.person = "unnamed_group", True, False
        return typed
    phrase = _Phrase(ctx, start, end, head, known_people, known_orgs, speaker)
    for typing_rule in TYPING:
        info = typing_rule(phrase)
        if info is not None:
            return info
    return _fallback(phrase)
