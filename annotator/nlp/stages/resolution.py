"""Stage 5, resolution: every attributed claim gets a source mention, typed (sources.py)
in reading order; pronouns, "the expert", "one of them" and bare surnames take the type and
entity of an earlier mention; quotations with no attribution continue the previous speaker.

Typing runs inside this walk, not before it: whether a bare surname names a person depends
on the mentions typed before it.
"""

from __future__ import annotations

import numpy
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from annotator.nlp import rules
from annotator.nlp.context import DocContext, Draft, Mention, SourceInfo, in_sorted
from annotator.nlp.grammar import (
    BULLETS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    POSSESSIVE_GENDER,
    PRONOUN_GENDER,
    QUANTIFIERS,
)
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.stages.sources import classify_source, evidence

# How far back an antecedent is looked for: mentions, and paragraphs.
MAX_MENTIONS_BACK = 12
MAX_PARAGRAPHS_BACK = 4


def resolve(ctx: DocContext) -> None:
    """Give every attributed draft a mention (``ctx.mentions``, ``draft.mention``)."""
    doc, lex, drafts = ctx.doc, ctx.lex, ctx.drafts
    people, narrated = _people(ctx)
    # First words of organisations named in full ("Halvorsen Logistics", "Goldman Sachs").
    known_orgs = frozenset(
        ent[0].text
        for ent in doc.ents
        if ent.label_ == "ORG"
        and len(ent) >= 2
        and ent[0].pos_ == "PROPN"
        and ent[0].text not in lex.given_names  # "Marcus Bell" mis-tagged ORG
    )
    mentions = ctx.mentions
    surnames: dict[tuple[int, int], list[str]] = {}  # by (head, end): asked once per claim

    def surnames_of(m: Mention) -> list[str]:
        key = (m.head, m.end)
        if key not in surnames:
            surnames[key] = _surnames(doc, m)
        return surnames[key]

    ctx.gender = gender = {}
    previous: Draft | None = None
    forward: list[tuple[Draft, Draft]] = []
    for k, draft in enumerate(drafts):
        a = draft.attribution
        nxt = _attributed_continuation(drafts, k) if a is None and draft.unclosed else None
        if nxt is not None:
            # A quoted paragraph left open continues into the next paragraph's quote
            # (through further open paragraphs), attributed there: that quote's source
            # is the speaker of every paragraph.
            forward.append((draft, nxt))
            continue
        if a is None:
            if (
                (
                    draft.kind == "quote"
                    or _runs_on_quote(ctx, draft, previous)
                    or _after_colon(ctx, draft, previous)
                    or _after_speaker_label(draft, previous)
                )
                and previous is not None
                and previous.mention is not None
                and draft.para - previous.para <= 1
            ):
                draft.continues = previous
                draft.mention = previous.mention
                draft.confidence = min(
                    rules.RESOLVE_CONTINUATION.conf(), previous.mention.info.confidence
                )
            previous = draft if draft.mention is not None or draft.kind == "quote" else None
            if draft.kind in ("statement",) and draft.mention is None:
                previous = None
            continue
        while narrated and narrated[0].start < a.src_start:
            ent = narrated.pop(0)
            if any(m.start <= ent.root.i < m.end for m in mentions):
                continue
            rule = rules.TYPE_PERSON_ENTITY
            mentions.append(
                Mention(
                    ent.start,
                    ent.end,
                    ent.root.i,
                    SourceInfo(
                        "named_person",
                        confidence=rule.conf("narrated"),
                        person=True,
                        evidence=[evidence(rule, doc, ent.start, ent.end, "narrated")],
                    ),
                    ctx.line_breaks_before(ent.start),
                    len(mentions),
                    lemma=ent.root.lemma_.lower(),
                    narrated=True,
                )
            )
            known_gender = _title_gender(doc, max(ent.start - 1, 0), ent.end, lex)
            known_gender = known_gender or _narrated_gender(ent)
            if known_gender:
                gender[mentions[-1].entity] = known_gender
        head = doc[a.src_head]
        known = {name for start, name, _, _ in people if start < a.src_start}
        known.update(
            name
            for m in mentions
            if m.info.source_type == "named_person"
            for name in surnames_of(m)
        )
        speaker = a.source_rule == rules.SOURCE_SPEAKER_LABEL.id
        info = classify_source(ctx, a.src_start, a.src_end, head, known, known_orgs, speaker)
        mention = Mention(
            a.src_start,
            a.src_end,
            a.src_head,
            info,
            draft.para,
            len(mentions),
            lemma=head.lemma_.lower(),
        )
        title_gender = _title_gender(doc, a.src_start, a.src_end, lex)
        if title_gender:
            gender[mention.entity] = title_gender
        elif info.pronoun in PRONOUN_GENDER:
            # Even unresolved, "he" is not the antecedent of a later "she".
            gender[mention.entity] = PRONOUN_GENDER[info.pronoun]
        partitive = _partitive_of(head)
        if partitive is not None:
            antecedent = _partitive_antecedent(mention, partitive, mentions)
        else:
            antecedent = _antecedent(ctx, mention)
        if antecedent is not None:
            _join(ctx, mention, antecedent, partitive, title_gender)
        elif any(e.rule == rules.TYPE_KNOWN_PERSON.id for e in info.evidence):
            for start, name, cs, ce in people:
                if name == head.text and start < a.src_start:
                    mention.surname_of = (cs, ce)
                    draft.evidence.append(
                        rules.RESOLVE_SURNAME.evidence(
                            ctx.text[cs:ce], cs, ce, word=head.text, name=ctx.text[cs:ce]
                        )
                    )
                    break
        mentions.append(mention)
        draft.mention = mention
        previous = draft
    for draft, nxt in forward:
        if nxt.mention is not None:
            draft.mention = nxt.mention
            draft.continues = nxt
            draft.confidence = min(rules.RESOLVE_CONTINUATION.conf(), nxt.mention.info.confidence)


def _people(ctx: DocContext) -> tuple[list[tuple[int, str, int, int]], list[SpacySpan]]:
    """People named in full (token start, surname, char span), and the narrated ones among
    them: full names that are the subject of the writer's sentences ("Margaret Oduya was 19
    when ..."), which a later "she says" may refer to though they made no claim yet."""
    doc, lex, quoted = ctx.doc, ctx.lex, ctx.quoted
    people: list[tuple[int, str, int, int]] = []
    narrated: list[SpacySpan] = []
    for ent in doc.ents:
        if len(ent) >= 2 and _person_name(ent, lex):
            people.append((ent.start, ent[-1].text, ent.start_char, ent.end_char))
            if _subject_like(ent.root) and quoted[ent.start] < 0:
                narrated.append(ent)
    # "Caleb Ouellette" outside any PERSON entity: a given name and a capitalised word.
    orths = doc.to_array(ORTH)  # an array pass, not a Token object per word
    given = ctx.matchers.given_name_orths
    for i in (int(i) for i in numpy.flatnonzero(in_sorted(orths[:-1], given))):
        tok, follower = doc[i], doc[i + 1]
        if (
            follower.pos_ == "PROPN"
            and follower.text[:1].isupper()
            and follower.lemma_.lower() not in lex.org_nouns
            and not any(start == tok.i for start, _, _, _ in people)
        ):
            people.append((tok.i, follower.text, tok.idx, follower.idx + len(follower)))
    # A bare surname of one of them as a subject later on ("Oduya retired in March.").
    surnames = {name for _, name, _, _ in people}
    strings = doc.vocab.strings
    for i in numpy.flatnonzero(numpy.isin(orths, [strings[name] for name in surnames])).tolist():
        tok = doc[i]
        if (
            tok.dep_ in ("nsubj", "nsubjpass")
            and quoted[tok.i] < 0
            and not any(e.start <= tok.i < e.end for e in narrated)
            and any(start < tok.i for start, name, _, _ in people if name == tok.text)
        ):
            narrated.append(doc[tok.i : tok.i + 1])
    narrated.sort(key=lambda span: span.start)
    return people, narrated


def _join(
    ctx: DocContext,
    mention: Mention,
    antecedent: Mention,
    partitive: Token | None,
    title_gender: str | None,
) -> None:
    """Make ``mention`` a later mention of ``antecedent``'s entity, taking its type."""
    doc, info = ctx.doc, mention.info
    head = doc[mention.head]
    root = antecedent.resolved or antecedent
    mention.resolved = root
    gender = PRONOUN_GENDER.get(info.pronoun or "") or title_gender
    if gender:
        ctx.gender.setdefault(root.entity, gender)
    mention.entity = root.entity
    if partitive is not None:
        rule = rules.RESOLVE_PARTITIVE
    elif info.pronoun:
        rule = rules.RESOLVE_PRONOUN
    else:
        rule = rules.RESOLVE_DEFINITE
    ev = evidence(
        rule,
        doc,
        mention.start,
        mention.end,
        word=head.text,
        antecedent=doc[root.start : root.end].text,
    )
    # "one of them" is a single member of the group it refers back to.
    single = partitive is not None and head.lower_ == "one"
    mention.info = SourceInfo(
        root.info.source_type,
        anonymous=root.info.anonymous,
        confidence=min(rule.conf(), root.info.confidence),
        evidence=[ev] + [e for e in root.info.evidence if not e.rule.startswith("resolve.")],
        person=root.info.person or single,
        plural=root.info.plural and not single,
    )


def _recent(mentions: list[Mention]) -> list[Mention]:
    return mentions[-MAX_MENTIONS_BACK:]


def _gendered_narrated(ctx: DocContext, m: Mention, after: Mention, wanted: str) -> Mention | None:
    """The nearest narrated person before ``after`` whose known gender is ``wanted``,
    with only narrated people in between (a real source in between is nearer)."""
    mentions = ctx.mentions
    for prev in reversed(_recent(mentions[: mentions.index(after)])):
        if m.para - prev.para > MAX_PARAGRAPHS_BACK or not prev.narrated:
            return None
        if ctx.gender.get((prev.resolved or prev).entity) == wanted:
            return prev
    return None


def _partitive_antecedent(m: Mention, group: Token, mentions: list[Mention]) -> Mention | None:
    """'one of the people', 'two of them': the nearest earlier group of people, of the
    same noun when one is given ("the people" -> "three people familiar with ...")."""
    for prev in reversed(_recent(mentions)):
        if m.para - prev.para > MAX_PARAGRAPHS_BACK:
            break
        p = (prev.resolved or prev).info
        if not p.plural or p.source_type in ("document", "named_organization"):
            continue
        if group.pos_ == "PRON" or group.lemma_.lower() == prev.lemma:
            return prev
    return None


def _antecedent(ctx: DocContext, m: Mention) -> Mention | None:
    doc, lex, mentions = ctx.doc, ctx.lex, ctx.mentions
    info = m.info
    head = doc[m.head]
    has_det = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
    no_name = not any(t.pos_ == "PROPN" for t in doc[m.start : m.end])
    definite = info.definite_noun or (
        has_det and no_name and (m.lemma in lex.anonymous_nouns or m.lemma in lex.person_nouns)
    )
    if info.pronoun is None and not definite:
        office = _office_title(doc, m, lex) if has_det else None
        return None if office is None else _office_holder(doc, m, office, mentions, lex)
    for prev in reversed(_recent(mentions)):
        if m.para - prev.para > MAX_PARAGRAPHS_BACK:
            break
        p = prev.info
        if info.pronoun in PERSON_PRONOUNS:
            wanted = PRONOUN_GENDER.get(info.pronoun)
            known = ctx.gender.get((prev.resolved or prev).entity)
            if wanted and known and wanted != known:
                continue  # "she" does not refer back to Mr Smith
            if p.person and not p.plural:
                if wanted and not known and prev.narrated:
                    # A narrated name of unknown gender yields to an earlier narrated
                    # person known to match ("Ana Ruiz ... she took over | Tom Reyes
                    # retired | 'she says'").
                    better = _gendered_narrated(ctx, m, prev, wanted)
                    if better is not None:
                        return better
                return prev
        elif info.pronoun in PLURAL_PRONOUNS:
            if p.plural or p.source_type in ("named_organization", "unnamed_group"):
                return prev
        elif info.pronoun is not None:
            if p.source_type in ("named_organization", "document") and not p.person:
                return prev
        elif (p.pronoun is not None and prev.resolved is None) or prev.narrated:
            continue  # "the official" never resolves to a bare "she" of unknown reference
        elif (p.person or p.plural) and p.plural == info.plural:
            # "the minister" -> "Foreign Minister X" (same role word), or a generic
            # word for a source ("the source", "the expert") -> the nearest person.
            same_role = any(t.lemma_.lower() == m.lemma for t in doc[prev.start : prev.end])
            # A named person is taken up by name, not as "the official".
            generic = m.lemma in lex.generic_source_nouns and p.source_type != "named_person"
            if same_role or (generic and m.para - prev.para <= 2):
                return prev
    return None


def _office_title(doc: Doc, m: Mention, lex: Lexicon) -> list[str] | None:
    """The title words of "the Home Secretary" (a capitalised office named without its
    holder), or None."""
    if m.info.source_type != "unnamed_person" or doc[m.head].lemma_.lower() not in lex.titles:
        return None
    words = [t for t in doc[m.start : m.end] if t.dep_ != "det"]
    if not words or any(t.ent_type_ == "PERSON" or not t.text[:1].isupper() for t in words):
        return None
    return [t.lower_ for t in words]


def _office_holder(
    doc: Doc, m: Mention, title: list[str], mentions: list[Mention], lex: Lexicon
) -> Mention | None:
    """ "Home Secretary Rachel Annan said ... the Home Secretary told MPs": the earlier named
    person with the same title; failing that, the person named just before under no title
    ("Rachel Annan has pledged ... the Home Secretary told MPs"), writers' usual variation."""
    n = len(title)
    for prev in reversed(_recent(mentions)):
        if prev.info.source_type != "named_person" or prev.narrated:
            continue
        words = [t.lower_ for t in doc[prev.start : prev.end]]
        for i in range(len(words) - n + 1):
            if words[i : i + n] == title and (i == 0 or words[i - 1] not in lex.office_modifiers):
                return prev
    for prev in reversed(_recent(mentions)):
        if prev.narrated:
            continue
        if m.para - prev.para > 1 or prev.info.source_type != "named_person":
            return None  # only the latest source, and only from the paragraph just before
        root = prev.resolved or prev
        if any(t.lemma_.lower() in lex.titles for t in doc[root.start : root.end]):
            return None  # a titled person is not silently given another title
        return prev
    return None


def _narrated_gender(name: SpacySpan) -> str | None:
    """The gender of the first personal pronoun after a narrated name in its sentence
    ("Tom Reyes runs the shop with his sister"), unless another person is named first."""
    doc = name.doc
    for i in range(name.end, name.sent.end):
        tok = doc[i]
        if tok.ent_type_ == "PERSON":
            return None
        if tok.head.dep_ == "appos" and tok.head.head.i == name.root.i:
            continue  # "Andrew Pike, her nephew": the pronoun is someone else
        gender = PRONOUN_GENDER.get(tok.lower_) or POSSESSIVE_GENDER.get(tok.lower_)
        if gender:
            return gender
    return None


def _title_gender(doc: Doc, start: int, end: int, lex: Lexicon) -> str | None:
    for i in range(start, end):
        gender = lex.gender_of_title.get(doc[i].lower_.rstrip("."))
        if gender:
            return gender
    return None


def _person_name(ent: SpacySpan, lex: Lexicon) -> bool:
    """Whether an entity names a person: tagged PERSON, or the model tagged it otherwise but
    it opens with a given name ("Marcus Bell") or is given an age ("Caleb Ouellette, 34,")."""
    if ent.label_ == "PERSON":
        return True
    if ent.label_ not in ("ORG", "GPE", "NORP") or ent[-1].lemma_.lower() in lex.org_nouns:
        return False
    doc = ent.doc
    aged = (
        ent.end + 2 < len(doc)
        and doc[ent.end].text == ","
        and doc[ent.end + 1].text.isdigit()
        and 0 < int(doc[ent.end + 1].text) < 120
        and doc[ent.end + 2].text == ","
    )
    return aged or ent[0].text in lex.given_names


def _surnames(doc: Doc, m: Mention) -> list[str]:
    """The words a later bare mention of a named person may use: the mention's last word,
    its head when a proper name ("Battalion Chief Renata Ocampo, a … spokeswoman" gives
    Ocampo), and a proper name in apposition to its head ("the director, Ana Soto")."""
    head = doc[m.head]
    last = doc[m.end - 1]
    # Not a body the person is described by ("Lydia Farrow, chief executive of Northgate").
    names = [] if last.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC") else [last.text]
    if head.pos_ == "PROPN":
        names.append(head.text)
    names.extend(c.text for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN")
    return names


def _partitive_of(head: Token) -> Token | None:
    """The group of 'one of the people' / 'two of them' (a definite noun or a pronoun:
    it refers back), or None."""
    if head.lower_ not in QUANTIFIERS:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.lower_ in ("them", "us", "those", "these"):
                    return obj
                if any(
                    c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in obj.children
                ):
                    return obj
    return None


def _subject_like(tok: Token) -> bool:
    """A subject, or a name in apposition to one ("Her colleague, Tom Bexley, remembers")."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    return tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass")


def _runs_on_quote(ctx: DocContext, draft: Draft, previous: Draft | None) -> bool:
    """'He told MPs: "We inherited a broken system. | That ends now."': a sentence wholly
    inside a quotation opened in the attributed sentence before it, same paragraph."""
    if previous is None or previous.attribution is None or previous.para != draft.para:
        return False
    doc, quoted = ctx.doc, ctx.quoted
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None:
        return False
    words = [t.i for t in span if not (t.is_punct or t.is_space)]
    if not words or quoted[words[0]] < 0 or any(quoted[i] != quoted[words[0]] for i in words):
        return False
    before = doc.char_span(previous.start, previous.end, alignment_mode="expand")
    return before is not None and any(quoted[t.i] == quoted[words[0]] for t in before)


def _after_colon(ctx: DocContext, draft: Draft, previous: Draft | None) -> bool:
    """'The governor added: | We will not close …': what follows a sourced lead-in ending
    in a colon; and 'X listed her objections: | • The rule will be … | • Small hosts …':
    each bulleted item after one (or after a bullet that continued one)."""
    if previous is None or previous.mention is None:
        return False
    text = ctx.text
    if text[previous.start : previous.end].rstrip().endswith(":"):
        return True

    def bulleted(d: Draft) -> bool:
        line_start = text.rfind("\n", 0, d.start) + 1  # the bullet may lie outside the claim
        return text[line_start : d.end].lstrip().startswith(BULLETS)

    return bulleted(draft) and previous.continues is not None and bulleted(previous)


def _after_speaker_label(draft: Draft, previous: Draft | None) -> bool:
    """ "TAPPER: Do you regret it? | It hurt people.": the rest of a labelled speaker's
    paragraph is the speaker's too."""
    return (
        previous is not None
        and previous.para == draft.para
        and (previous.attribution is not None or previous.continues is not None)
        and (previous.continues or previous).attribution is not None
        and (previous.continues or previous).attribution.cue_rule == rules.CUE_SPEAKER_LABEL.id
    )


def _attributed_continuation(drafts: list[Draft], k: int) -> Draft | None:
    """The attributed quote that an open quoted paragraph runs into: the next paragraph's,
    or past further open, unattributed quote paragraphs, one paragraph after another."""
    last = drafts[k]
    for nxt in drafts[k + 1 :]:
        if nxt.kind != "quote" or nxt.para != last.para + 1:
            return None
        if nxt.attribution is not None:
            return nxt
        if not nxt.unclosed:
            return None
        last = nxt
    return None
