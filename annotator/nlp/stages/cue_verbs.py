"""The attribution a reporting verb makes: its source (see subjects.py), its content (a
clause, a quotation, a noun object for some verbs, a stance) and the words of its frame.

Rules work on the dependency parse. A verb cue needs content, so "officials did not say
how much" (negated), "the company added 500 jobs" and "the storm claimed 12 lives"
attribute nothing.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

from annotator.nlp import rules
from annotator.nlp.context import Attribution, DocContext
from annotator.nlp.grammar import (
    CLOSING_QUOTES,
    CONTENT_DEPS,
    FRAME_DEPS,
    INTERROGATIVE,
    NON_SOURCE_SUBJECTS,
    QUANTIFIERS,
    RELATIVE,
    STANCE_PRONOUNS,
    TEMPORAL_SUBORDINATORS,
)
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.phrases import by_agent, relayed, source_span, subtree_range
from annotator.nlp.stages.subjects import (
    SUBJECT_FINDERS,
    can_hold_view,
    fronted_name,
    is_document,
    mistagged_name,
)


def verb_attribution(ctx: DocContext, verb: Token) -> Attribution | None:
    """The attribution a reporting verb makes, or None when it makes none."""
    lex = ctx.lex
    lemma = report_lemma(lex, verb)
    if verb.dep_ in ("amod", "compound", "acomp", "aux", "auxpass", "nmod"):
        # '"...," Okonjo told supporters' parsed as a noun phrase ("Okonjo told" modifying
        # "supporters"): the order around the closing quotation mark still says who spoke.
        return after_quote(ctx, verb)
    if verb.dep_ == "conj" and ctx.quoted[verb.head.i] >= 0 and ctx.quoted[verb.i] < 0:
        # '"…," Dufresne, 71, told AFP' parsed as a verb coordinated with the quotation's:
        # its subject would be the quotation's own.
        quoted_speaker = after_quote(ctx, verb)
        if quoted_speaker is not None:
            return quoted_speaker
    if _noun_read_as_verb(lex, verb) is not None:
        return None  # "Hospital reports … indicate": "reports" is the source, not a cue
    misread = _report_of_misread_document(ctx, verb)
    if misread is not None:
        return misread
    cue_start, cue_end = verb.i, verb.i + 1
    second = _listed_complement(lex, verb)
    if second is not None:
        cue_start, cue_end = cue_extent(lex, verb)  # "made it clear"
    cue_rule = rules.CUE_VERB.id
    base = verb
    subj: Token | None = None
    source_rule = ""
    # "X was quoted as saying ..."
    if lemma == "say" and verb.tag_ == "VBG" and verb.head.lower_ == "as":
        base = verb.head.head
        subj = next((c for c in base.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is None or base.lemma_.lower() not in lex.quoting_verbs:
            return None
        cue_start, cue_end = base.i, verb.i + 1
        cue_rule, source_rule = rules.CUE_QUOTED_AS_SAYING.id, rules.SOURCE_SUBJECT.id
    else:
        for finder in SUBJECT_FINDERS:
            subj, source_rule = finder(ctx, verb)
            if subj is not None:
                break
    if subj is None:
        return None
    relayed_by: tuple[int, int] | None = None
    if cue_rule == rules.CUE_QUOTED_AS_SAYING.id:
        # "X was quoted as saying by the newspaper", "quoted by Interfax as saying": the
        # agent of the quoting relays the source.
        relayed_by = by_agent(base, lex) or by_agent(verb, lex)
    found_source = source_of(ctx, verb, base, subj, source_rule)
    if found_source is None:
        return None
    src, source_rule, embedded, relative = found_source
    if src.lower_ == "it" and source_rule in _BORROWED_SUBJECTS:
        return None  # "it means admitting that …", "it takes a year to confirm": no speaker
    weak = lemma in lex.weak_cue_verbs
    if weak and source_rule == rules.SOURCE_PARTICIPLE.id and not _quoted_label(ctx, verb):
        # "cut its forecast, blaming higher costs": a reason, not a report; but "opposed
        # the ruling, calling it “ill-founded”" labels it in the source's words.
        return None
    if weak and not can_hold_view(ctx, src):
        return None  # "the corner found Ortega unmarked", "the storm showed its force"
    # A report the claim does not rest on is still a relation: one embedded in a relative
    # clause of the writer's sentence ("… which the US says are …"), a negated one
    # ("officials did not say how much"), a request ("asks Turkey to delay").
    sources_claim = not embedded and not any(c.dep_ == "neg" for c in verb.children)
    if (
        source_rule == rules.SOURCE_AGENT.id
        and verb.dep_ == "advcl"
        and lemma in lex.quote_cue_verbs
    ):
        # "When asked by a reporter whether …, the mayor said …": the question is the
        # agent's; the answer that follows is what the claim rests on.
        sources_claim = False
    found = _content(ctx, verb, base, subj, src, source_rule)
    if found is None:
        # No report, but maybe a request or a stance ("asked Turkey to delay", "rejected
        # the plan"): a noun object alone counts only for verbs of stance ("added 500
        # jobs", "raised $2 million" are no relation).
        children = _about_children(verb) if can_hold_view(ctx, src) else []
        if second is not None and second.pos_ == "PRON":
            return None  # "put it on the table": "put it" reports only as a manner of saying
        if lemma not in lex.relation_verbs:
            if "|" in lex.stance_frames.get(lemma, "") and lemma not in lex.cue_verbs:
                # A stance only with its nouns: "raised concerns", not "raised money for …".
                return None
            children = [c for c in children if c.dep_ != "dobj"]
        if lemma in lex.quote_cue_verbs and lemma != "ask":
            # "continues to grow": a manner of speaking with a verb after it is no speech
            # about anything; only "ask" also makes requests ("asked to see the files").
            children = [c for c in children if c.dep_ != "xcomp"]
        about = [subtree_range(c) for c in children]
        if not about:
            return None
        found, sources_claim = (about, False), False
    content, after_content = found

    src_start, src_end = source_span(src, lex)
    if source_rule == rules.SOURCE_FRONTED_NAME.id:
        src_end = source_span(subj, lex)[1]  # the name with its apposition
    # The frame is the whole source phrase, clauses included ("one resident, who asked ...").
    frame = set(range(src.left_edge.i, src.right_edge.i + 1))
    frame.update(range(src_start, src_end))
    frame.update(range(cue_start, cue_end))
    frame_children = list(verb.children) + (list(base.children) if base is not verb else [])
    for child in frame_children:
        if child.dep_ in FRAME_DEPS or (lemma == "tell" and child.dep_ == "dobj"):
            if child.i == src.i:
                continue
            lo, hi = subtree_range(child)
            frame.update(range(lo, hi))
    # "told reporters": the addressee is part of the cue.
    if lemma == "tell":
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and obj.i == verb.i + 1 and obj.pos_ in ("NOUN",):
            cue_end = obj.i + 1
            cue_rule = rules.CUE_TOLD.id
    ctx.claimed_verbs.add(verb.i)
    conf = rules.CUE_WEAK_VERB.conf() if weak else rules.CUE_VERB.conf()
    if after_content:
        conf -= rules.AFTER_CONTENT_PENALTY
    return Attribution(
        sources_claim=sources_claim,
        clauses=None if sources_claim else clause_content(verb),
        relative=None if relative is None else relative.i,
        cue_start=cue_start,
        cue_end=cue_end,
        src_head=src.i,
        src_start=src_start,
        src_end=src_end,
        cue_rule=rules.CUE_WEAK_VERB.id if weak and cue_rule == rules.CUE_VERB.id else cue_rule,
        source_rule=source_rule,
        confidence=conf,
        verb=verb.i,
        content=content,
        frame=frame,
        relayed=relayed_by or relayed(src, lex),
        after_content=after_content,
        citing=citing(verb) if ctx.mentions_citing else None,
    )


# Dependency labels of what a verb is about: its object, clause, complement, preposition.
_ABOUT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "prep", "attr", "acomp", "oprd", "dative"})


# Rules that take a subject from another verb: a dummy "it" there speaks for nobody.
_BORROWED_SUBJECTS = frozenset(
    {rules.SOURCE_CONTROLLER.id, rules.SOURCE_PARTICIPLE.id, rules.SOURCE_SHARED_SUBJECT.id}
)


def _about_children(verb: Token) -> list[Token]:
    """What ``verb`` is about: what follows it, and the subject of a passive ("the plan
    was attacked by …")."""
    return [
        c
        for c in verb.children
        if (c.dep_ in _ABOUT_DEPS and c.i > verb.i)
        or c.dep_ in ("nsubjpass", "csubjpass")
        or _for_clause(verb, c)
    ]


def _for_clause(verb: Token, child: Token) -> bool:
    """ "calling for Trump to be banned": the parser makes the request a clause opened by
    "for" (an adverbial clause) instead of the verb's prepositional phrase."""
    return (
        child.dep_ == "advcl"
        and child.i > verb.i
        and any(
            m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1 for m in child.children
        )
    )


def that_clause(token: Token) -> bool:
    """Whether ``token`` heads a clause opened by "that"."""
    return token.dep_ in ("acl", "ccomp") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children
    )


def _as_clause(verb: Token, cue_word: Token | None) -> bool:
    """Whether ``verb`` opens with "as" and has nothing it reports of its own (the object
    of "told" is whom it was told to: "As Clinton told the Daily News, …"; the "it" of "as
    she put it" is part of the cue, ``cue_word``)."""
    addressed = verb.lemma_.lower() == "tell"
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and not any(
        c.dep_ in CONTENT_DEPS or (c.dep_ == "dobj" and not addressed and c != cue_word)
        for c in verb.children
    )


def relation_content(verb: Token) -> list[tuple[int, int]]:
    """What a verb of stance or request is about: the token ranges of its object, clause,
    complement or prepositional phrase after it."""
    return [subtree_range(c) for c in _about_children(verb)]


def clause_content(verb: Token) -> list[tuple[int, int]]:
    """What ``verb`` is about but its prepositional phrases, where the parser may hang
    the sentence's own "according to …" ("hoped that …", "criticised the plan to …")."""
    return [
        subtree_range(c)
        for c in verb.children
        if (c.dep_ in _ABOUT_DEPS and c.dep_ != "prep" and c.i > verb.i) or _for_clause(verb, c)
    ]


class Source(NamedTuple):
    head: Token
    rule: str
    embedded: bool = False  # in a relative clause of the writer's sentence
    relative: Token | None = None  # "who" in "its allies, who warned": head stands for it


def source_of(
    ctx: DocContext, verb: Token, base: Token, subj: Token, source_rule: str
) -> Source | None:
    """The head of the source a verb's subject stands for, and the rule that found it:
    the subject itself, the noun a relative pronoun stands for ("allies, who warned"), or
    a name the parser left before a long apposition; None when the subject cannot be a
    source ("this shows"). A verb in a relative clause of the writer's sentence ("…,
    which the US says are …") is ``embedded``."""
    doc = verb.doc
    described = any(c.dep_ in ("acl", "relcl", "prep", "amod") for c in subj.children)
    if subj.lower_ not in RELATIVE and (
        (subj.lower_ in NON_SOURCE_SUBJECTS and not described)  # "those surveyed" are people
        or (
            subj.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X")
            and subj.lower_ not in QUANTIFIERS  # "Many in the crowd said", tagged ADJ
            # "said the 46-year-old": an adjective with a determiner names someone
            and not (subj.pos_ == "ADJ" and any(c.dep_ == "det" for c in subj.children))
            and source_rule != rules.SOURCE_DANGLING_NAME.id
            and not mistagged_name(ctx, subj)
        )
    ):
        return None
    if subj.lower_ in RELATIVE:
        if base.dep_ == "relcl":
            return Source(base.head, rules.SOURCE_RELATIVE.id, relative=subj)
        # "allies, who warned": the nearest noun before the relative pronoun.
        for i in range(subj.i - 1, ctx.sentence_start(verb) - 1, -1):
            if doc[i].pos_ in ("NOUN", "PROPN"):
                return Source(doc[i], rules.SOURCE_RELATIVE.id, relative=subj)
        return None
    if base.dep_ == "relcl":
        return Source(subj, source_rule, embedded=True)
    fronted = fronted_name(ctx, subj, verb)
    if fronted is not None:
        return Source(fronted, rules.SOURCE_FRONTED_NAME.id)
    return Source(subj, source_rule)


def _content(
    ctx: DocContext, verb: Token, base: Token, subj: Token, src: Token, source_rule: str
) -> tuple[list[tuple[int, int]], bool] | None:
    """What a reporting verb reports, as token ranges, and whether it comes before the
    verb; None when the verb reports nothing."""
    lex = ctx.lex
    doc = verb.doc
    lemma = report_lemma(lex, verb)
    content: list[tuple[int, int]] = []
    for child in verb.children:
        if source_rule == rules.SOURCE_INVERTED.id and child.i > verb.i:
            continue  # what follows an inverted "said a man ..." describes the man
        if source_rule == rules.SOURCE_APPOSED_CLAUSE.id and child.i < verb.i:
            continue  # "Smith, asked about the delay, said": the clause describes Smith
        if source_rule == rules.SOURCE_ABSORBED.id and child.is_ancestor(subj):
            continue  # "Parents campaigning to … say": the clause holds the source
        if child.dep_ in CONTENT_DEPS or (child.dep_ == "xcomp" and lemma in lex.directive_verbs):
            content.append(subtree_range(child))
        elif _fronted_clause(child, verb):
            content.append(subtree_range(child))  # "Shelling hit the depot, officials said"
        elif child.dep_ == "prep" and child.lower_ == "against" and lemma in lex.directive_verbs:
            content.append(subtree_range(child))  # "warned against travel to the region"
        elif lemma in lex.quote_cue_verbs and _question_clause(child, verb):
            content.append(subtree_range(child))  # "asked workers if they planned to …"
    cue_word = _listed_complement(lex, verb)
    if cue_word is not None and cue_word.pos_ == "NOUN":
        # "made the case that …": the clause hangs on the cue's noun.
        content.extend(subtree_range(c) for c in cue_word.children if that_clause(c))
    if base is not verb and not content:
        # '"...," X was quoted as saying': the quotation hangs on "quoted", before it.
        for child in base.children:
            if child.dep_ in CONTENT_DEPS and child.i < base.i:
                content.append(subtree_range(child))
    after_content = base is not verb and any(hi <= subj.i for _, hi in content)
    vlo, vhi = subtree_range(verb if base is verb else base)
    # "After the court ruled, Hebert said, most laws …", "Instead, Trump told CNN, his
    # policy …": the parse may hang the clause or adverb that opens the sentence on "said";
    # it belongs to what was said, not to the frame.
    opening = [
        c
        for c in verb.children
        if c.i < subj.i
        and (
            (c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children))
            or (
                c.dep_ in ("advmod", "npadvmod")
                and _opens_sentence(doc, c.left_edge.i, ctx.sentence_start(verb))
                and c.right_edge.i + 1 < subj.i
                and doc[c.right_edge.i + 1].text == ","
            )
        )
    ]
    if base is verb and opening:
        vlo = max(c.right_edge.i for c in opening) + 1
    # A quotation in the clause or right next to it (the model may split "“Why?” | she asked").
    # Never across a paragraph: the next paragraph's quotation is someone else's.
    lo_limit, hi_limit = ctx.paragraph_of(verb)
    qlo, qhi = max(vlo - 2, lo_limit), min(vhi + 2, hi_limit)
    # Not a name the source goes by: 'the “Keep Left” movement continues to …' is no speech.
    slo, shi = source_span(src, lex)
    quote_near = ctx.has_quote(qlo, min(slo, qhi)) or ctx.has_quote(max(shi, qlo), qhi)
    # The clause without the commas the parser may hang on it.
    tlo, thi = vlo, vhi
    while tlo < verb.i and doc[tlo].is_punct:
        tlo += 1
    while thi - 1 > verb.i and doc[thi - 1].is_punct:
        thi -= 1
    before = doc[tlo - 1].text if tlo > 0 else ""
    after = doc[thi].text if thi < len(doc) else ""
    if (
        not content
        and source_rule != rules.SOURCE_PARTICIPLE.id
        and (
            verb.dep_ in ("parataxis", "ccomp", "advcl")
            # "X has risen to 23, the department said" parsed as coordinated verbs.
            or (
                verb.dep_ == "conj"
                and not any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children)
            )
        )
        and not any(c.dep_ == "mark" for c in verb.children)
        and (
            (verb.head.i < tlo and before in (",", "”", '"', "—", "–"))
            # "The move, analysts say, could ...": a parenthetical attribution.
            or (verb.head.i >= thi and before in (",", "—", "–") and after in (",", "—", "–"))
        )
    ):
        # "X is Y, he said" parsed with 'said' hanging off the content's verb.
        hlo, hhi = subtree_range(verb.head)
        content.extend([(min([hlo, *(c.left_edge.i for c in opening)]), vlo), (vhi, hhi)])
        after_content = True
    if not content and verb.dep_ == "advcl" and _as_clause(verb, cue_word):
        # "As Comey noted, people involved could still face sanctions": the clause the
        # "as" clause hangs on is what was noted.
        hlo, hhi = subtree_range(verb.head)
        content.extend(r for r in ((hlo, vlo), (vhi, hhi)) if r[0] < r[1])
        after_content = verb.head.i < verb.i
    if not content:
        content.extend(_venue_clause(verb))
    if not content:
        content.extend(_colon_quote(ctx, verb, paragraph=lemma in lex.cue_verbs))
    frames = lex.stance_frames
    if lemma in frames:
        stance = None if content else _stance_content(verb, src, frames[lemma], lex)
        if stance is not None:
            content.append(stance)
            quote_near = True  # the stance is the report: quote-only verbs need no quotation
        elif lemma not in lex.cue_verbs:
            return None  # "remembers the winter", "the storm dismissed": no stance reported
    if lemma in lex.quote_cue_verbs:
        if not quote_near and not _indirect_question(doc, content):
            return None  # "asks Turkey to delay": a request, not a report
    elif lemma in lex.weak_cue_verbs:
        if lemma in lex.weak_noun_object_cues or lemma in lex.naming_verbs:
            if not quote_near and not content:
                # "Passengers described a landing that felt routine", "the report documents
                # 61 pushbacks", "voters cited rents": a noun object is what they reported.
                dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                if (
                    lemma not in lex.weak_noun_object_cues
                    or dobj is None
                    or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
                    or dobj.pos_ in ("PRON", "PROPN")
                    or dobj.ent_type_ == "PERSON"
                ):
                    return None
                content.append(subtree_range(dobj))
        elif not content:
            dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if dobj is None or not is_document(lex, src):
                return None  # "a view shows a “Triumph” system": a quote alone is not enough
            content.append(_shown(verb, dobj))
    elif not content and not quote_near:
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is not None and lemma not in lex.noun_object_cues and is_document(lex, src):
            content.append(_shown(verb, dobj))  # "Hospital reports indicate one death"
            return content, after_content
        if (
            dobj is None
            or lemma not in lex.noun_object_cues
            or source_rule == rules.SOURCE_PARTICIPLE.id
        ):
            return None  # "left the room, saying nothing" reports nothing
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            return None  # "will report results on Aug. 6": a plan, not a report
        content.append(subtree_range(dobj))
    return content, after_content


def report_lemma(lex: Lexicon, verb: Token) -> str:
    """The verb's lemma, with its particle or complement when ``cue_verbs.txt`` or
    ``relation_verbs.txt`` lists the two together ("pointed out" is "point out", "made it
    clear" is "make clear", "took aim" is "take aim"; "pointed to" is "point")."""
    word = _listed_complement(lex, verb)
    lemma = verb.lemma_.lower()
    return lemma if word is None else f"{lemma} {word.lemma_.lower()}"


def _listed_complement(lex: Lexicon, verb: Token) -> Token | None:
    """The particle or complement that makes the verb a listed two-word cue."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.two_word_heads:
        return None
    for child in verb.children:
        if (
            child.dep_ in _COMPLEMENT_DEPS
            and f"{lemma} {child.lemma_.lower()}" in lex.two_word_verbs
        ):
            return child
    return None


def cue_extent(lex: Lexicon, verb: Token) -> tuple[int, int]:
    """The token range of a verb's cue: the verb, through the second word of a listed
    two-word cue ("made it clear", "took a swipe") or its particles ("lashed out")."""
    second = _listed_complement(lex, verb)
    if second is not None:
        return min(verb.i, second.i), max(verb.i, second.i) + 1
    end = verb.i + 1
    while end < len(verb.doc) and verb.doc[end].dep_ == "prt":
        end += 1
    return verb.i, end


# Where the second word of a two-word cue hangs: a particle or adverb ("point out", "fire
# back"), an object ("put it", "make the case") or the adjective of "make clear", which the
# model parses as a clause or a predicate.
_COMPLEMENT_DEPS = frozenset({"prt", "advmod", "dobj", "ccomp", "oprd", "acomp"})


def _opens_sentence(doc: Doc, i: int, sentence_start: int) -> bool:
    """Token i starts the sentence, or follows only its opening conjunction ("And …")."""
    return i == sentence_start or (i == sentence_start + 1 and doc[sentence_start].dep_ == "cc")


def _shown(verb: Token, dobj: Token) -> tuple[int, int]:
    """ "Polls show a 56% approval rating", "the poll shows Cruz ahead": what a document
    shows is what it reports, up to the verb's last complement (a clause coordinated after
    it, "…, but Shelby said …", is not shown)."""
    end = max(
        (c.right_edge.i for c in verb.children if c.i > verb.i and c.dep_ not in _NOT_SHOWN),
        default=dobj.right_edge.i,
    )
    return dobj.left_edge.i, end + 1


# A document verb's children that are not what it shows: a coordinated clause, the
# conjunction before it and punctuation.
_NOT_SHOWN = frozenset({"conj", "cc", "punct"})


def after_quote(ctx: DocContext, verb: Token) -> Attribution | None:
    """'"…," Okonjo told supporters.': the words between a quotation's closing mark (after
    a comma) and a speech verb are its source, whatever the parse; the quotation is the
    content."""
    lex, quoted = ctx.lex, ctx.quoted
    doc = verb.doc
    lemma = report_lemma(lex, verb)
    if lemma not in lex.cue_verbs or lemma in lex.weak_cue_verbs or quoted[verb.i] >= 0:
        return None
    sent_start = ctx.sentence_start(verb)
    first = max(sent_start, verb.i - 8)  # at most six words of source between
    k = verb.i - 1
    while k >= first and doc[k].text not in CLOSING_QUOTES:
        k -= 1
    if k < first:
        return None
    words = doc[k + 1 : verb.i]
    # An apposition between commas belongs to the source ("Dufresne, 71,", "Ruiz, a baker,").
    named = [t for t in words if t.text != ","]
    if (
        k - 2 < sent_start
        or doc[k - 1].text not in (",", "?", "!")
        or quoted[k - 2] < 0
        or not 1 <= len(named) <= 6
        or any(t.is_punct or t.pos_ in ("VERB", "AUX", "ADP") for t in named)
        or not (words[0].text[:1].isupper() or words[0].lower_ in ("the", "a", "an"))
        or words[0].text == ","
    ):
        return None
    head = next((t.nbor(-1) for t in words if t.text == ","), named[-1])  # the name, not "71"
    qi = quoted[k - 2]
    lo = k - 2
    while lo > 0 and quoted[lo - 1] == qi:
        lo -= 1
    ctx.claimed_verbs.add(verb.i)
    cue_end = verb.i + 1
    if lemma == "tell" and cue_end < len(doc) and doc[cue_end].pos_ == "NOUN":
        cue_end += 1  # "told supporters": the audience joins the cue
    return Attribution(
        cue_start=verb.i,
        cue_end=cue_end,
        src_head=head.i,
        src_start=words[0].i,
        src_end=head.i + 1,
        cue_rule=rules.CUE_VERB.id,
        source_rule=rules.SOURCE_AFTER_QUOTE.id,
        confidence=rules.SOURCE_AFTER_QUOTE.conf(),
        verb=verb.i,
        content=[(lo, k - 1)],
        frame=set(range(k - 1, cue_end)),
        after_content=True,
    )


def _quoted_label(ctx: DocContext, verb: Token) -> bool:
    """A naming verb whose label is quoted: "calling it “ill-founded”"."""
    if verb.lemma_.lower() not in ctx.lex.naming_verbs:
        return False
    quoted = ctx.quoted
    for child in verb.children:
        if child.dep_ == "oprd":
            lo, hi = subtree_range(child)
            if any(quoted[i] >= 0 for i in range(lo, hi)):
                return True
    return False


def _noun_read_as_verb(lex: Lexicon, verb: Token) -> Token | None:
    """ "Hospital reports early on Saturday morning indicate one death": the model may read
    a plural document noun as a verb whose subject is the bare singular noun before it,
    and the reporting verb after it as its clause. That noun, when the clause's verb
    reports and has no subject of its own."""
    if verb.tag_ != "VBZ" or verb.lemma_.lower() not in lex.document_nouns:
        return None
    noun = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        noun is None
        or noun.i != verb.i - 1
        or noun.tag_ != "NN"
        or any(c.dep_ in ("det", "poss") for c in noun.children)
    ):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if (
        clause is None
        or clause.lemma_.lower() not in lex.cue_verbs
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in clause.children)
    ):
        return None
    return noun


def _report_of_misread_document(ctx: DocContext, verb: Token) -> Attribution | None:
    """The report of "Hospital reports … indicate one death" (see _noun_read_as_verb):
    the noun and the misread word are the source, the verb after them the cue."""
    document = verb.head
    if verb.dep_ != "ccomp" or document.i > verb.i:
        return None
    noun = _noun_read_as_verb(ctx.lex, document)
    if noun is None or verb.right_edge.i <= verb.i:
        return None
    ctx.claimed_verbs.add(verb.i)
    rule = rules.SOURCE_NOUN_READ_AS_VERB
    return Attribution(
        cue_start=verb.i,
        cue_end=verb.i + 1,
        src_head=document.i,
        src_start=noun.left_edge.i,
        src_end=document.i + 1,
        cue_rule=rules.CUE_VERB.id,
        source_rule=rule.id,
        confidence=rules.CUE_VERB.conf(),
        verb=verb.i,
        content=[(verb.i + 1, verb.right_edge.i + 1)],
        frame=set(range(noun.left_edge.i, document.i + 1)) | {verb.i},
    )


def citing(verb: Token) -> int | None:
    """'Bloomberg reported, citing two officials': the head of 'two officials'."""
    # Children and grandchildren only: a walk over the whole subtree is quadratic in a
    # sentence with hundreds of verbs (text with no full stops).
    near = [c for child in verb.children for c in (child, *child.children)]
    for child in near:
        if child.lower_ == "citing":
            obj = next((c for c in child.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                return obj.i
    return None


def _colon_quote(ctx: DocContext, verb: Token, paragraph: bool) -> list[tuple[int, int]]:
    """'telling the crowd: "This one means …"': a quotation opened right after a colon that
    ends the verb's clause is what was said (the model may hang the clause on the quote).
    With ``paragraph`` (a verb of speech), a colon that ends the paragraph ("The governor
    added:") introduces the next paragraph, quoted or not."""
    doc, quoted = verb.doc, ctx.quoted
    colon = verb.right_edge.i
    while colon > verb.i and doc[colon].is_space:
        colon -= 1  # the paragraph break may hang on the colon
    if doc[colon].text != ":":
        colon += 1  # the colon may close the verb's phrase or follow it
    if colon + 1 >= len(doc) or doc[colon].text != ":":
        return []
    start = colon + 1
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start == len(doc):
        return []
    if quoted[start] < 0:
        _, hi = ctx.paragraph_of(doc[colon])
        if start < hi or not paragraph:
            return []  # words after the colon on its own line: the parse had its chance
        return [ctx.paragraph_of(doc[start])]
    qi = quoted[start]
    end = start
    while end < len(doc) and quoted[end] == qi:
        end += 1
    return [(start, end)]


def _fronted_clause(child: Token, verb: Token) -> bool:
    """A clause before the verb that the model made an adverbial ("Shelling hit the depot
    overnight, officials said"): no subordinator, and a comma between it and the verb."""
    if child.dep_ != "advcl" or child.i > verb.i or child.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "mark" or c.lower_ in TEMPORAL_SUBORDINATORS for c in child.children):
        return False
    end = child.right_edge.i + 1
    return end < verb.i and verb.doc[end].text == ","


def _stance_content(verb: Token, src: Token, frame: str, lex: Lexicon) -> tuple[int, int] | None:
    """The object and complement of "dismissed the pledge as a gimmick", "raised concerns",
    when the frame of ``stance_verbs.txt`` is there and a person or body holds the stance."""
    low, lemma = src.lower_, src.lemma_.lower()
    frame, _, who = frame.partition("\t")
    if who == "person" and not (
        src.ent_type_ == "PERSON" or low in ("he", "she", "i") or lemma in lex.person_nouns
    ):
        return None  # "she recalls the storms" is memory; "the carmaker recalled 900 cars" is not
    if not (
        src.pos_ == "PROPN"
        or src.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or low in STANCE_PRONOUNS
        or any(
            w in words
            for w in (lemma, low)
            for words in (lex.person_nouns, lex.group_nouns, lex.org_nouns, lex.anonymous_nouns)
        )
    ):
        return None
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    parts: list[Token] = []
    if frame == "obj" or "|" in frame:
        if dobj is None or (frame != "obj" and dobj.lemma_.lower() not in frame.split("|")):
            return None
        if frame == "obj" and (
            any(c.dep_ == "nummod" for c in dobj.children)
            or dobj.ent_type_ == "CARDINAL"
            or dobj.lower_ in lex.group_nouns
        ):
            return None  # "welcomed 300 new members": no stance
        parts.append(dobj)
    else:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == frame), None)
        # The model hangs an adjective on "as" as pobj, pcomp or amod ("as stubborn").
        if prep is None or not any(
            c.dep_ in ("pobj", "pcomp", "amod", "acomp") for c in prep.children
        ):
            return None
        parts.extend(p for p in (dobj, prep) if p is not None)
    lo = min(p.left_edge.i for p in parts)
    hi = max(p.right_edge.i for p in parts) + 1
    return lo, hi


def _venue_clause(verb: Token) -> list[tuple[int, int]]:
    """The "that"-clause of "said in a briefing that ...", "argued at trial that ...": the
    parser hangs it on the noun as a relative clause, but it is what was said."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for clause in pobj.children:
                if clause.dep_ not in ("relcl", "acl", "ccomp"):
                    continue
                # "speculated for months that …": "that" as a subordinator, never a relative
                # pronoun, marks a complement after any preposition.
                complement = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
                if prep.lower_ not in ("in", "at", "during", "on") and not complement:
                    continue
                lo, hi = subtree_range(clause)
                # "a briefing that councils had ..." has a subject of its own; "an
                # interview that aired Tuesday" is a true relative clause.
                if verb.doc[lo].lower_ == "that" and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.i != lo for c in clause.children
                ):
                    return [(lo, hi)]
    return []


def _question_clause(child: Token, verb: Token) -> bool:
    """An "if"/"whether" clause after the verb and the one asked, which the parser made
    adverbial: the reported question of "asked workers if they planned to attend" ("she
    laughed if anyone mentioned it", with no one asked, is a condition)."""
    return (
        child.dep_ == "advcl"
        and child.i > verb.i
        and any(c.dep_ in ("dobj", "dative") and c.i < child.i for c in verb.children)
        and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children)
    )


def _indirect_question(doc: Doc, content: list[tuple[int, int]]) -> bool:
    """Whether a clause complement opens with 'whether', 'if', 'how' ... (a reported
    question), not 'that' ("asked that his name not be used" is a request)."""
    for lo, hi in content:
        first = next((doc[i] for i in range(lo, hi) if not doc[i].is_punct), None)
        if first is not None and first.lower_ in INTERROGATIVE:
            return True
    return False
