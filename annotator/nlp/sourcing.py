"""Classify a source mention into the taxonomy of eval/README.md and flag anonymity.

Entity labels of the small model are not trusted alone ("Cavusoglu" comes out ORG,
"Bloomberg" GPE): titles, appositions, earlier full mentions of a person and the lexicons
decide first, the entity label only after them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import ENT_TYPE, ORTH, POS, SENT_START
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from annotator.nlp.lexicon import Lexicon
from annotator.records import Evidence

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us"})
ORG_PRONOUNS = frozenset({"it"})
RELATIVE = frozenset({"who", "that", "which", "whom"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


@dataclass
class SourceInfo:
    """What a source mention is: its type, flag, confidence and the evidence for them."""

    source_type: str
    anonymous: bool = False
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)
    person: bool = False  # can be the antecedent of he/she
    plural: bool = False
    pronoun: str | None = None  # "he", "they", "it" ... when the head is a pronoun
    definite_noun: bool = False  # "the source", "the expert": resolve to an earlier mention


def _ev(rule: str, doc: Doc, start: int, end: int, why: str) -> Evidence:
    """Evidence over tokens [start, end) of ``doc``."""
    first, last = doc[start], doc[end - 1]
    return Evidence(rule, doc[start:end].text, first.idx, last.idx + len(last), why)


def token_evidence(rule: str, token: Token, why: str) -> Evidence:
    return _ev(rule, token.doc, token.i, token.i + 1, why)


def span_evidence(rule: str, doc: Doc, start: int, end: int, why: str) -> Evidence:
    return _ev(rule, doc, start, end, why)


QUANTIFIERS = frozenset(
    {"one", "two", "three", "four", "some", "many", "several", "most", "both", "all", "none"}
    | {"each", "few", "either", "neither", "any"}
)
SINGLE_QUANTIFIERS = frozenset({"one", "each", "either", "neither"})


def low_is_quantifier(token: Token) -> bool:
    return token.lower_ in QUANTIFIERS


def _is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or token.lower_ in PLURAL_PRONOUNS


def _named_person_token(token: Token, lex: Lexicon, known_people: set[str]) -> str | None:
    """Why a proper-noun token names a person, or None."""
    # A surname named earlier in full: matched on the text, because the model often tags a
    # bare surname NOUN/NNS or ORG ("Mendes said ...").
    if token.text in known_people and token.text[:1].isupper():
        return "type.known_person"
    if token.pos_ != "PROPN":
        return None
    if token.ent_type_ == "PERSON":
        return "type.person_entity"
    # A title before the name: "Sen. Jane Roe", "Foreign Minister Mevlut Cavusoglu".
    for left in token.doc[max(token.i - 4, sentence_start(token)) : token.i]:
        if left.lower_.rstrip(".") in lex.titles and left.head.i in range(left.i, token.i + 1):
            return "type.title_person"
    # A given name before it: "Marcus Bell", which the model may tag ORG; not "Marcus Bell
    # Holdings" (the last word names a kind of body) or a name of one word.
    before = token.doc[token.i - 1] if token.i > sentence_start(token) else None
    if (
        before is not None
        and before.text in lex.given_names
        and before.pos_ == "PROPN"
        and before.head.i == token.i
        and token.lemma_.lower() not in lex.org_nouns
        and token.text not in lex.given_names
    ):
        return "type.given_name"
    return None


NAME_COUNTS_KEY = "annotator_name_counts"  # per-doc caches, removed when the component ends
SENT_STARTS_KEY = "annotator_sentence_starts"


def sentence_start(token: Token) -> int:
    """Index of the first token of ``token``'s sentence. ``Token.sent`` scans the sentence on
    every call, which is quadratic over a sentence of thousands of tokens."""
    doc = token.doc
    starts: list[int] | None = doc.user_data.get(SENT_STARTS_KEY)
    if starts is None:
        starts = [sent.start for sent in doc.sents]  # Span objects only, not every Token
        doc.user_data[SENT_STARTS_KEY] = starts
    return starts[bisect_right(starts, token.i) - 1]


def _used_as_name(t: Token) -> bool:
    return t.pos_ == "PROPN" or bool(t.ent_type_) or not t.is_sent_start


def named_elsewhere(token: Token) -> bool:
    """Whether the article uses this capitalised word as a name at another place: the model
    may tag a name that opens a sentence ADV or NOUN. Counted once per doc."""
    doc = token.doc
    counts: Counter[int] | None = doc.user_data.get(NAME_COUNTS_KEY)
    if counts is None:
        # One array pass instead of a Token object per word.
        table = doc.to_array([ORTH, POS, ENT_TYPE, SENT_START])
        used = (table[:, 1] == PROPN) | (table[:, 2] != 0) | (table[:, 3] != 1)
        counts = Counter(int(orth) for orth in table[used, 0])
        doc.user_data[NAME_COUNTS_KEY] = counts
    return counts[token.orth] - _used_as_name(token) > 0


def _is_age_number(tok: Token) -> bool:
    """'67' in "Finch, 67,": a bare whole number of plausible years."""
    return tok.text.isdigit() and 0 < int(tok.text) < 120 and len(list(tok.subtree)) == 1


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


def classify_source(
    doc: Doc,
    start: int,
    end: int,
    head: Token,
    lex: Lexicon,
    known_people: set[str],
    known_orgs: frozenset[str] = frozenset(),
) -> SourceInfo:
    """Type the source made of tokens [start, end) of ``doc`` whose syntactic head is ``head``.

    ``known_people`` are surnames of people named earlier; ``known_orgs`` the first words of
    organisations named earlier in full ("Halvorsen" of "Halvorsen Logistics")."""
    # "Some of the residents", "one of the engineers": typed by the group named after "of".
    group = next(
        (
            obj
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "of" and low_is_quantifier(head)
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )
    if group is not None:
        info = classify_source(doc, start, end, group, lex, known_people, known_orgs)
        if head.lower_ in SINGLE_QUANTIFIERS and info.source_type == "unnamed_group":
            info.source_type, info.plural, info.person = "unnamed_person", False, True
        return info
    words = doc[start:end]
    low = head.lower_
    lemma = head.lemma_.lower()

    if low in QUANTIFIERS and head.pos_ in ("PRON", "DET", "NUM"):
        # "all but three urged the board", "some disagreed": people counted, not named.
        single = low in SINGLE_QUANTIFIERS
        return SourceInfo(
            "unnamed_person" if single else "unnamed_group",
            confidence=0.5,
            person=single,
            plural=not single,
            evidence=[token_evidence("type.quantifier", head, "people counted, not named")],
        )
    if head.pos_ == "PRON" or low in PERSON_PRONOUNS | PLURAL_PRONOUNS | ORG_PRONOUNS:
        if low in PERSON_PRONOUNS:
            return SourceInfo(
                "unnamed_person",
                confidence=0.35,
                person=True,
                pronoun=low,
                evidence=[token_evidence("type.pronoun", head, "a pronoun with no antecedent")],
            )
        if low in PLURAL_PRONOUNS:
            return SourceInfo(
                "unnamed_group",
                confidence=0.3,
                plural=True,
                pronoun=low,
                evidence=[token_evidence("type.pronoun", head, "a pronoun with no antecedent")],
            )
        return SourceInfo(
            "named_organization",
            confidence=0.3,
            pronoun=low,
            evidence=[token_evidence("type.pronoun", head, "'it' with no antecedent")],
        )

    # A named person anywhere in the head's name or apposition; not after an organisation
    # noun ("the company Zipline", which the model may tag PERSON).
    # Nor when the head itself is an organisation noun: "The District Attorney's Office",
    # "a parent group, Save Lincoln Elementary" (the model may tag that name PERSON).
    org_before = any(
        c.dep_ == "compound" and c.i < head.i and c.lemma_.lower() in lex.org_nouns
        for c in head.children
    ) or (
        lemma in lex.org_nouns and lemma not in lex.person_nouns and head.text not in known_people
    )
    candidates = [head, *[t for t in head.children if t.dep_ in ("appos", "compound", "flat")]]
    if head.dep_ == "appos":
        candidates.append(head.head)
    if org_before:
        candidates = []
    # "Teresa Vidal, director of ...": a name the model did not tag, described as a person.
    role = next(
        (
            c
            for c in head.children
            if c.dep_ == "appos"
            and (c.lemma_.lower() in lex.person_nouns or c.lemma_.lower() in lex.titles)
        ),
        None,
    )
    # "Finch, 67, a retired school cook": only people are given an age in apposition, so
    # the name is a person's whatever the model's tag (it often tags lone surnames ORG).
    age = next((c for c in head.children if c.dep_ == "appos" and _is_age_number(c)), None)
    if head.pos_ == "PROPN" and age is not None and not org_before:
        why = f"a name given an age ('{age.text}')"
        return SourceInfo(
            "named_person",
            confidence=0.85,
            person=True,
            evidence=[span_evidence("source.apposition", doc, start, end, why)],
        )
    if (
        head.pos_ == "PROPN"
        and role is not None
        # An occupation only people have outweighs the model's tag ("Lionel Baptiste, a
        # retired electrician"); one a company may have too ("operator", "producer") makes
        # a person only of a name the model tags PERSON.
        and (role.lemma_.lower() not in lex.org_nouns or head.ent_type_ == "PERSON")
        and not org_before
    ):
        why = f"a name described as a person ('{role.text}')"
        return SourceInfo(
            "named_person",
            confidence=0.85,
            person=True,
            evidence=[span_evidence("source.apposition", doc, start, end, why)],
        )
    # "Vantor, a company founded by a nurse, said": a name described as an organisation
    # is one, whatever the model's tag (it tags many one-word company names PERSON).
    org_role = next(
        (
            c
            for c in head.children
            if c.dep_ == "appos" and c.pos_ == "NOUN" and _core_nouns(c) & lex.org_nouns
        ),
        None,
    )
    if head.pos_ == "PROPN" and org_role is not None and (role is None or role is org_role):
        why = f"a name described as an organisation ('{org_role.text}')"
        return SourceInfo(
            "named_organization",
            confidence=0.8,
            plural=_is_plural(head),
            evidence=[span_evidence("source.apposition", doc, start, end, why)],
        )
    if (
        end - start == 1
        and head.text in known_orgs
        and head.text not in known_people
        and head.text[:1].isupper()
    ):
        # "Halvorsen disputed that account" after "Halvorsen Logistics": the model may tag
        # the bare name PERSON.
        why = f"'{head.text}' was named earlier as an organisation"
        return SourceInfo(
            "named_organization",
            confidence=0.75,
            evidence=[token_evidence("type.known_org", head, why)],
        )
    for cand in candidates:
        rule = _named_person_token(cand, lex, known_people)
        if rule is not None:
            if cand is not head and cand.dep_ == "appos":
                why = f"the apposition '{cand.text}' names a person"
                rule = "source.apposition"
            elif rule == "type.person_entity":
                why = "the model tags the name as a person"
            elif rule == "type.known_person":
                why = f"'{cand.text}' was named as a person earlier in the article"
            elif rule == "type.given_name":
                why = f"'{cand.doc[cand.i - 1].text}' is a given name"
            else:
                why = "a title stands before the name"
            if cand.dep_ == "appos" or head.dep_ == "appos":
                # Name the apposition itself as the evidence span.
                return SourceInfo(
                    "named_person",
                    confidence=0.85,
                    person=True,
                    evidence=[
                        span_evidence(rule, doc, cand.left_edge.i, cand.right_edge.i + 1, why)
                    ],
                )
            return SourceInfo(
                "named_person",
                confidence=0.9 if rule != "type.known_person" else 0.85,
                person=True,
                evidence=[span_evidence(rule, doc, start, end, why)],
            )

    # "The charity's new director, Ana Soto": a role noun with an untagged name beside it.
    person_role = (
        lemma in lex.person_nouns or lemma in lex.titles or lemma in lex.spokesperson_nouns
    )
    name = next(
        (
            c
            for c in head.children
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ not in ORG_LABELS
        ),
        None,
    )
    if person_role and name is not None:
        why = f"the apposition '{name.text}' names the {head.text}"
        return SourceInfo(
            "named_person",
            confidence=0.85,
            person=True,
            evidence=[
                span_evidence(
                    "source.apposition", doc, name.left_edge.i, name.right_edge.i + 1, why
                )
            ],
        )

    # "Ledgerly's largest investor, Northgate Capital": the role is filled by an organisation.
    org_name = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "ORG"), None)
    if person_role and org_name is not None:
        why = f"the apposition '{org_name.text}' names an organisation"
        return SourceInfo(
            "named_organization",
            confidence=0.7,
            evidence=[
                span_evidence(
                    "source.apposition", doc, org_name.left_edge.i, org_name.right_edge.i + 1, why
                )
            ],
        )

    has_name = any(t.pos_ == "PROPN" or t.ent_type_ in ORG_LABELS for t in words if t.i != head.i)

    if lemma in lex.document_nouns or low in lex.document_nouns:
        return SourceInfo(
            "document",
            confidence=0.8,
            plural=_is_plural(head),
            evidence=[token_evidence("type.document_noun", head, f"'{head.text}' is a document")],
        )

    if lemma in lex.spokesperson_nouns or low in lex.spokesperson_nouns:
        # "a company spokesperson" speaks for a body the article has identified.
        return SourceInfo(
            "named_organization",
            confidence=0.75 if has_name else 0.6,
            person=True,
            evidence=[
                span_evidence(
                    "type.spokesperson",
                    doc,
                    start,
                    end,
                    "a spokesperson speaks for the named organisation",
                )
            ],
        )

    if lemma in lex.anonymous_nouns:
        why = (
            "unnamed officials of a named body"
            if has_name
            else f"an unnamed '{head.text}' with no name given"
        )
        rule = "anon.officials_of_body" if has_name else "anon.unnamed_official"
        return SourceInfo(
            "anonymous",
            anonymous=True,
            confidence=0.8,
            person=not _is_plural(head),
            plural=_is_plural(head),
            evidence=[span_evidence(rule, doc, start, end, why)],
        )

    # A capitalised common noun ("Residents said", in a title-case line) is no name.
    # The model tags some sentence-initial plurals ORG ("Commuters described ...").
    common = (not head.ent_type_ or (head.is_sent_start and head.tag_ in ("NNS", "NNPS"))) and (
        low in lex.group_nouns or lemma in lex.person_nouns or low.rstrip("s") in lex.person_nouns
    )
    proper = head.pos_ == "PROPN" or (head.text[:1].isupper() and named_elsewhere(head))
    if (proper or head.ent_type_ in ORG_LABELS) and not common:
        if head.text in lex.capitals:
            rule, why = "type.capital", f"'{head.text}' stands for its government"
        elif head.ent_type_ in ORG_LABELS:
            rule, why = "type.org_entity", f"the model tags '{head.text}' as {head.ent_type_}"
        else:
            rule, why = "type.proper_noun", "a proper name that is not a known person"
        return SourceInfo(
            "named_organization",
            confidence=0.8 if rule != "type.proper_noun" else 0.55,
            plural=_is_plural(head),
            evidence=[span_evidence(rule, doc, start, end, why)],
        )

    definite = any(t.dep_ == "det" and t.lower_ in DEFINITE for t in head.children)
    if lemma in lex.org_nouns or low in lex.org_nouns:
        owned = any(t.dep_ == "poss" for t in head.children)
        # Plural by its form: "retailers", not the collective "police".
        if _is_plural(head) and low != lemma and not (definite or owned or has_name):
            # "Several retailers said", "some airlines": bodies the text does not identify.
            return SourceInfo(
                "unnamed_group",
                confidence=0.6,
                plural=True,
                evidence=[
                    token_evidence("type.org_group", head, "organisations not named, as a group")
                ],
            )
        return SourceInfo(
            "named_organization",
            confidence=0.6,
            evidence=[token_evidence("type.org_noun", head, f"'{head.text}' is an organisation")],
        )
    plural = _is_plural(head) or low in lex.group_nouns
    if lemma in lex.person_nouns or low in lex.group_nouns:
        if plural:
            return SourceInfo(
                "unnamed_group",
                confidence=0.7,
                plural=True,
                definite_noun=definite and not has_name,
                evidence=[token_evidence("type.group_noun", head, "people not named, as a group")],
            )
        return SourceInfo(
            "unnamed_person",
            confidence=0.7,
            person=True,
            definite_noun=definite and not has_name,
            evidence=[token_evidence("type.person_noun", head, f"one {head.text}, not named")],
        )
    # Anything else that speaks: a guess, and a low confidence to say so.
    return SourceInfo(
        "unnamed_group" if plural else "unnamed_person",
        confidence=0.35,
        plural=plural,
        person=not plural,
        definite_noun=definite,
        evidence=[token_evidence("type.fallback", head, "no rule knew this source; a guess")],
    )
