"""Stage 7, output: the drafts become claim records with their evidence, kept as plain
dicts in ``doc.user_data`` (so docs survive multiprocessing), and optionally span groups."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from annotator.nlp import rules
from annotator.nlp.context import Attribution, DocContext, Draft
from annotator.records import Evidence, ExtractedClaim, Relation, Span

CLAIMS_KEY = "annotator_claims"  # doc.user_data key of the claims as plain dicts


def write_claims(ctx: DocContext, write_spans: bool) -> None:
    """Store the claims on the doc: ``doc.user_data[CLAIMS_KEY]`` and, with
    ``write_spans``, ``doc.spans["claims"|"sources"|"cues"]``."""
    doc = ctx.doc
    records: list[dict[str, Any]] = []
    claim_spans: list[SpacySpan] = []
    source_spans: list[SpacySpan] = []
    cue_spans: list[SpacySpan] = []
    ctx.drafts.sort(key=lambda d: (d.start, d.end))
    relations = _relations_by_draft(ctx)
    for seq, d in enumerate(ctx.drafts):
        claim = _claim(ctx, seq, d)
        claim.relations = relations[seq]
        records.append(_as_dict(claim))
        if d.attribution is not None:
            a = d.attribution
            cue_spans.append(doc[a.cue_start : a.cue_end])
            source_spans.append(doc[a.src_start : a.src_end])
        span = doc.char_span(d.start, d.end, label=claim.source_type, alignment_mode="expand")
        if span is not None:
            claim_spans.append(span)
    doc.user_data[CLAIMS_KEY] = records
    if write_spans:
        doc.spans["claims"] = claim_spans
        doc.spans["sources"] = source_spans
        doc.spans["cues"] = cue_spans


def _source(ctx: DocContext, a: Attribution) -> tuple[Span, Span | None]:
    """The source span of ``a`` and, for a relative pronoun, the noun it stands for."""
    phrase = ctx.record_span(a.src_start, a.src_end)
    if a.relative is None:
        return phrase, None
    return ctx.record_span(a.relative, a.relative + 1), phrase


def _content(ctx: DocContext, a: Attribution) -> Span | None:
    """What ``a`` reports: its content ranges from the first word to the last, without
    the frame (source, cue, punctuation) at either end."""
    is_word, frame = ctx.is_word, a.frame
    words = [i for lo, hi in a.content for i in range(lo, hi) if is_word[i] and i not in frame]
    return ctx.record_span(min(words), max(words) + 1) if words else None


def _relations_by_draft(ctx: DocContext) -> list[list[Relation]]:
    """Every attribution found that does not own a claim, and every report that names no
    one, given to the claim its cue is in."""
    owners = {id(d.attribution) for d in ctx.drafts if d.attribution is not None}
    found = [
        Relation(
            a.cue_rule,
            ctx.record_span(a.cue_start, a.cue_end),
            _source(ctx, a)[0],
            _content(ctx, a),
        )
        for unit in ctx.units
        for a in (*unit.relations, *unit.attributions)
        if id(a) not in owners
    ]
    found += (
        Relation(r.rule, ctx.record_span(r.cue_start, r.cue_end), None, ctx.record_span(*r.content))
        for unit in ctx.units
        for r in unit.agentless
    )
    out: list[list[Relation]] = [[] for _ in ctx.drafts]
    k = 0
    for relation in sorted(found, key=lambda r: r.cue.start):
        while k < len(ctx.drafts) and ctx.drafts[k].end <= relation.cue.start:
            k += 1
        if k == len(ctx.drafts) or relation.cue.start < ctx.drafts[k].start:
            continue  # in no claim (a byline, a credit line)
        out[k].append(relation)
    return out


def _claim(ctx: DocContext, seq: int, d: Draft) -> ExtractedClaim:
    text = ctx.text
    evidence = list(d.evidence)
    source = cue = resolved = relayed = content = None
    source_type, flag, reason = "unattributed", False, None
    confidence = d.confidence
    a = d.attribution
    m = d.mention
    if a is not None:
        cue = ctx.record_span(a.cue_start, a.cue_end)
        source, resolved = _source(ctx, a)
        evidence.insert(0, rules.rule(a.cue_rule).evidence(cue.text, cue.start, cue.end))
        # "its allies, who warned": the pronoun is the source, standing for the noun.
        why = {} if resolved is None else {"word": source.text, "antecedent": resolved.text}
        evidence.insert(
            1, rules.rule(a.source_rule).evidence(source.text, source.start, source.end, **why)
        )
        if a.relayed is not None:
            relayed = ctx.record_span(*a.relayed)
            evidence.append(rules.RELAY_CITED_BY.evidence(relayed.text, relayed.start, relayed.end))
        confidence = min(a.confidence, m.info.confidence if m else a.confidence)
        content = Span(text[d.start : d.end], d.start, d.end) if d.kind == "quote" else None
        content = content or _content(ctx, a)
    elif d.continues is not None:
        rule = d.continuation or rules.RESOLVE_CONTINUATION
        evidence.append(rule.evidence(text[d.start : d.end], d.start, d.end))
    elif d.unsourced is not None:
        source_type, flag, reason = "anonymous", True, d.reason_given
        evidence.append(d.unsourced)
        # "it is understood" is the cue; there is no source mention.
        cue = Span(d.unsourced.text, d.unsourced.start, d.unsourced.end)
    else:
        variant = "caption" if d.kind == "caption" else None
        evidence.append(rules.TYPE_WRITER.evidence(text[d.start : d.end], d.start, d.end, variant))
    if m is not None:
        source_type = m.info.source_type
        flag = m.info.anonymous
        if flag:
            reason = d.reason_given
        evidence.extend(e for e in m.info.evidence if e not in evidence)
        if m.resolved is not None:
            resolved = ctx.record_span(m.resolved.start, m.resolved.end)
        elif m.surname_of is not None:
            cs, ce = m.surname_of
            resolved = Span(text[cs:ce], cs, ce)
        if d.continues is not None:
            root = m.resolved or m
            resolved = ctx.record_span(root.start, root.end)
    return ExtractedClaim(
        seq=seq,
        kind=d.kind,
        start=d.start,
        end=d.end,
        text=text[d.start : d.end],
        sentence_start=d.sent_start,
        sentence_end=d.sent_end,
        source_type=source_type,
        anonymous_flag=flag,
        anonymity_reason_given=reason,
        source=source,
        cue=cue,
        resolved_to=resolved,
        relayed_by=relayed,
        confidence=round(max(0.05, min(confidence, 0.99)), 3),
        evidence=evidence,
        content=content,
    )


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def _as_dict(c: ExtractedClaim) -> dict[str, Any]:
    """A claim as plain data (msgpack-able, so docs cross process boundaries); faster than
    dataclasses.asdict, which deep-copies."""
    return {
        "seq": c.seq,
        "kind": c.kind,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "sentence_start": c.sentence_start,
        "sentence_end": c.sentence_end,
        "source_type": c.source_type,
        "anonymous_flag": c.anonymous_flag,
        "anonymity_reason_given": c.anonymity_reason_given,
        "source": _span_dict(c.source),
        "cue": _span_dict(c.cue),
        "resolved_to": _span_dict(c.resolved_to),
        "relayed_by": _span_dict(c.relayed_by),
        "confidence": c.confidence,
        "evidence": [
            {"rule": e.rule, "text": e.text, "start": e.start, "end": e.end, "why": e.why}
            for e in c.evidence
        ],
        "content": _span_dict(c.content),
        "relations": [
            {
                "rule": r.rule,
                "cue": _span_dict(r.cue),
                "source": _span_dict(r.source),
                "content": _span_dict(r.content),
            }
            for r in c.relations
        ],
    }


def _span_of(d: dict[str, Any], text: str | None) -> Span:
    start, end = d["start"], d["end"]
    return Span(d["text"] if text is None else text[start:end], start, end)


def _span_from(d: dict[str, Any] | None, text: str | None) -> Span | None:
    return None if d is None else _span_of(d, text)


def claim_from_dict(d: dict[str, Any], text: str | None = None) -> ExtractedClaim:
    """An ExtractedClaim from its plain-dict form; with ``text`` (the article as read, same
    length as the doc text), every text field is cut from it."""
    start, end = d["start"], d["end"]
    return ExtractedClaim(
        seq=d["seq"],
        kind=d["kind"],
        start=start,
        end=end,
        text=d["text"] if text is None else text[start:end],
        sentence_start=d["sentence_start"],
        sentence_end=d["sentence_end"],
        source_type=d["source_type"],
        anonymous_flag=d["anonymous_flag"],
        anonymity_reason_given=d["anonymity_reason_given"],
        source=_span_from(d["source"], text),
        cue=_span_from(d["cue"], text),
        resolved_to=_span_from(d["resolved_to"], text),
        relayed_by=_span_from(d["relayed_by"], text),
        confidence=d["confidence"],
        evidence=[
            Evidence(
                e["rule"],
                e["text"] if text is None else text[e["start"] : e["end"]],
                e["start"],
                e["end"],
                e["why"],
            )
            for e in d["evidence"]
        ],
        content=_span_from(d["content"], text),
        relations=[
            Relation(
                r["rule"],
                _span_of(r["cue"], text),
                _span_from(r["source"], text),
                _span_from(r["content"], text),
            )
            for r in d["relations"]
        ],
    )


def claims_from_doc(doc: Doc, text: str | None = None) -> list[ExtractedClaim]:
    """The claims the component stored on ``doc``; with ``text`` (the article as read,
    same length as the doc text), every text field is cut from it instead."""
    return [claim_from_dict(d, text) for d in doc.user_data.get(CLAIMS_KEY, [])]
