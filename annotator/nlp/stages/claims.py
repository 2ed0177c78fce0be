"""Stage 3, claims: the units and quotations become claim drafts, each with the
attribution that owns it (or none: the writer's voice).

A sentence with one attribution is one claim; several attributions make one claim per
clause; a quotation standing alone with its attribution frame is a claim of kind `quote`;
bylines are no claims; captions are recognised by their wording or a photo credit after
them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from annotator.nlp import rules
from annotator.nlp.context import Attribution, DocContext, Draft, Unit
from annotator.nlp.stages.cue_phrases import headline_cue, quote_credit

MAX_CLAIM_CHARS = 1000  # longer claims are split: reviewers and scorers cannot use them

_CAPTION = re.compile(
    r"^\W*(?:photo|image|picture|file photo|pictured)\b"
    r"|^\W*(?:an?|the)\s+(?:general\s+|aerial\s+)?view\s+(?:shows|of)\b"
    r"|\b(?:is|are|was|were)\s+(?:seen|pictured|shown)\b"
    r"|\bposes?\s+for\s+(?:a\s+)?(?:photo|picture)"
    r"|\b(?:REUTERS|AP Photo|AFP|Getty Images)\s*/",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(
    r"^\W*(?:photo|image|picture|file photo)\b|^\W*(?:an?|the)\s+(?:general\s+|aerial\s+)?view\s+"
    r"(?:shows|of)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^\W*(?:REUTERS|AP Photo|AFP|Getty Images|Photo)\s*/|^\W*\(?(?:Photo|Image)s?:", re.I
)
# Bylines and credit lines ("By Nora Castillo, Business Desk", "Reporting by A; Editing by
# B") name the writers, not sources: they are no claims at all.
_BYLINE_START = re.compile(r"^\W*(?:By|(?:Additional\s+)?[Rr]eporting\s+by|Writing\s+by)\s+[A-Z]")


def find_claims(ctx: DocContext) -> None:
    """Fill ``ctx.drafts`` in reading order."""
    doc, units = ctx.doc, ctx.units
    drafts: list[Draft] = []
    quote_drafts = _quote_claims(ctx)
    qi = 0
    for ui, unit in enumerate(units):
        while qi < len(quote_drafts) and quote_drafts[qi][0] <= ui:
            drafts.append(quote_drafts[qi][1])
            qi += 1
        if unit.consumed:
            continue
        credit = quote_credit(doc, unit)
        if credit is not None and drafts and drafts[-1].kind == "quote":
            if drafts[-1].attribution is None:
                # '"We are farming on borrowed time." | — Marie Dufresne': a pull quote
                # and its credit line; the line itself is no claim.
                drafts[-1].attribution = credit
            continue
        new = _unit_claims(ctx, unit, unit.para in ctx.headline_paras)
        nxt = units[ui + 1] if ui + 1 < len(units) else None
        if (
            nxt is not None
            and nxt.para == unit.para
            and len(new) == 1
            and new[0].attribution is None
            and _CREDIT.search(doc[nxt.start : nxt.end].text)
        ):
            # The sentence before a photo credit is the photo's caption.
            new[0].kind = "caption"
            new[0].evidence.append(
                rules.KIND_CAPTION.evidence(
                    ctx.text[new[0].start : new[0].end], new[0].start, new[0].end, "credit"
                )
            )
        drafts.extend(new)
    drafts.extend(d for _, d in quote_drafts[qi:])
    ctx.drafts = drafts


def _is_byline(text: str, lex_words: frozenset[str]) -> bool:
    """Only capitalised words (names, desks, outlets) and joiners after 'By'."""
    if len(text) > 120 or not _BYLINE_START.match(text) or text.rstrip().endswith((".", "!", "?")):
        return False
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    return all(w[0].isupper() or w.lower() in lex_words for w in words)


def _quote_claims(ctx: DocContext) -> list[tuple[int, Draft]]:
    """Quotations that stand as claims of their own, with the unit index they follow."""
    doc, units, quotes, quoted, unit_of = ctx.doc, ctx.units, ctx.quotes, ctx.quoted, ctx.unit_of
    out: list[tuple[int, Draft]] = []
    # Group quotes that share a sentence: "“A,” he said, “B.”" is one claim.
    groups: list[list[int]] = []
    group_units: list[set[int]] = []
    for qi, (qs, qe) in enumerate(quotes):
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None or len(span) < 4:
            continue
        touched = {unit_of[i] for i in range(span.start, span.end) if unit_of[i] >= 0}
        if groups and group_units[-1] & touched:
            groups[-1].append(qi)
            group_units[-1] |= touched
        else:
            groups.append([qi])
            group_units.append(touched)
    for members, touched in zip(groups, group_units, strict=True):
        ordered = sorted(touched)
        if not ordered:
            continue
        qset = set(members)
        # '“...” | Finance Minister Anna Berg said.' split by the model: the bare
        # attribution that follows belongs to the quotation.
        nxt = ordered[-1] + 1
        if (
            nxt < len(units)
            and units[nxt].para == units[ordered[-1]].para
            and _bare_attribution(ctx, units[nxt])
        ):
            ordered.append(nxt)
        outside = [
            i
            for ui in ordered
            for i in range(units[ui].start, units[ui].end)
            if quoted[i] not in qset and not doc[i].is_punct and not doc[i].is_space
        ]
        attrs = [
            a for ui in ordered for a in units[ui].attributions if quoted[a.cue_start] not in qset
        ]
        chosen: Attribution | None = None
        if outside:
            for a in attrs:
                # A verb outside the quote, the cue and the source's phrase ("wrote in
                # an opinion that the state had offered “…”"): the writer's sentence
                # carries content of its own.
                src = doc[a.src_head]
                trailing = _trailing_phrase(doc, a, outside)
                if trailing is not None and not any(
                    doc[i].pos_ == "VERB"
                    and doc[i].dep_ not in ("amod", "compound")  # "a packed hall"
                    and not a.cue_start <= i < a.cue_end
                    and not src.left_edge.i <= i <= src.right_edge.i
                    for i in outside
                    if i not in trailing
                ):
                    chosen = a
                    break
            if chosen is None:
                continue  # a quotation inside the writer's (or a source's) sentence
        qs, qe = quotes[members[0]][0], quotes[members[-1]][1]
        text = ctx.text
        # The claim is the quoted words, without the marks and a trailing comma.
        cs, ce = qs + 1, qe
        while ce > cs and text[ce - 1] in "”“\"' ,":
            ce -= 1
        while cs < ce and text[cs].isspace():
            cs += 1
        first, last = units[ordered[0]], units[ordered[-1]]
        draft = Draft(
            kind="quote",
            start=cs,
            end=ce,
            sent_start=doc[first.start].idx,
            sent_end=doc[last.end - 1].idx + len(doc[last.end - 1]),
            para=first.para,
            attribution=chosen,
            confidence=0.85 if chosen else rules.TYPE_WRITER.conf(),
            unclosed=text[qe - 1] not in '”“"',
        )
        for ui in ordered:
            units[ui].consumed = True
        out.extend((ordered[0], piece) for piece in _split_long(ctx, draft, ordered))
    out.sort(key=lambda pair: pair[1].start)
    return out


def _unit_claims(ctx: DocContext, unit: Unit, headline: bool) -> list[Draft]:
    doc = ctx.doc
    sent_start = doc[unit.start].idx
    last = doc[unit.end - 1]
    sent_end = last.idx + len(last)
    text = ctx.text[sent_start:sent_end]
    if not any(ch.isalnum() for ch in text) or _is_byline(text, ctx.lex.byline_words):
        return []  # punctuation only ("***", a lone quote mark), or a byline
    attrs = unit.attributions
    kind = "headline" if headline else "statement"
    if attrs and not headline and _CAPTION_START.search(text):
        attrs = []  # "A view shows ...", "(Photo: ...)": a caption, whatever its verbs
    if not attrs:
        draft = Draft(kind, sent_start, sent_end, sent_start, sent_end, unit.para)
        if headline:
            draft.confidence = rules.TYPE_WRITER.conf("headline")
            fallback = headline_cue(ctx, unit)
            if fallback is not None and not fallback.sources_claim:
                unit.relations.append(fallback)
            elif fallback is not None:
                draft.attribution = fallback
                return [draft]
        elif _CAPTION.search(text):
            draft.kind = "caption"
            draft.confidence = rules.KIND_CAPTION.conf()
            draft.evidence.append(rules.KIND_CAPTION.evidence(text, sent_start, sent_end))
        return [draft]
    root = unit.root(doc)
    if len(attrs) == 1 and not _subordinate(doc, attrs[0], root):
        a = attrs[0]
        semi = _semicolon_before(doc, unit, a)
        if semi is not None:
            # "All four lines halted; officials say service may not resume": the clause
            # before the semicolon is the writer's.
            mid_end = doc[semi - 1].idx + len(doc[semi - 1])
            after = doc[semi + 1].idx
            return [
                Draft(kind, sent_start, mid_end, sent_start, sent_end, unit.para),
                Draft(kind, after, sent_end, sent_start, sent_end, unit.para, a),
            ]
        return [Draft(kind, sent_start, sent_end, sent_start, sent_end, unit.para, a)]
    return [
        Draft(kind, cs, ce, sent_start, sent_end, unit.para, owner)
        for cs, ce, owner in _clauses(doc, unit, attrs, root)
    ]


def _clauses(
    doc: Doc, unit: Unit, attrs: list[Attribution], root: Token
) -> list[tuple[int, int, Attribution | None]]:
    """Several attributions ("A said X, while B said Y"), or one inside the writer's
    sentence ("..., its allies, who warned ..."): one claim (char span) per clause."""
    regions: list[tuple[int, int, Attribution | None]] = []
    verbs = {a.verb for a in attrs if a.verb is not None}
    for a in attrs:
        if a.verb is None:
            lo, hi = unit.start, unit.end
        else:
            v = doc[a.verb]
            lo, hi = v.left_edge.i, v.right_edge.i + 1
            for other in verbs - {a.verb}:
                o = doc[other]
                if lo <= o.i < hi and v.is_ancestor(o):
                    if o.left_edge.i > lo:
                        hi = min(hi, o.left_edge.i)
                    else:
                        lo = max(lo, o.right_edge.i + 1)
        # Content right after the clause ('telling the crowd: "…"') belongs to it.
        for c_lo, c_hi in a.content:
            if hi <= c_lo <= hi + 1:
                hi = max(hi, c_hi)
        lo = max(unit.start, min(lo, a.src_start, a.cue_start))
        hi = min(unit.end, hi)
        regions.append((lo, hi, a))
    regions.sort(key=lambda r: r[0])
    # Stretches no attribution covers: the writer's voice when they hold the main
    # verb, otherwise they belong to the neighbouring clause.
    filled: list[tuple[int, int, Attribution | None]] = []
    pos = unit.start
    for lo, hi, owner in regions:
        if lo > pos:
            gap = (pos, lo)
            if gap[0] <= root.i < gap[1] and not any(x.verb == root.i for x in attrs):
                filled.append((gap[0], gap[1], None))
            else:
                lo = pos
        lo = max(lo, pos)
        if hi > lo:
            filled.append((lo, hi, owner))
            pos = hi
    if pos < unit.end:
        if filled and not (pos <= root.i < unit.end):
            last_lo, _, last_a = filled[-1]
            filled[-1] = (last_lo, unit.end, last_a)
        else:
            filled.append((pos, unit.end, None))
    out: list[tuple[int, int, Attribution | None]] = []
    for lo, hi, owner in filled:
        while hi - 1 > lo and (
            doc[hi - 1].text in (",", ";", "–", "—")
            or doc[hi - 1].is_space
            or doc[hi - 1].dep_ == "cc"
        ):
            hi -= 1
        while lo < hi - 1 and (doc[lo].text in (",", ";") or doc[lo].is_space):
            lo += 1
        out.append((doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]), owner))
    return out


def _trailing_phrase(doc: Doc, a: Attribution, outside: list[int]) -> set[int] | None:
    """The words of a quotation's sentence outside the attribution's frame, when they are
    a trailing phrase after a comma with no finite verb ('…," she said, her voice hoarse',
    '…," he said, to applause'); None when they are something else."""
    rest = {i for i in outside if i not in a.frame}
    if not rest:
        return rest
    first = min(rest)
    words = [i for i in a.frame if not doc[i].is_punct]
    if (
        words
        and first > max(words)
        and doc[first - 1].text == ","
        and not any(doc[i].tag_ in ("VBD", "VBZ", "VBP", "MD") for i in rest)
    ):
        return rest
    return None


def _bare_attribution(ctx: DocContext, unit: Unit) -> bool:
    """A sentence that is only an attribution frame ("he said on Monday.")."""
    if len(unit.attributions) != 1 or unit.end - unit.start > 25:
        return False
    frame = unit.attributions[0].frame
    doc, quoted = ctx.doc, ctx.quoted
    return all(
        quoted[i] < 0 and (i in frame or doc[i].is_punct or doc[i].is_space)
        for i in range(unit.start, unit.end)
    )


def _split_long(ctx: DocContext, draft: Draft, ordered: list[int]) -> list[Draft]:
    """A very long quotation in pieces of whole sentences under MAX_CLAIM_CHARS; the pieces
    after the first continue its speaker (reviewers and scorers cannot use 3,000-char claims)."""
    if draft.end - draft.start <= MAX_CLAIM_CHARS:
        return [draft]
    doc, text = ctx.doc, ctx.text
    bounds: list[tuple[int, int]] = []
    start, end = draft.start, draft.start
    for ui in ordered:
        last = doc[ctx.units[ui].end - 1]
        unit_end = min(last.idx + len(last), draft.end)
        if unit_end <= start:
            continue
        if end > start and unit_end - start > MAX_CLAIM_CHARS:
            bounds.append((start, end))
            start = end
            while start < unit_end and text[start].isspace():
                start += 1
        end = unit_end
    bounds.append((start, draft.end))
    return [
        Draft(
            "quote",
            s,
            e,
            draft.sent_start,
            draft.sent_end,
            draft.para,
            draft.attribution if k == 0 else None,
            confidence=draft.confidence,
            unclosed=draft.unclosed and k == len(bounds) - 1,
        )
        for k, (s, e) in enumerate(bounds)
    ]


def _semicolon_before(doc: Doc, unit: Unit, a: Attribution) -> int | None:
    """The semicolon between the writer's clause and an attribution whose source, cue and
    content all follow it, or None."""
    first = min([a.src_start, a.cue_start] + [lo for lo, _ in a.content])
    semis = [i for i in range(unit.start + 1, first) if doc[i].text == ";"]
    if not semis or semis[-1] + 1 >= unit.end:
        return None
    return semis[-1]


def _subordinate(doc: Doc, a: Attribution, root: Token) -> bool:
    """Whether a verb attribution sits in a clause under the writer's main verb."""
    if a.verb is None or a.after_content:
        return False
    if a.source_rule == rules.SOURCE_RELATIVE.id:
        return True  # "... pressure from its allies, who warned ...": describes a noun
    v = doc[a.verb]
    if v == root:
        return False
    if v.dep_ == "conj" and v.head == root:
        # "Fares rose and the union said it would strike": a subject of its own makes the
        # first clause the writer's; a shared one ("Turkey has pointed … and argued …")
        # keeps the sentence one claim. A report whose content comes first ("…, but the
        # design cannot prove it, the authors wrote") covers the whole sentence.
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
        content_after = all(lo > v.i for lo, _ in a.content)
        return own_subject and content_after and not a.in_content(root.i)
    head = v
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head != root and not a.in_content(root.i)
