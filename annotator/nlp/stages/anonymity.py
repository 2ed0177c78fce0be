"""Stage 6, anonymity: the phrases of ``anonymity_phrases.txt`` attach to the source they
describe, and anonymity found anywhere about a source flags every claim of its entity.

Named persons and documents are never flagged; unnamed people and groups who are become
`anonymous`. Whether a reason for anonymity is given comes from ``anonymity_reasons.txt``
in a sentence that carries the anonymity cue.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from annotator.nlp import rules
from annotator.nlp.context import DocContext, Draft, Mention, Unit
from annotator.nlp.grammar import PERSON_PRONOUNS, PLURAL_PRONOUNS
from annotator.nlp.stages.sources import evidence
from annotator.records import Evidence

# Phrases that describe a person ("familiar with", "unnamed", "close to") count only inside
# (or attached to) the source's noun phrase; the others anywhere in its sentence.
_SOURCE_ONLY_ANON = frozenset(
    {"unnamed", "insider", "close_to", "briefed_on", "familiar_with", "on_the_call"}
)


def find_anonymity(ctx: DocContext) -> None:
    """Attach the anonymity phrases to the entities of the sources they describe, then flag
    every claim of those entities."""
    doc, units, unit_of, drafts, mentions = (
        ctx.doc,
        ctx.units,
        ctx.unit_of,
        ctx.drafts,
        ctx.mentions,
    )
    by_entity: dict[int, list[Evidence]] = {}
    reasons = [(s, evidence(rules.ANON_REASON, doc, s, e)) for _, s, e in ctx.matchers.reasons(doc)]
    reason_entities: set[int] = set()
    for span in ctx.anon_spans:
        name, s, e = span.label_, span.start, span.end
        ui = unit_of[s]
        if ui < 0:
            continue
        if name in _SOURCE_ONLY_ANON and s > 0 and doc[s - 1].lower_ in ("not", "n't"):
            continue  # "experts not involved in the study" are independent, not anonymous
        why = _reasons(span, reasons)
        if name == "partial_name" and not why:
            continue  # a first name alone, with no reason to withhold the rest, identifies
        if name == "understood":
            # "Treasury officials are understood to have pressed ...": the paper's own
            # unnamed briefing; the subject is not the source. Only a sentence that has
            # no attribution of its own is an anonymous report.
            unit = units[ui]
            cs, ce = doc[unit.start].idx, doc[unit.end - 1].idx + len(doc[unit.end - 1])
            for d in drafts:
                if d.attribution is None and d.mention is None and cs <= d.start < ce:
                    d.unsourced = evidence(rules.ANON_UNDERSTOOD, doc, s, e)
            continue
        target: Mention | None = None
        for m in mentions:
            head = doc[m.head]
            if (
                head.left_edge.i <= s
                and e <= head.right_edge.i + 1
                and unit_of[m.head] == ui
                and s >= m.start
            ):
                target = m
                break
        targets = [target] if target is not None else []
        if target is None and name not in _SOURCE_ONLY_ANON:
            in_unit = [m for m in mentions if unit_of[m.head] == ui]
            # No source in the sentence: "The officials spoke on condition of ...".
            targets = in_unit[:1] or _subject_mentions(ctx, units[ui])
        ev = evidence(rules.rule(f"anon.{name}"), doc, s, e)
        for tm in targets:
            by_entity.setdefault(tm.entity, []).append(ev)
            if why:
                reason_entities.add(tm.entity)
                by_entity[tm.entity].extend(why)
    for k, m in enumerate(mentions):
        if m.info.anonymous and m.entity not in by_entity:
            by_entity.setdefault(m.entity, [])
        _another(ctx, k, by_entity, reason_entities)
    for draft in drafts:
        _flag(draft, by_entity, reason_entities)


def _reasons(span: SpacySpan, reasons: list[tuple[int, Evidence]]) -> list[Evidence]:
    """The reasons given for the anonymity ``span`` states: those in the clause of the
    verb it belongs to ("spoke on condition of anonymity because they were not authorized
    to …"), not a "because" elsewhere in the sentence ("…, said the talks failed because
    …")."""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    lo, hi = verb.left_edge.i, verb.right_edge.i
    if verb.dep_ != "relcl" and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        # "said, on condition of anonymity, that …": the clause is what was said.
        hi = min(c.left_edge.i for c in verb.children if c.dep_ in ("ccomp", "parataxis"))
    return [ev for start, ev in reasons if lo <= start <= hi]


def _another(
    ctx: DocContext, k: int, by_entity: dict[int, list[Evidence]], reason_entities: set[int]
) -> None:
    """ "Another (defense) expert" after an anonymous expert: the same kind of source, kept
    unnamed the same way."""
    mentions = ctx.mentions
    m = mentions[k]
    head = ctx.doc[m.head]
    other = next(
        (c for c in head.children if c.lower_ in ("another", "other") and c.i < head.i), None
    )
    if other is None or m.info.source_type not in ("unnamed_person", "unnamed_group"):
        return
    for prev in reversed(mentions[:k]):
        if (
            prev.entity != m.entity
            and prev.entity in by_entity
            and (prev.lemma == m.lemma or prev.info.person)
        ):
            ev = evidence(rules.ANON_ANOTHER, ctx.doc, other.i, m.end)
            by_entity.setdefault(m.entity, []).append(ev)
            if prev.entity in reason_entities:
                reason_entities.add(m.entity)
            break


def _flag(draft: Draft, by_entity: dict[int, list[Evidence]], reason_entities: set[int]) -> None:
    """Flag a claim whose source's entity is anonymous, with the evidence found for it."""
    m = draft.mention
    if m is None:
        return
    evs = by_entity.get(m.entity)
    if evs is None or m.info.source_type in ("named_person", "document"):
        return
    for found in evs:
        if draft.sent_start <= found.start < draft.sent_end:
            new = found
        else:
            new = rules.ANON_PROPAGATED.evidence(found.text, found.start, found.end, why=found.why)
        if new not in draft.evidence and new not in m.info.evidence:
            draft.evidence.append(new)
    m.info.anonymous = True
    if m.info.source_type in ("unnamed_person", "unnamed_group"):
        m.info.source_type = "anonymous"
    if evs and not (m.info.pronoun and m.resolved is None):
        # The text says outright that the source is withheld: that, not the guess at the
        # source noun, decides the type.
        m.info.confidence = max(m.info.confidence, rules.ANON_PHRASE_CONFIDENCE)
    draft.reason_given = m.entity in reason_entities


def _subject_mentions(ctx: DocContext, unit: Unit) -> list[Mention]:
    """'The officials spoke on condition of anonymity', 'Both spoke ...': the earlier
    source(s) the subject refers to."""
    doc = ctx.doc
    root = unit.root(doc)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    before = [m for m in ctx.mentions if m.start < unit.start][-8:]
    low, lemma = subj.lower_, subj.lemma_.lower()
    if low in ("both", "all", "each"):
        # A group just named ("Two former employees ... Both asked"), else the last two
        # distinct sources ("both" / "all of them").
        if before and (before[-1].resolved or before[-1]).info.plural:
            return [before[-1]]
        seen: dict[int, Mention] = {}
        for m in reversed(before):
            root_m = m.resolved or m
            seen.setdefault(root_m.entity, m)
            if len(seen) == 2:
                break
        return list(seen.values())
    plural = subj.tag_ in ("NNS", "NNPS")
    for m in reversed(before):
        if low in PERSON_PRONOUNS and m.info.person:
            return [m]
        if low in PLURAL_PRONOUNS and m.info.plural:
            return [m]
        if m.lemma == lemma and m.info.plural == plural:
            return [m]
    return []
