"""Attributions whose cue is not a reporting verb with a subject: "according to X", a
refusal to comment, "in a statement", a headline's "X Says …" and a pull quote's credit."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from annotator.nlp import rules
from annotator.nlp.context import Attribution, DocContext, Unit
from annotator.nlp.grammar import NON_SOURCE_SUBJECTS, RELATIVE
from annotator.nlp.phrases import relayed, source_span, subtree_range
from annotator.nlp.stages.subjects import dangling_name, is_source_noun, subject

_QUOTE_CREDIT = re.compile(r"^[—–―-]{1,2}\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}$")


def according_to(
    ctx: DocContext, start: int, end: int, sent_start: int, sent_end: int
) -> Attribution | None:
    """'according to X' over tokens [start, end): X is the source, the rest the content."""
    doc = ctx.doc
    to = doc[end - 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        obj = next(
            (
                doc[i]
                for i in range(end, min(end + 8, sent_end))
                if doc[i].pos_ in ("NOUN", "PROPN")
            ),
            None,
        )
    if obj is None:
        return None
    obj = _past_parenthesis(obj, sent_end)
    src_start, src_end = source_span(obj, ctx.lex)
    acc = doc[start]
    plo, phi = subtree_range(acc)
    plo, phi = min(plo, start), max(phi, src_end)
    content = [(sent_start, plo), (phi, sent_end)]
    return Attribution(
        cue_start=start,
        cue_end=end,
        src_head=obj.i,
        src_start=src_start,
        src_end=src_end,
        cue_rule=rules.CUE_ACCORDING_TO.id,
        source_rule=rules.SOURCE_ACCORDING_TO.id,
        confidence=rules.CUE_ACCORDING_TO.conf(),
        verb=None,
        content=content,
        frame=set(range(plo, phi)),
        relayed=relayed(obj, ctx.lex),
    )


def poll_finding(ctx: DocContext, poll: Token, sent_end: int) -> Attribution | None:
    """ "In a Washington Post-ABC News poll, 75 percent said …": a fronted "in" phrase whose
    object is a poll or survey (``poll``), closed by a comma; the rest of the sentence is
    what the poll found."""
    doc = ctx.doc
    prep = poll.head
    if poll.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    comma = prep.right_edge.i + 1
    if prep.head.i < prep.i or comma + 1 >= sent_end or doc[comma].text != ",":
        return None
    src_start, src_end = source_span(poll, ctx.lex)
    return Attribution(
        cue_start=prep.i,
        cue_end=prep.i + 1,
        src_head=poll.i,
        src_start=src_start,
        src_end=src_end,
        cue_rule=rules.CUE_POLL.id,
        source_rule=rules.SOURCE_POLL.id,
        confidence=rules.CUE_POLL.conf(),
        content=[(comma + 1, sent_end)],
        frame=set(range(prep.i, comma + 1)),
    )


def _past_parenthesis(obj: Token, sent_end: int) -> Token:
    """ "according to (UK) National Rail Enquiries": the parser may take the parenthesis for
    the object; the name after it is the source."""
    doc = obj.doc
    if obj.i == 0 or doc[obj.i - 1].text != "(":
        return obj
    close = next((i for i in range(obj.i, min(obj.i + 6, sent_end)) if doc[i].text == ")"), None)
    if close is None:
        return obj
    words = []
    for i in range(close + 1, sent_end):
        if doc[i].pos_ not in ("PROPN", "NOUN", "ADJ", "DET"):
            break
        words.append(doc[i])
    nouns = [t for t in words if t.pos_ in ("PROPN", "NOUN")]
    return nouns[-1] if nouns else obj


def no_comment(ctx: DocContext, start: int, end: int, sent_end: int) -> Attribution | None:
    """ "X declined to comment on ...", "X did not respond to a request for comment": X is
    the source of the claim, the refusal phrase over tokens [start, end) its cue."""
    doc = ctx.doc
    verb = next(
        (
            doc[i]
            for i in range(start, end)
            if doc[i].head.i == i or not start <= doc[i].head.i < end
        ),
        None,
    )
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    source_rule = rules.SOURCE_SUBJECT.id
    if subj is None:
        subj, source_rule = subject(ctx, verb)
    if subj is None or subj.lower_ in NON_SOURCE_SUBJECTS or subj.lower_ in RELATIVE:
        return None  # "a man, who declined to give his name": anonymity, not a claim
    if subj.pos_ not in ("NOUN", "PROPN", "PRON") and subj != dangling_name(ctx, verb):
        return None
    rest = [(end, sent_end)] if any(t.is_alpha for t in doc[end:sent_end]) else []
    return _phrase_attribution(
        ctx, subj, verb, start, end, rules.CUE_NO_COMMENT, rest or [(start, end)], source_rule
    )


def statement_cue(ctx: DocContext, start: int, end: int) -> Attribution | None:
    """'In a statement, the ministry urged ...': the subject of the verb the phrase modifies."""
    doc = ctx.doc
    prep = doc[start]
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or prep.dep_ != "prep":
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in NON_SOURCE_SUBJECTS or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    src_start, src_end = source_span(subj, ctx.lex)
    lo, hi = subtree_range(verb)
    content = [(lo, src_start), (src_end, hi)] if lo < src_start else [(src_end, hi)]
    attr = _phrase_attribution(ctx, subj, verb, start, end, rules.CUE_STATEMENT, content)
    # The verb is the cue ("In a statement, the ministry urged …": urged); the phrase
    # stays in the frame and says why the verb reports.
    attr.cue_start, attr.cue_end = verb.i, verb.i + 1
    attr.frame.add(verb.i)
    return attr


def _phrase_attribution(
    ctx: DocContext,
    subj: Token,
    verb: Token,
    start: int,
    end: int,
    cue: rules.Rule,
    content: list[tuple[int, int]],
    source_rule: str = rules.SOURCE_SUBJECT.id,
) -> Attribution:
    """An attribution whose cue is a phrase over tokens [start, end) and whose source is the
    subject of the verb it belongs to ("declined to comment", "in a statement")."""
    src_start, src_end = source_span(subj, ctx.lex)
    return Attribution(
        cue_start=start,
        cue_end=end,
        src_head=subj.i,
        src_start=src_start,
        src_end=src_end,
        cue_rule=cue.id,
        source_rule=source_rule,
        confidence=cue.conf(),
        verb=verb.i,
        content=content,
        frame=set(range(src_start, src_end)) | set(range(start, end)),
        relayed=relayed(subj, ctx.lex),
    )


def _headline_attribution(
    cue_start: int, src_head: int, src_start: int, src_end: int, sources_claim: bool = True
) -> Attribution:
    return Attribution(
        cue_start=cue_start,
        cue_end=cue_start + 1,
        src_head=src_head,
        src_start=src_start,
        src_end=src_end,
        cue_rule=rules.CUE_HEADLINE.id,
        source_rule=rules.SOURCE_HEADLINE.id,
        confidence=rules.CUE_HEADLINE.conf(),
        sources_claim=sources_claim,
    )


def headline_cue(ctx: DocContext, unit: Unit) -> Attribution | None:
    """'Turkey Says ...' in a title-case headline, where the parse is unreliable; 'Le Pen
    Backs Trump' is a relation (it does not source the claim)."""
    doc, lex = ctx.doc, ctx.lex
    trailing = trailing_headline_cue(ctx, unit)
    if trailing is not None:
        return trailing
    for i in range(unit.start + 1, min(unit.start + 7, unit.end)):
        stance = doc[i].lower_ in lex.headline_stance_cues
        if stance or doc[i].lower_ in lex.headline_cues:
            head = max(range(unit.start, i), key=lambda j: doc[j].pos_ == "PROPN")
            before = doc[unit.start : i]
            # Only a bare name before the cue: "Turkey Says ...", not "Bank holds rates,
            # signals ...".
            if i - unit.start > 5 or any(
                t.pos_ in ("VERB", "AUX", "ADP") or (t.is_punct and t.text != ".") for t in before
            ):
                return None
            src_head = i - 1 if doc[i - 1].pos_ in ("PROPN", "NOUN") else head
            return _headline_attribution(i, src_head, unit.start, i, sources_claim=not stance)
    return None


def trailing_headline_cue(ctx: DocContext, unit: Unit) -> Attribution | None:
    """'Daily Walks Cut Risk, Large Study Finds': the few words between the last comma
    and a final cue word are the source; 'Hotels to close, says Home Secretary' (the
    British order): the words after the cue."""
    doc, cues = ctx.doc, ctx.lex.headline_cues
    end = unit.end
    while end > unit.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    last_comma = max(
        (j for j in range(max(end - 7, unit.start), end) if doc[j].text == ","), default=None
    )
    if (
        last_comma is not None
        and last_comma + 2 < end
        and doc[last_comma + 1].lower_ in cues
        and not any(doc[j].pos_ in ("VERB", "AUX", "ADP") for j in range(last_comma + 2, end))
    ):
        head = max(range(last_comma + 2, end), key=lambda j: (doc[j].dep_ != "compound", j))
        return _headline_attribution(last_comma + 1, head, last_comma + 2, end)
    cue = end - 1
    if cue <= unit.start or doc[cue].lower_ not in cues:
        return None
    comma = next(
        (j for j in range(cue - 1, max(cue - 6, unit.start), -1) if doc[j].text == ","), None
    )
    if comma is None or comma + 1 >= cue:
        return None
    if any(doc[j].pos_ in ("VERB", "AUX", "ADP") for j in range(comma + 1, cue)):
        return None
    return _headline_attribution(cue, cue - 1, comma + 1, cue)


def quote_credit(doc: Doc, unit: Unit) -> Attribution | None:
    """A line "— Marie Dufresne" under a quotation: the name is the quotation's source."""
    if unit.end - unit.start > 8:  # a dash and at most five names
        return None
    words = doc[unit.start : unit.end]
    if not _QUOTE_CREDIT.match(words.text.strip()):
        return None
    name = [t for t in words if not t.is_punct and not t.is_space]
    if not name:
        return None
    dash = words[0]
    return Attribution(
        cue_start=dash.i,
        cue_end=dash.i + 1,
        src_head=name[-1].i,
        src_start=name[0].i,
        src_end=name[-1].i + 1,
        cue_rule=rules.CUE_CREDIT.id,
        source_rule=rules.SOURCE_CREDIT.id,
        confidence=rules.CUE_CREDIT.conf(),
        frame=set(range(unit.start, unit.end)),
    )


def speaker_label(ctx: DocContext, unit: Unit) -> Attribution | None:
    """ "TAPPER: And obviously, you're supporting …", "Trey Gowdy: Inquiry Helped Reveal
    Email Scandal": a paragraph (or headline) that opens with a speaker's label and a colon
    is the speaker's. The label is one to four capitalised words with no verb, a name or in
    capitals; not a field of the page ("Date:", "Photo:"), a place heading a list ("Iowa:
    …") or the letters of an interview ("Q:", "A:"), which name nobody."""
    doc = ctx.doc
    para_start = ctx.paras[unit.para][0]
    if unit.start != para_start:
        return None
    colon = next(
        (i for i in range(unit.start, min(unit.start + 5, unit.end - 1)) if doc[i].text == ":"),
        None,
    )
    if colon is None or colon == unit.start:
        return None
    label = doc[unit.start : colon]
    words = [t for t in label if not t.is_punct]
    # A headline, or the article's first line (a title with a final period): a credit.
    headline = unit.para in ctx.headline_paras or unit.para == 0
    to = next((k for k, t in enumerate(words) if t.lower_ == "to"), None)
    if headline and to is not None and 0 < to < len(words) - 1:
        words = words[:to]  # "Clinton to Planned Parenthood: …": the speaker, then whom to
    if (
        not words
        or len(words) > 4
        or any(not t.text[:1].isupper() or t.pos_ in ("VERB", "AUX") for t in words)
        or " ".join(t.lower_ for t in words) in ctx.lex.non_speaker_labels
        or any(t.lower_ in ctx.lex.non_speaker_labels for t in words)
        or any(t.ent_type_ in ("GPE", "LOC", "DATE", "TIME") for t in words)
        or (len(words) == 1 and len(words[0]) == 1)
        or not (
            any(
                t.is_upper or t.pos_ == "PROPN" or t.ent_type_ or ctx.named_elsewhere(t)
                for t in words
            )
            # "Poll: …", "Historians: …": a headline may credit a source noun.
            or (headline and is_source_noun(ctx.lex, words[-1]))
        )
        or not any(t.is_alpha for t in doc[colon + 1 : unit.end])
    ):
        return None
    return Attribution(
        cue_start=colon,
        cue_end=colon + 1,
        src_head=words[-1].i,
        src_start=words[0].i,
        src_end=words[-1].i + 1,
        cue_rule=rules.CUE_SPEAKER_LABEL.id,
        source_rule=rules.SOURCE_SPEAKER_LABEL.id,
        confidence=rules.CUE_SPEAKER_LABEL.conf(),
        content=[(colon + 1, unit.end)],
        frame=set(range(unit.start, colon + 1)),
    )
