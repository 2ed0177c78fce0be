"""Stage 2, cues: the attributions of every sentence unit.

A unit's attributions come from reporting verbs (cue_verbs.py) and from phrases
(cue_phrases.py). Cues inside quotations are left out (a quote inside a quote is no new
attribution), and so are cues nested in the content of another: the outermost source owns
the claim.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy
from spacy.attrs import LOWER
from spacy.symbols import ADJ, NOUN
from spacy.tokens import Doc
from spacy.util import filter_spans

from annotator.nlp import rules
from annotator.nlp.context import Attribution, DocContext, Unit, in_sorted
from annotator.nlp.grammar import QUESTION_OPENERS
from annotator.nlp.phrases import source_span
from annotator.nlp.stages.cue_phrases import (
    according_to,
    no_comment,
    poll_finding,
    speaker_label,
    statement_cue,
    trailing_headline_cue,
)
from annotator.nlp.stages.cue_relations import (
    adverb_report,
    agentless_report,
    hedge,
    intention_attribution,
    possessed_claim,
    relation_attribution,
    stance_adjective,
    topic_attribution,
)
from annotator.nlp.stages.cue_verbs import report_lemma, verb_attribution
from annotator.nlp.stages.subjects import can_report

# More attributions than this in one sentence is no prose (text without full stops, a
# list run together): the pairwise nesting test gives way to a linear approximation.
MAX_PAIRWISE_ATTRIBUTIONS = 64


def find_cues(ctx: DocContext) -> None:
    """Fill every unit's ``attributions`` (and ``ctx.anon_spans``)."""
    doc, lex = ctx.doc, ctx.lex
    quoted = ctx.quoted
    multi = ctx.matchers.multi(doc)
    according = [(s, e) for mid, s, e in multi if doc.vocab.strings[mid] == "according to"]
    cue_ext = {s: e for mid, s, e in multi if doc.vocab.strings[mid] != "according to"}
    statements = [(s, e) for mid, s, e in multi if doc.vocab.strings[mid] in lex.statement_cues]
    refusals = [(s, e) for _, s, e in ctx.matchers.no_comment(doc)]
    # Anonymity phrases, matched once: overlapping ones ("gave only her first name",
    # "only her first name") count once, the longest kept.
    ctx.anon_spans = filter_spans(ctx.matchers.anon(doc, as_spans=True))
    briefings = [span.start for span in ctx.anon_spans if span.label_ == "understood"]

    # Candidate words from array passes: a Token object only for the few that can cue.
    cue_words = numpy.flatnonzero(
        ctx.unquoted & ctx.is_verb & ctx.lemma_in(lex.verb_cue_lemmas)
    ).tolist()
    polls = numpy.flatnonzero(ctx.unquoted & ctx.lemma_in(lex.survey_nouns)).tolist()
    claim_nouns = numpy.flatnonzero(
        ctx.unquoted & (ctx.pos == NOUN) & ctx.lemma_in(lex.claim_nouns)
    ).tolist()
    other_words = numpy.flatnonzero(
        ctx.unquoted
        & (
            ((ctx.pos == ADJ) & ctx.lemma_in(lex.stance_adjectives))
            | in_sorted(doc.to_array(LOWER), ctx.matchers.report_adverb_lowers)
            | (ctx.is_verb & ctx.lemma_in(lex.hedge_verbs))
        )
    ).tolist()

    for unit in ctx.units:
        found: list[Attribution] = []
        for i in _within(cue_words, unit):
            tok = doc[i]
            lemma = report_lemma(lex, tok)
            attr = None
            if lemma in lex.cue_verbs or lemma in lex.stance_frames:
                attr = verb_attribution(ctx, tok)
                if attr is not None and attr.citing is not None and _relays(ctx, attr):
                    _relay_through_subject(ctx, attr)
            if attr is None and lemma in lex.intention_verbs:
                attr = intention_attribution(ctx, tok)
            # "…, criticizing the pipeline": a participle of criticism is a stance taken.
            stance_participle = tok.tag_ == "VBG" and lemma in lex.weak_stance_verbs
            if attr is None and (lemma in lex.relation_verbs or stance_participle):
                attr = relation_attribution(ctx, tok)
            if attr is None and lemma in lex.topic_words:
                attr = topic_attribution(ctx, tok)
            if (
                attr is None
                and lemma in lex.passive_report_verbs
                and not any(span.start <= i < span.end for span in ctx.anon_spans)
            ):
                report = agentless_report(tok)
                if report is not None:
                    unit.agentless.append(report)
            if attr is not None and quoted[attr.src_head] < 0:
                # "said in a statement", "told reporters": widen the cue.
                ext = cue_ext.get(attr.cue_end) or cue_ext.get(attr.cue_end + 1)
                if ext is not None and ext - attr.cue_end <= 4:
                    attr.cue_end = ext
                found.append(attr)
        for i in _within(other_words, unit):
            tok = doc[i]
            if tok.pos_ == "ADJ" and tok.lemma_.lower() in lex.stance_adjectives:
                attr = stance_adjective(ctx, tok)
                if attr is not None:
                    found.append(attr)
                continue
            if tok.lower_ in lex.report_adverbs:
                unit.agentless.append(adverb_report(tok))
                continue
            # "Clinton seemed to confirm …": the verb it completes already reports.
            if not any(doc[a.anchor].head.i == i for a in found):
                report = hedge(tok)
                if report is not None:
                    unit.agentless.append(report)
        for i in _within(claim_nouns, unit):
            attr = possessed_claim(ctx, doc[i])
            if attr is not None:
                found.append(attr)
        for s, e in according:
            if unit.start <= s < unit.end and quoted[s] < 0:
                attr = according_to(ctx, s, e, unit.start, unit.end)
                if attr is not None:
                    found.append(attr)
        for s, e in refusals:
            if unit.start <= s < unit.end and quoted[s] < 0:
                found = _with_phrase(found, no_comment(ctx, s, e, unit.end), s, e)
        for s, e in statements:
            if unit.start <= s < unit.end and quoted[s] < 0:
                statement = statement_cue(ctx, s, e)
                if statement is None or not _coordinated_report(doc, found, statement):
                    found = _with_phrase(found, statement, s, e)
        label = speaker_label(ctx, unit)
        if label is not None:
            found.append(label)
        for i in _within(polls, unit):
            finding = poll_finding(ctx, doc[i], unit.end)
            if finding is not None:
                # With a report of its own ("…, 75 percent said …") the sentence stays that
                # report's claim; the poll is a relation that nests nothing.
                if any(a.sources_claim for a in found):
                    finding.sources_claim, finding.clauses = False, []
                found.append(finding)
        for attr in found:
            _widen_document(ctx, attr)
        _describing_sources(doc, found)
        # "Trump issued a statement saying …": a report inside a relation of the same
        # source ("issued") is that source's report; the relation adds nothing.
        found = [
            a
            for a in found
            if a.sources_claim
            or not any(
                b.sources_claim and b.src_head == a.src_head and a.nests(b.anchor) for b in found
            )
        ]
        # The outermost attribution owns a claim: drop those nested in another's content,
        # a relation's included ("The US had hoped that Ankara would agree …" is not
        # Ankara's claim). An attribution after its content ("X expects Y, a spokeswoman
        # said") wins over a verb inside that content, even where the parse nests it the
        # other way. Nested ones are mostly the source's own words ("X said he wants to
        # …"): they become neither claims nor relations, but for those _nested_accounts keeps.
        outer = outermost(found, unit, doc)
        top = [a for a in outer if a.sources_claim]
        unit.relations = [a for a in outer if not a.sources_claim] + _nested_accounts(
            doc, found, outer
        )
        top.sort(key=lambda a: min(a.cue_start, a.src_start))
        if _direct_question(ctx, unit):
            # "What did officials say at Tuesday's briefing?" asks and reports nothing;
            # "Why, the senator asked, did the agency wait?" is the senator's question.
            top = [a for a in top if a.after_content]
        if any(unit.start <= i < unit.end for i in briefings):
            # "…, it is understood, …": an unnamed briefing is the sentence's source; a
            # stance its subject took ("raised objections") is what was briefed.
            top = [a for a in top if not _stance_only(ctx, a)]
        unit.attributions = top

    for unit in ctx.units:
        if unit.para in ctx.headline_paras and len(unit.attributions) == 1:
            # "Hotels to close 'within a year', says Home Secretary": the parse makes the
            # content the subject; the headline pattern knows the inverted order.
            trailing = trailing_headline_cue(ctx, unit)
            if trailing is not None and trailing.cue_start == unit.attributions[0].cue_start:
                unit.attributions = [trailing]


def _nested_accounts(
    doc: Doc, found: list[Attribution], outer: list[Attribution]
) -> list[Attribution]:
    """Nested attributions kept as relations (which nest nothing): "Trump said he was happy,
    according to The New York Times", where the parse may nest a phrase that passes on the
    whole report inside its content (whose account it is); and a further speech act of the
    same source on the outer verb ("Trump insisted that …, claiming that …", "said that …
    and noted that …")."""
    kept = {id(a) for a in outer}
    nested = [
        a
        for a in found
        if id(a) not in kept
        and (a.cue_rule == rules.CUE_ACCORDING_TO.id or _same_speaker_act(doc, a, outer))
    ]
    for a in nested:
        a.sources_claim, a.clauses = False, []
    return nested


def _same_speaker_act(doc: Doc, a: Attribution, outer: list[Attribution]) -> bool:
    """Whether ``a``'s verb is coordinated with or hangs on an outer report's verb (or on the
    clause it reported), with the same source word."""
    if a.verb is None:
        return False
    verb = doc[a.verb]
    head = verb.head.head if verb.dep_ == "conj" and verb.head.dep_ == "conj" else verb.head
    if head.dep_ == "ccomp":
        head = head.head  # hung on the clause the same speaker reported (content_speaker)
    return verb.dep_ in ("advcl", "conj") and any(
        b.verb == head.i and doc[b.src_head].lower_ == doc[a.src_head].lower_ for b in outer
    )


def _within(indices: list[int], unit: Unit) -> list[int]:
    """The sorted ``indices`` that fall inside ``unit``."""
    return indices[bisect_left(indices, unit.start) : bisect_left(indices, unit.end)]


def _with_phrase(
    found: list[Attribution], attr: Attribution | None, start: int, end: int
) -> list[Attribution]:
    """``found`` with a phrase cue over tokens [start, end) ("declined to comment", "in a
    statement") added, unless a report already owns its verb. The phrase wins over what
    its verb made alone: "declined to comment" is a refusal, not an intention; "did not
    respond" a reply, not a negated report; the "say" of "declined to say" is the
    refusal's."""
    if attr is None:
        return found
    kept = [
        a
        for a in found
        if not (start <= a.anchor < end and a.verb != attr.verb)
        and not (
            a.verb == attr.verb and (a.cue_rule == rules.CUE_INTENTION.id or not a.sources_claim)
        )
    ]
    if not any(a.verb == attr.verb for a in kept):
        kept.append(attr)
    return kept


def _coordinated_report(doc: Doc, found: list[Attribution], phrase: Attribution) -> bool:
    """ "In a statement, the governor blasted the legislature and said …": a report on a
    verb coordinated with the one the phrase modifies is what the statement said."""
    return any(
        a.sources_claim
        and a.verb is not None
        and doc[a.verb].dep_ == "conj"
        and doc[a.verb].head.i == phrase.verb
        for a in found
    )


def _describing_sources(doc: Doc, found: list[Attribution]) -> None:
    """ "A man who declined to give his name said …": an attribution inside another's source
    phrase describes that source; it owns no claim (it stays a relation)."""
    for a in found:
        for b in found:
            head = doc[b.src_head]
            if b is not a and head.left_edge.i <= a.anchor <= head.right_edge.i:
                a.sources_claim = False
                a.clauses = a.clauses if a.clauses is not None else []
                break


def _widen_document(ctx: DocContext, a: Attribution) -> None:
    """A document source keeps its participle ("a poll released Tuesday by Pew", "a
    complaint filed in district court"): it says which document it is."""
    head = ctx.doc[a.src_head]
    nouns = ctx.lex.document_nouns
    if head.lemma_.lower() not in nouns and head.lower_ not in nouns:
        return
    lo, hi = source_span(head, ctx.lex, keep_acl=True)
    if a.cue_start in range(lo, hi) or (a.verb is not None and a.verb in range(lo, hi)):
        return
    a.src_start, a.src_end = min(lo, a.src_start), max(hi, a.src_end)
    a.frame.update(range(lo, hi))


def _relays(ctx: DocContext, a: Attribution) -> bool:
    """Whether "citing" hands the report on: an outlet or body cites people or papers
    ("The Journal reported, citing people familiar"); a person citing a reason or data
    ("McCain said, citing low growth") is still the source."""
    assert a.citing is not None
    subject, cited = ctx.doc[a.src_head], ctx.doc[a.citing]
    lex = ctx.lex
    person = subject.ent_type_ == "PERSON" or any(
        subject.lemma_.lower() in words for words in (lex.person_nouns, lex.spokesperson_nouns)
    )
    return not person and can_report(cited, lex)


def _relay_through_subject(ctx: DocContext, a: Attribution) -> None:
    """'The Journal reported, citing people familiar with the matter': the cited people
    are the source and the outlet relays them."""
    assert a.citing is not None
    cited = ctx.doc[a.citing]
    start, end = source_span(cited, ctx.lex)
    a.relayed = (a.src_start, a.src_end)
    a.src_head, a.src_start, a.src_end = cited.i, start, end
    a.source_rule = rules.SOURCE_CITING.id
    a.frame.update(range(cited.left_edge.i - 1, cited.right_edge.i + 1))


def outermost(found: list[Attribution], unit: Unit, doc: Doc) -> list[Attribution]:
    """The attributions not nested in another's content ("X said the company plans …": X's).
    An attribution after its content ("X expects Y, a spokeswoman said") wins over a verb
    inside that content, even where the parse nests it the other way. Of two that each lie
    in the other's content ("X said Y, according to Z", where "according to" claims the
    whole sentence), one is kept (`_wins`)."""
    if len(found) < 2:
        return found  # nothing to nest in
    if len(found) <= MAX_PAIRWISE_ATTRIBUTIONS:
        semicolons = [i for i in range(unit.start, unit.end) if doc[i].text == ";"]
        return [
            a
            for a in found
            if not any(
                _nested_in(a, b, semicolons)
                and not (_nested_in(b, a, semicolons) and _wins(a, b, doc))
                for b in found
            )
        ]
    # Coverage counts over the sentence: an attribution whose anchor lies in some other
    # attribution's content is nested (the after-content exception is not applied).
    size = unit.end - unit.start + 1
    diff = [0] * (size + 1)
    for b in found:
        for lo, hi in b.nesting:
            lo, hi = max(lo, unit.start) - unit.start, min(hi, unit.end) - unit.start
            if lo < hi:
                diff[lo] += 1
                diff[hi] -= 1
    cover, running = [0] * size, 0
    for i in range(size):
        running += diff[i]
        cover[i] = running
    top = []
    for a in found:
        p = a.anchor - unit.start
        if not 0 <= p < size or cover[p] - a.nests(a.anchor) <= 0:
            top.append(a)
    return top


def _nested_in(a: Attribution, b: Attribution, semicolons: list[int]) -> bool:
    if b is a or not b.nests(a.anchor) or (a.after_content and a.in_content(b.anchor)):
        return False
    # "Six in 10 said …; 46 percent said …": the parse may hang one report on the other
    # across a semicolon, which ends a clause.
    lo, hi = sorted((a.anchor, b.anchor))
    return not any(lo < i < hi for i in semicolons)


def _wins(a: Attribution, b: Attribution, doc: Doc) -> bool:
    """Of two attributions nested in each other, whether ``a`` is the outer one: the one
    whose anchor governs the other's in the parse ("X said that, according to its
    analysis, Y": X's), else a verb with its subject over a phrase, else the first."""
    if doc[a.anchor].is_ancestor(doc[b.anchor]):
        return True
    if doc[b.anchor].is_ancestor(doc[a.anchor]):
        return False
    if (a.verb is None) != (b.verb is None):
        return a.verb is not None
    return a.anchor < b.anchor


def _direct_question(ctx: DocContext, unit: Unit) -> bool:
    """A question in the writer's voice ("What are hosts saying?"): it asks, it reports
    nothing."""
    doc: Doc = ctx.doc
    last = unit.end - 1
    while last > unit.start and doc[last].is_space:
        last -= 1
    if doc[last].text != "?":
        return False
    words = [t for t in doc[unit.start : unit.end] if not t.is_space]
    return (
        len(words) > 1
        and words[-1].text == "?"
        and ctx.quoted[words[-1].i] < 0
        and words[0].lower_ in QUESTION_OPENERS
    )


def _stance_only(ctx: DocContext, a: Attribution) -> bool:
    """Whether an attribution's cue is a verb of stance or opinion, not of speech."""
    if a.verb is None:
        return False
    lemma = ctx.doc[a.verb].lemma_.lower()
    return a.cue_rule == rules.CUE_WEAK_VERB.id or (
        lemma in ctx.lex.stance_frames and lemma not in ctx.lex.cue_verbs
    )
