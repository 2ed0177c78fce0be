"""Stage 1, structure: paragraphs, sentence units, quotations and headline paragraphs.

Paragraphs end at line breaks (the text was prepared so that only paragraph breaks remain,
see paragraphs.py). Units are the model's sentences, re-joined where it split after an
abbreviation ("U.S. | asks"), a dateline ("HOUSTON | (Reuters) -") or before a closing
quote mark ('programs." | "').
"""

from __future__ import annotations

import re

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.tokens import Doc

from annotator.nlp.context import DocContext, Unit
from annotator.nlp.grammar import DASHES

_QUOTE_CHARS = re.compile(r"[“”\"]")
_SINGLE_MARKS = re.compile(r"['‘’]")
_OPENS_AFTER = frozenset(' \t\n:(—–“"')
_CLOSES_BEFORE = frozenset(' \t\n,.;:!?)—–”"')
# Elisions that open with an apostrophe, not a quotation: '90s, 'em, 'til, 'n'.
_ELISION = re.compile(r"['‘’](?:\d\d|em\b|til\b|n\b|cause\b|tis\b)", re.IGNORECASE)


def find_structure(ctx: DocContext) -> None:
    """Fill ``ctx.paras``, ``units``, ``quotes``, ``quoted``, ``unit_of``, ``headline_paras``."""
    doc = ctx.doc
    ctx.paras, ctx.units = _paragraphs_and_units(doc, ctx.text)
    ctx.quotes = _quotes(ctx)
    ctx.quoted = [-1] * len(doc)
    for qi, (qs, qe) in enumerate(ctx.quotes):
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                ctx.quoted[i] = qi
    ctx.unit_of = [-1] * len(doc)
    for ui, unit in enumerate(ctx.units):
        for i in range(unit.start, unit.end):
            ctx.unit_of[i] = ui
    ctx.headline_paras = _headline_paragraphs(ctx)


def _paragraphs_and_units(doc: Doc, text: str) -> tuple[list[tuple[int, int]], list[Unit]]:
    paras: list[tuple[int, int]] = []
    para_of = [0] * len(doc)
    start: int | None = None
    # From arrays, not Token objects: this loop runs over every token of the article.
    table = doc.to_array([IS_SPACE, IDX, LENGTH]).tolist()
    for i, (is_space, idx, length) in enumerate(table):
        if is_space and "\n" in text[idx : idx + length]:
            if start is not None:
                paras.append((start, i))
                start = None
            para_of[i] = len(paras)
            continue
        if start is None and not is_space:
            start = i
        para_of[i] = len(paras)
    if start is not None:
        paras.append((start, len(doc)))
    units: list[Unit] = []
    for sent in doc.sents:
        s, e = sent.start, sent.end
        while s < e and doc[s].is_space:
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        if s >= e:
            continue
        para = para_of[s]
        prev = units[-1] if units else None
        first = doc[s]
        # The small model splits after abbreviations ("U.S. | asks"): re-join.
        if (
            prev is not None
            and prev.para == para
            and (
                first.text[:1].islower()
                # A closing quote mark split off after the period ('programs." | "').
                or all(doc[i].is_punct or doc[i].is_space for i in range(s, e))
                or doc[prev.end - 1].text in (",", ";", ":", "–", "-", "—")
                or first.text == ":"  # 'telling the crowd | : "…"': the colon opens it
                or fragment(doc, prev.start, prev.end)
            )
        ):
            prev.end = e
            continue
        units.append(Unit(s, e, para))
        credit = _credit_tail(doc, s, e)
        if credit is not None:
            # '“…” ― Ana Ruiz': the model keeps a pull quote's credit in the quotation's
            # sentence; it is a line of its own (see cue_phrases.quote_credit).
            units[-1].end = credit
            if all(doc[i].is_punct for i in range(s, credit)) and len(units) > 1:
                units.pop()  # a closing mark the model split off: back to its quotation
                units[-1].end = credit
            units.append(Unit(credit, e, para))
    return paras, units


def _credit_tail(doc: Doc, start: int, end: int) -> int | None:
    """Where '” ― Ana Ruiz' ends a sentence: a closing quote mark, a dash and at most five
    capitalised words (and a period)."""
    last = end - 1 if doc[end - 1].text == "." else end
    for dash in range(max(start + 1, last - 6), last - 1):
        if (
            doc[dash].text in DASHES
            and doc[dash - 1].text in ("”", '"')
            and all(doc[i].text[:1].isupper() for i in range(dash + 1, last))
        ):
            return dash
    return None


def fragment(doc: Doc, start: int, end: int) -> bool:
    """A dateline or label ("HOUSTON", "(Reuters) -"): a few words and no verb."""
    return end - start <= 4 and not any(doc[i].pos_ in ("VERB", "AUX") for i in range(start, end))


def _quotes(ctx: DocContext) -> list[tuple[int, int]]:
    """Quotations as char spans (marks included); an unclosed one runs to the paragraph end."""
    doc, text = ctx.doc, ctx.text
    out: list[tuple[int, int]] = []
    for ps, pe in ctx.paras:
        cs, ce = doc[ps].idx, doc[pe - 1].idx + len(doc[pe - 1])
        open_at: int | None = None
        for m in _QUOTE_CHARS.finditer(text, cs, ce):
            ch = m.group()
            pos = m.start()
            if ch == "“" and open_at is not None and _misturned_closing(text, pos, ce):
                out.append((open_at, pos + 1))
                open_at = None
            elif ch == "“" or (
                open_at is None and (ch == '"' or _misturned_opening(text, pos, cs))
            ):
                if open_at is None:
                    open_at = pos
            elif open_at is not None:
                out.append((open_at, pos + 1))
                open_at = None
        if open_at is not None and ce - open_at > 20:
            out.append((open_at, ce))
        elif open_at is None and not any(ps_qs < ce and ps_qe > cs for ps_qs, ps_qe in out):
            out.extend(_single_quotes(text, cs, ce))
    return out


def _misturned_opening(text: str, pos: int, cs: int) -> bool:
    """A closing mark typed where an opening one belongs ('”Fear. I am …'): it stands at
    the paragraph's start or after a space, right before a word, with no quotation open."""
    before = text[pos - 1] if pos > cs else " "
    return before in _OPENS_AFTER and pos + 1 < len(text) and text[pos + 1].isalnum()


def _misturned_closing(text: str, pos: int, ce: int) -> bool:
    """An opening mark typed where a closing one belongs ('… a fascist?“ he asked'): right
    after a word or punctuation, before a space or the paragraph's end, with a quotation open."""
    after = text[pos + 1] if pos + 1 < ce else " "
    return not text[pos - 1].isspace() and after in _CLOSES_BEFORE


def _single_quotes(text: str, cs: int, ce: int) -> list[tuple[int, int]]:
    """British quotation marks ('…' or ‘…’) in a paragraph without double quotes. A mark
    opens after a space, colon or dash before a word and closes before a space or
    punctuation; apostrophes inside words (don't, Essex's) do neither. "s'" before a space
    may be a plural possessive ("the councils' budgets"), so it closes only when nothing
    later in the paragraph does."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    plural_s: int | None = None
    for m in _SINGLE_MARKS.finditer(text, cs, ce):
        pos = m.start()
        before = text[pos - 1] if pos > cs else " "
        after = text[pos + 1] if pos + 1 < ce else " "
        if open_at is None:
            if before in _OPENS_AFTER and after.isalnum() and not _ELISION.match(text, pos):
                open_at, plural_s = pos, None
        elif after in _CLOSES_BEFORE and not before.isspace():
            if before in "sS" and after.isspace() and pos + 2 < ce and text[pos + 2].islower():
                plural_s = plural_s if plural_s is not None else pos
                continue
            out.append((open_at, pos + 1))
            open_at = None
    if open_at is not None:
        if plural_s is not None:
            out.append((open_at, plural_s + 1))
        elif ce - open_at > 20:
            out.append((open_at, ce))
    return out


def _headline_paragraphs(ctx: DocContext) -> set[int]:
    """Short first paragraphs without a final period (title, sub-title), or in title case
    whatever their end ("Clinton Slams Trump On Abortion After Ruling.")."""
    out: set[int] = set()
    for pi, (s, e) in enumerate(ctx.paras[:3]):
        text = ctx.doc[s:e].text.strip()
        if len(text) > 200 or "\n" in text:
            break
        if text.endswith((".", "”", '"')) and not _title_case(text):
            break
        out.add(pi)
    return out


def _title_case(text: str) -> bool:
    """Every word of four letters or more capitalised, and at least three of them: a
    sentence capitalises its first word and its names, not "praised" or "after"."""
    long_words = [w for w in _WORD.findall(text) if len(w) >= 4]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


_WORD = re.compile(r"[^\W\d_][\w’'-]*")
