"""Attributions beyond reporting verbs: reported intentions ("she wants to run"), which
source the claim, and relations ("X attacked the plan", "asked Turkey to delay", "Trump's
plan to …"), which record who took a stance but leave the claim to the writer.

Agentless passive reports ("Sanders is expected to win") and the writer's hedges ("seems
to") are recorded the same way, with no source: the text names nobody the claim rests on.

The decision, in docs/detection.md: an evaluation or a request is a fact the writer
reports (that X attacked, asked, endorsed); what it is about is not X's claim. An intention
or a belief is the source's own mind, reported: the claim rests on the source.
"""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp import rules
from annotator.nlp.context import AgentlessReport, Attribution, DocContext
from annotator.nlp.grammar import TEMPORAL_SUBORDINATORS
from annotator.nlp.phrases import relayed, source_span, subtree_range
from annotator.nlp.stages.cue_verbs import (
    Source,
    clause_content,
    cue_extent,
    relation_content,
    source_of,
    that_clause,
)
from annotator.nlp.stages.subjects import SUBJECT_FINDERS, can_hold_view

# A verb in these roles is no predicate of its own ("a supporting role", "the endorsed bill").
_NOT_PREDICATE = frozenset({"amod", "compound", "aux", "auxpass", "nmod", "acomp"})


def _source(ctx: DocContext, verb: Token) -> Source | None:
    """The source of a verb of stance or intention: a subject that can hold a view."""
    for finder in SUBJECT_FINDERS:
        subj, rule = finder(ctx, verb)
        if subj is not None:
            found = source_of(ctx, verb, verb, subj, rule)
            if found is None or not can_hold_view(ctx, found.head):
                return None
            return found
    return None


def _attribution(
    ctx: DocContext,
    verb: Token,
    source: Source,
    cue: rules.Rule,
    content: list[tuple[int, int]],
    sources_claim: bool,
) -> Attribution:
    lex = ctx.lex
    src = source.head
    src_start, src_end = source_span(src, lex)
    cue_start, cue_end = cue_extent(lex, verb)
    frame = set(range(src.left_edge.i, src.right_edge.i + 1)) | set(range(cue_start, cue_end))
    ctx.claimed_verbs.add(verb.i)
    return Attribution(
        cue_start=cue_start,
        cue_end=cue_end,
        src_head=src.i,
        src_start=src_start,
        src_end=src_end,
        cue_rule=cue.id,
        source_rule=source.rule,
        relative=None if source.relative is None else source.relative.i,
        confidence=cue.conf(),
        verb=verb.i,
        content=content,
        frame=frame,
        relayed=relayed(src, lex),
        sources_claim=sources_claim,
        clauses=None if sources_claim else clause_content(verb),
    )


def _infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a to-infinitive ("to run")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def intention_attribution(ctx: DocContext, verb: Token) -> Attribution | None:
    """ "She wants to run", "the senator plans to vote against it", "Cruz refused to
    endorse": an intention, decision or refusal reported with its infinitive."""
    if verb.dep_ in _NOT_PREDICATE:
        return None
    plan = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if plan is None or not _infinitive(plan):
        return None
    found = _source(ctx, verb)
    if found is None:
        return None
    return _attribution(ctx, verb, found, rules.CUE_INTENTION, [subtree_range(plan)], True)


def topic_attribution(ctx: DocContext, verb: Token) -> Attribution | None:
    """ "He spoke about the border wall", "Valls spoke out sharply against it": a verb of
    speaking related to a topic by one of its words of ``topic_verbs.txt``."""
    if verb.dep_ in _NOT_PREDICATE:
        return None
    words = ctx.lex.topic_words[verb.lemma_.lower()]
    topics = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in words]
    if not topics:
        return None
    found = _source(ctx, verb)
    if found is None:
        return None
    content = [subtree_range(c) for c in topics]
    return _attribution(ctx, verb, found, rules.CUE_RELATION, content, False)


def relation_attribution(ctx: DocContext, verb: Token) -> Attribution | None:
    """ "Bush attacked Trump", "Cruz endorsed the plan", "she called for an inquiry": a
    stance, evaluation or request, with what it is about."""
    if verb.dep_ in _NOT_PREDICATE:
        return None
    content = relation_content(verb)
    if not content:
        return None
    found = _source(ctx, verb)
    if found is None:
        return None
    return _attribution(ctx, verb, found, rules.CUE_RELATION, content, False)


def possessed_claim(ctx: DocContext, noun: Token) -> Attribution | None:
    """ "the governor's claim that the dam is safe", "his assertion that the ferry pays": a
    noun of ``claim_nouns.txt`` with a possessor that can hold a view and a "that" clause."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    clauses = [subtree_range(c) for c in noun.children if that_clause(c)]
    if owner is None or not clauses or not can_hold_view(ctx, owner):
        return None
    # The owner stands where the subject of a verb would ("Trump claimed that …").
    source = Source(owner, rules.SOURCE_SUBJECT.id)
    attr = _attribution(ctx, noun, source, rules.CUE_RELATION, clauses, False)
    attr.clauses = clauses
    return attr


def agentless_report(verb: Token) -> AgentlessReport | None:
    """ "Sanders is widely expected to win", "he is said to be furious", "it is believed
    that …", "Asked about the charges, Rubio said …": a passive reporting verb, or a bare
    past participle clause ("when asked whether …"), with no "by" agent and an infinitive,
    a clause or (for a question) what it is about. The cue runs from the passive auxiliary
    to the verb ("is widely expected")."""
    children = list(verb.children)
    if any(c.dep_ in ("agent", "nsubj") for c in children):
        return None
    aux = [c for c in children if c.dep_ == "auxpass"]
    # A bare participle clause: fronted ("Asked about …, Rubio said", which the model may
    # tag as a past tense) or opened by a subordinator wherever it stands ('"We'll see,"
    # he said when asked whether …').
    fronted = verb.dep_ == "advcl" and (
        (verb.tag_ in ("VBN", "VBD") and verb.i < verb.head.i)
        or (
            verb.tag_ == "VBN"
            and any(
                c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in TEMPORAL_SUBORDINATORS)
                for c in children
            )
        )
    )
    if not aux and not fronted:
        return None
    said = next((c for c in children if c.i > verb.i and _reported(c)), None)
    if said is None:
        return None
    subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
    start = min(subj.left_edge.i if subj is not None else verb.i, said.left_edge.i)
    cue_start = aux[0].i if aux else verb.i
    return AgentlessReport(
        cue_start, verb.i + 1, (start, said.right_edge.i + 1), rules.CUE_AGENTLESS.id
    )


def hedge(verb: Token) -> AgentlessReport | None:
    """ "Obama seemed to recognize …", "it appears that …", "New Hampshire seems stable":
    the writer's hedge, with what it hedges (an infinitive, a clause, an adjective)."""
    said = next(
        (
            c
            for c in verb.children
            if c.i > verb.i
            and (
                (c.dep_ == "xcomp" and _infinitive(c))
                or c.dep_ == "ccomp"
                or (c.dep_ in ("acomp", "attr", "oprd") and c.pos_ == "ADJ")
            )
        ),
        None,
    )
    if said is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
    start = min(subj.left_edge.i if subj is not None else verb.i, verb.i)
    return AgentlessReport(verb.i, verb.i + 1, (start, said.right_edge.i + 1), rules.CUE_HEDGE.id)


def adverb_report(adverb: Token) -> AgentlessReport:
    """ "Trump reportedly told aides …": an adverb saying the clause it modifies was
    reported by someone not named."""
    lo, hi = subtree_range(adverb.head)
    return AgentlessReport(adverb.i, adverb.i + 1, (lo, hi), rules.CUE_AGENTLESS.id)


def _reported(child: Token) -> bool:
    """What a passive report says or asks: an infinitive, a clause, "about" something, or
    a question the model made an adverbial clause ("Asked if he was ever bullied, …")."""
    return (
        (child.dep_ == "xcomp" and _infinitive(child))
        or child.dep_ == "ccomp"
        or (child.dep_ == "prep" and child.lower_ == "about")
        or (
            child.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children)
        )
    )


def stance_adjective(ctx: DocContext, adj: Token) -> Attribution | None:
    """ "Bolton was sharply critical of Republicans who …", "aides are adamant that he will
    run": a stance adjective after a copula, with a clause or a phrase it is about. The cue
    runs from the copula to the adjective's preposition ("was sharply critical of")."""
    verb = adj.head
    if adj.dep_ not in ("acomp", "oprd") or verb.pos_ not in ("VERB", "AUX"):
        return None
    about = [
        c
        for c in adj.children
        if c.i > adj.i and (c.dep_ in ("ccomp", "prep") or (c.dep_ == "xcomp" and _infinitive(c)))
    ]
    # "were adamant that …": the parser may hang the clause on the copula.
    about += [c for c in verb.children if c.dep_ == "ccomp" and c.i > adj.i]
    if not about:
        return None
    found = _source(ctx, verb)
    if found is None:
        return None
    attr = _attribution(
        ctx, verb, found, rules.CUE_RELATION, [subtree_range(c) for c in about], False
    )
    prep = about[0] if about[0].dep_ == "prep" else None
    attr.cue_end = (prep.i if prep is not None else adj.i) + 1
    attr.verb = adj.i
    attr.clauses = [subtree_range(c) for c in about if c.dep_ != "prep"]
    attr.frame |= set(range(attr.cue_start, attr.cue_end))
    return attr
