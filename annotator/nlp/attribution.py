"""The `source_attribution` spaCy component: claims, their sources, cues and evidence.

Per article (one Doc) it finds attributions sentence by sentence (see cues.py), turns
quotations into claims (several sentences of one quote are one claim; a quotation with no
attribution of its own continues the previous speaker), resolves pronouns, definite
descriptions ("the expert") and bare surnames to earlier sources, and spreads anonymity
found anywhere about a source to all of that source's claims.

Results: ``doc.spans["claims"|"sources"|"cues"]`` and ``doc._.claims`` (a list of
:class:`annotator.records.ExtractedClaim`, rebuilt from plain dicts kept in
``doc.user_data`` so docs survive multiprocessing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from annotator.nlp import boundaries  # noqa: F401  (registers "paragraph_boundaries" too)
from annotator.nlp.cues import (
    DOC_CACHE_KEYS,
    Attribution,
    according_to,
    no_comment,
    source_span,
    stance_frames_of,
    statement_cue,
    verb_attribution,
)
from annotator.nlp.lexicon import Lexicon, load_lexicon
from annotator.nlp.sourcing import (
    NAME_COUNTS_KEY,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    SENT_STARTS_KEY,
    SourceInfo,
    classify_source,
    span_evidence,
)
from annotator.records import Evidence, ExtractedClaim, Span

VERSION = "0.1.0"
CLAIMS_KEY = "annotator_claims"  # doc.user_data key of the claims as plain dicts
ANON_CUE_CONFIDENCE = 0.75  # an explicit anonymity phrase about the source
MAX_CLAIM_CHARS = 1000  # longer claims are split (see eval/README.md: they never count)

# Phrases that only count inside (or attached to) the source noun phrase.
_SOURCE_ONLY_ANON = frozenset(
    {"unnamed", "insider", "close_to", "briefed_on", "familiar_with", "on_the_call"}
)
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
_HEADLINE_CUES = frozenset(
    {
        "says",
        "signals",
        "say",
        "said",
        "warns",
        "claims",
        "tells",
        "insists",
        "denies",
        "confirms",
        "urges",
        "vows",
        "argues",
        "admits",
        "reveals",
        "announces",
        "predicts",
        "finds",
        "shows",
        "suggests",
        "reports",
        "concludes",
    }
)
# Words that refer back to any earlier source ("the source", "the expert").
GENERIC_SOURCE = frozenset(
    {
        "source",
        "expert",
        "analyst",
        "official",
        "person",
        "specialist",
        "observer",
        "insider",
        "diplomat",
        "aide",
        "spokesman",
        "spokeswoman",
        "spokesperson",
    }
)
_CREDIT = re.compile(
    r"^\W*(?:REUTERS|AP Photo|AFP|Getty Images|Photo)\s*/|^\W*\(?(?:Photo|Image)s?:", re.I
)
_QUOTE_CHARS = re.compile(r"[“”\"]")
# Bylines and credit lines ("By Nora Castillo, Business Desk", "Reporting by A; Editing by
# B") name the writers, not sources: they are no claims at all.
_BYLINE_START = re.compile(r"^\W*(?:By|(?:Additional\s+)?[Rr]eporting\s+by|Writing\s+by)\s+[A-Z]")
_BYLINE_WORDS = frozenset(
    {"by", "and", "in", "from", "for", "of", "the", "with", "reporting", "editing", "writing"}
)


def _is_byline(text: str) -> bool:
    """Only capitalised words (names, desks, outlets) and joiners after 'By'."""
    if len(text) > 120 or not _BYLINE_START.match(text) or text.rstrip().endswith((".", "!", "?")):
        return False
    words = re.findall(r"[^\W\d_][\w'’.-]*", text)
    return all(w[0].isupper() or w.lower() in _BYLINE_WORDS for w in words)


def claims_from_doc(doc: Doc, text: str | None = None) -> list[ExtractedClaim]:
    """The claims the component stored on ``doc``; with ``text`` (the article as read,
    same length as the doc text), every text field is cut from it instead."""
    return [claim_from_dict(d, text) for d in doc.user_data.get(CLAIMS_KEY, [])]


def _span_from(d: dict[str, Any] | None, text: str | None) -> Span | None:
    if d is None:
        return None
    start, end = d["start"], d["end"]
    return Span(d["text"] if text is None else text[start:end], start, end)


def claim_from_dict(d: dict[str, Any], text: str | None = None) -> ExtractedClaim:
    """An ExtractedClaim from its plain-dict form (see ``_as_dict``)."""
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
    )


if not Doc.has_extension("claims"):
    Doc.set_extension("claims", getter=claims_from_doc)


@dataclass
class Mention:
    """A source mention and the entity (chain of mentions) it belongs to."""

    start: int  # tokens
    end: int
    head: int
    info: SourceInfo
    para: int
    entity: int
    resolved: Mention | None = None  # the first mention of the entity, when resolved
    lemma: str = ""
    surname_of: tuple[int, int] | None = None  # chars of the full name a surname stands for
    narrated: bool = False  # a person in the writer's sentence, antecedent for pronouns only


@dataclass
class Draft:
    """A claim before entity-wide decisions (anonymity) are made."""

    kind: str
    start: int  # chars
    end: int
    sent_start: int
    sent_end: int
    para: int
    attribution: Attribution | None = None
    mention: Mention | None = None
    continues: Draft | None = None
    confidence: float = 0.7
    evidence: list[Evidence] = field(default_factory=list)
    reason_given: bool = False
    unclosed: bool = False  # a quotation left open at the paragraph end
    unsourced: Evidence | None = None  # "X are understood to ...": an unnamed briefing

    def text(self, doc: Doc) -> str:
        return _text_of(doc)[self.start : self.end]


@dataclass
class _Unit:
    start: int  # tokens
    end: int
    para: int
    attributions: list[Attribution] = field(default_factory=list)
    consumed: bool = False

    def root(self, doc: Doc) -> Token:
        """The main verb: the root of the longest sentence in the unit."""
        best = doc[self.start].sent
        i = best.end
        while i < self.end:
            sent = doc[i].sent
            if len(sent) > len(best):
                best = sent
            i = sent.end
        return best.root


class SourceAttribution:
    """Finds claims, their sources and cues; writes doc.spans and doc._.claims."""

    def __init__(
        self,
        nlp: Language,
        name: str = "source_attribution",
        lexicon: Lexicon | None = None,
        write_spans: bool = True,
    ) -> None:
        self.name = name
        # The Extractor reads doc._.claims only; skipping span groups saves serialising
        # them back from worker processes.
        self.write_spans = write_spans
        self._gender: dict[int, str] = {}  # per doc: entity -> "m" / "f" (titles, pronouns)
        self.lex = lexicon or load_lexicon(None)
        # Sentence splitting happens in the parser, after tokenisation: an abbreviated title
        # the tokenizer cuts at its period ("Sgt." + ".") ends a sentence mid-name.
        tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer, or the Extractor's wrapper of it
        for abbreviation in self.lex.title_abbreviations:
            if abbreviation not in tokenizer.rules:
                tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        self.multi = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in self.lex.multiword_cues:
            self.multi.add(phrase, [nlp.make_doc(phrase)])
        self._given_name_orths = numpy.array(
            [nlp.vocab.strings.add(name) for name in self.lex.given_names], dtype="uint64"
        )
        self.no_comment = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.no_comment.add("no_comment", [nlp.make_doc(p) for p in self.lex.no_comment_cues])
        self.anon = PhraseMatcher(nlp.vocab, attr="LOWER")
        for rule, phrase in self.lex.anonymity_phrases:
            self.anon.add(rule, [nlp.make_doc(phrase)])
        self.reasons = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.reasons.add("reason", [nlp.make_doc(p) for p in self.lex.anonymity_reasons])

    # ------------------------------------------------------------------ structure
    def _paragraphs_and_units(self, doc: Doc) -> tuple[list[tuple[int, int]], list[_Unit]]:
        paras: list[tuple[int, int]] = []
        para_of = [0] * len(doc)
        start: int | None = None
        for tok in doc:
            if tok.is_space and "\n" in tok.text:
                if start is not None:
                    paras.append((start, tok.i))
                    start = None
                para_of[tok.i] = len(paras)
                continue
            if start is None and not tok.is_space:
                start = tok.i
            para_of[tok.i] = len(paras)
        if start is not None:
            paras.append((start, len(doc)))
        units: list[_Unit] = []
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
                    or _fragment(doc, prev.start, prev.end)
                )
            ):
                prev.end = e
                continue
            units.append(_Unit(s, e, para))
        return paras, units

    def _quotes(self, doc: Doc, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Quotations as char spans (marks included); an unclosed one runs to the paragraph end."""
        out: list[tuple[int, int]] = []
        text = _text_of(doc)
        for ps, pe in paras:
            cs, ce = doc[ps].idx, doc[pe - 1].idx + len(doc[pe - 1])
            open_at: int | None = None
            for m in _QUOTE_CHARS.finditer(text, cs, ce):
                ch = m.group()
                pos = m.start()
                if ch == "“" or (ch == '"' and open_at is None):
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

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        _TEXT.clear()
        _TEXT[id(doc)] = doc.text  # Doc.text is rebuilt from tokens on every access
        try:
            return self._annotate(doc)
        finally:
            _TEXT.clear()
            for key in (NAME_COUNTS_KEY, SENT_STARTS_KEY, *DOC_CACHE_KEYS):
                doc.user_data.pop(key, None)

    def _annotate(self, doc: Doc) -> Doc:
        lex = self.lex
        paras, units = self._paragraphs_and_units(doc)
        quotes = self._quotes(doc, paras)
        quoted = [-1] * len(doc)
        for qi, (qs, qe) in enumerate(quotes):
            span = doc.char_span(qs, qe, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    quoted[i] = qi

        multi = self.multi(doc)
        according = [(s, e) for mid, s, e in multi if doc.vocab.strings[mid] == "according to"]
        cue_ext = {s: e for mid, s, e in multi if doc.vocab.strings[mid] != "according to"}
        statements = [
            (s, e)
            for mid, s, e in multi
            if doc.vocab.strings[mid] in ("in a statement", "in an interview", "in a letter")
        ]

        refusals = [(s, e) for _, s, e in self.no_comment(doc)]
        # Anonymity phrases, matched once: overlapping ones ("gave only her first name",
        # "only her first name") count once, the longest kept.
        anon_spans = filter_spans(self.anon(doc, as_spans=True))
        briefings = [span.start for span in anon_spans if span.label_ == "understood"]
        unit_of = [-1] * len(doc)
        for ui, unit in enumerate(units):
            for i in range(unit.start, unit.end):
                unit_of[i] = ui

        claimed: set[int] = set()
        stance_frames = stance_frames_of(lex)
        for unit in units:
            found: list[Attribution] = []
            for i in range(unit.start, unit.end):
                tok = doc[i]
                if quoted[i] >= 0 or tok.pos_ not in ("VERB", "AUX"):
                    continue
                lemma = tok.lemma_.lower()
                if lemma in lex.cue_verbs or lemma in stance_frames:
                    attr = verb_attribution(tok, lex, quoted, claimed)
                    if attr is not None and attr.citing is not None:
                        _relay_through_subject(doc, attr)
                    if attr is not None and quoted[attr.src_head] < 0:
                        # "said in a statement", "told reporters": widen the cue.
                        ext = cue_ext.get(attr.cue_end) or cue_ext.get(attr.cue_end + 1)
                        if ext is not None and ext - attr.cue_end <= 4:
                            attr.cue_end = ext
                        found.append(attr)
            for s, e in according:
                if unit.start <= s < unit.end and quoted[s] < 0:
                    attr = according_to(doc, s, e, unit.start, unit.end)
                    if attr is not None:
                        found.append(attr)
            for s, e in refusals:
                if unit.start <= s < unit.end and quoted[s] < 0:
                    attr = no_comment(doc, s, e, unit.end)
                    if attr is not None and not any(a.verb == attr.verb for a in found):
                        found.append(attr)
            for s, e in statements:
                if unit.start <= s < unit.end and quoted[s] < 0:
                    # Only when no reporting verb already owns this clause.
                    attr = statement_cue(doc, s, e)
                    if attr is not None and not any(a.verb == attr.verb for a in found):
                        found.append(attr)
            for attr in found:
                _widen_document(doc, attr, lex)
            # The outermost attribution owns a claim: drop those nested in another's content.
            # An attribution after its content ("X expects Y, a spokeswoman said") wins
            # over a verb inside that content, even where the parse nests it the other way.
            top = _outermost(found, unit)
            top.sort(key=lambda a: min(a.cue_start, a.src_start))
            if _direct_question(doc, unit, quoted):
                # "What did officials say at Tuesday's briefing?" asks and reports nothing;
                # "Why, the senator asked, did the agency wait?" is the senator's question.
                top = [a for a in top if a.after_content]
            if any(unit.start <= i < unit.end for i in briefings):
                # "…, it is understood, …": an unnamed briefing is the sentence's source; a
                # stance its subject took ("raised objections") is what was briefed.
                top = [a for a in top if not _stance_only(doc, a, lex, stance_frames)]
            unit.attributions = top

        headline_paras = self._headline_paragraphs(doc, paras)
        for unit in units:
            if unit.para in headline_paras and len(unit.attributions) == 1:
                # "Hotels to close 'within a year', says Home Secretary": the parse makes the
                # content the subject; the headline pattern knows the inverted order.
                trailing = self._trailing_headline_cue(doc, unit)
                if trailing is not None and trailing.cue_start == unit.attributions[0].cue_start:
                    unit.attributions = [trailing]
        drafts: list[Draft] = []
        quote_drafts = self._quote_claims(doc, units, quotes, quoted, unit_of)
        qi = 0
        for ui, unit in enumerate(units):
            while qi < len(quote_drafts) and quote_drafts[qi][0] <= ui:
                drafts.append(quote_drafts[qi][1])
                qi += 1
            if unit.consumed:
                continue
            credit = _quote_credit(doc, unit)
            if credit is not None and drafts and drafts[-1].kind == "quote":
                if drafts[-1].attribution is None:
                    # '"We are farming on borrowed time." | — Marie Dufresne': a pull quote
                    # and its credit line; the line itself is no claim.
                    drafts[-1].attribution = credit
                continue
            new = self._unit_claims(doc, unit, unit.para in headline_paras)
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
                    Evidence(
                        "kind.caption",
                        new[0].text(doc),
                        new[0].start,
                        new[0].end,
                        "followed by a photo credit",
                    )
                )
            drafts.extend(new)
        drafts.extend(d for _, d in quote_drafts[qi:])

        mentions = self._resolve(doc, drafts, quoted)
        self._anonymity(doc, units, unit_of, drafts, mentions, anon_spans)
        self._write(doc, drafts)
        return doc

    # ------------------------------------------------------------------ claims
    def _headline_paragraphs(self, doc: Doc, paras: list[tuple[int, int]]) -> set[int]:
        """Short first paragraphs without a final period (title, sub-title)."""
        out: set[int] = set()
        for pi, (s, e) in enumerate(paras[:3]):
            text = doc[s:e].text.strip()
            if len(text) > 200 or text.endswith((".", "”", '"')) or "\n" in text:
                break
            out.add(pi)
        return out

    def _quote_claims(
        self,
        doc: Doc,
        units: list[_Unit],
        quotes: list[tuple[int, int]],
        quoted: list[int],
        unit_of: list[int],
    ) -> list[tuple[int, Draft]]:
        """Quotations that stand as claims of their own, with the unit index they follow."""
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
                and _bare_attribution(doc, units[nxt], quoted)
            ):
                ordered.append(nxt)
            outside = [
                i
                for ui in ordered
                for i in range(units[ui].start, units[ui].end)
                if quoted[i] not in qset and not doc[i].is_punct and not doc[i].is_space
            ]
            attrs = [
                a
                for ui in ordered
                for a in units[ui].attributions
                if quoted[a.cue_start] not in qset
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
            text = _text_of(doc)
            # The claim is the quoted words, without the marks and a trailing comma.
            cs, ce = qs + 1, qe
            while ce > cs and text[ce - 1] in "”\"' ,":
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
                confidence=0.85 if chosen else 0.7,
                unclosed=text[qe - 1] not in '”"',
            )
            for ui in ordered:
                units[ui].consumed = True
            out.extend((ordered[0], piece) for piece in _split_long(doc, draft, units, ordered))
        out.sort(key=lambda pair: pair[1].start)
        return out

    def _unit_claims(self, doc: Doc, unit: _Unit, headline: bool) -> list[Draft]:
        sent_start = doc[unit.start].idx
        last = doc[unit.end - 1]
        sent_end = last.idx + len(last)
        text = _text_of(doc)[sent_start:sent_end]
        if not any(ch.isalnum() for ch in text) or _is_byline(text):
            return []  # punctuation only ("***", a lone quote mark), or a byline
        attrs = unit.attributions
        kind = "headline" if headline else "statement"
        if attrs and not headline and _CAPTION_START.search(text):
            attrs = []  # "A view shows ...", "(Photo: ...)": a caption, whatever its verbs
        if not attrs:
            draft = Draft(kind, sent_start, sent_end, sent_start, sent_end, unit.para)
            if headline:
                draft.confidence = 0.5
                fallback = self._headline_cue(doc, unit)
                if fallback is not None:
                    draft.attribution = fallback
                    return [draft]
            elif _CAPTION.search(text):
                draft.kind = "caption"
                draft.confidence = 0.75
                draft.evidence.append(
                    Evidence("kind.caption", text, sent_start, sent_end, "reads as a photo caption")
                )
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
        # Several attributions ("A said X, while B said Y"), or one inside the writer's
        # sentence ("..., its allies, who warned ..."): one claim per clause.
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
        out: list[Draft] = []
        for lo, hi, owner in filled:
            while hi - 1 > lo and (
                doc[hi - 1].text in (",", ";", "–", "—")
                or doc[hi - 1].is_space
                or doc[hi - 1].dep_ == "cc"
            ):
                hi -= 1
            while lo < hi - 1 and (doc[lo].text in (",", ";") or doc[lo].is_space):
                lo += 1
            cs = doc[lo].idx
            ce = doc[hi - 1].idx + len(doc[hi - 1])
            out.append(Draft(kind, cs, ce, sent_start, sent_end, unit.para, owner))
        return out

    def _headline_cue(self, doc: Doc, unit: _Unit) -> Attribution | None:
        """'Turkey Says ...' in a title-case headline, where the parse is unreliable."""
        trailing = self._trailing_headline_cue(doc, unit)
        if trailing is not None:
            return trailing
        for i in range(unit.start + 1, min(unit.start + 7, unit.end)):
            if doc[i].lower_ in _HEADLINE_CUES:
                head = max(range(unit.start, i), key=lambda j: doc[j].pos_ == "PROPN")
                before = doc[unit.start : i]
                # Only a bare name before the cue: "Turkey Says ...", not "Bank holds rates,
                # signals ...".
                if i - unit.start > 5 or any(
                    t.pos_ in ("VERB", "AUX", "ADP") or (t.is_punct and t.text != ".")
                    for t in before
                ):
                    return None
                return Attribution(
                    cue_start=i,
                    cue_end=i + 1,
                    src_head=i - 1 if doc[i - 1].pos_ in ("PROPN", "NOUN") else head,
                    src_start=unit.start,
                    src_end=i,
                    cue_rule="cue.headline",
                    source_rule="source.headline",
                    confidence=0.55,
                )
        return None

    def _trailing_headline_cue(self, doc: Doc, unit: _Unit) -> Attribution | None:
        """'Daily Walks Cut Risk, Large Study Finds': the few words between the last comma
        and a final cue word are the source; 'Hotels to close, says Home Secretary' (the
        British order): the words after the cue."""
        end = unit.end
        while end > unit.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        last_comma = max(
            (j for j in range(max(end - 7, unit.start), end) if doc[j].text == ","), default=None
        )
        if (
            last_comma is not None
            and last_comma + 2 < end
            and doc[last_comma + 1].lower_ in _HEADLINE_CUES
            and not any(doc[j].pos_ in ("VERB", "AUX", "ADP") for j in range(last_comma + 2, end))
        ):
            head = max(range(last_comma + 2, end), key=lambda j: (doc[j].dep_ != "compound", j))
            return Attribution(
                cue_start=last_comma + 1,
                cue_end=last_comma + 2,
                src_head=head,
                src_start=last_comma + 2,
                src_end=end,
                cue_rule="cue.headline",
                source_rule="source.headline",
                confidence=0.55,
            )
        cue = end - 1
        if cue <= unit.start or doc[cue].lower_ not in _HEADLINE_CUES:
            return None
        comma = next(
            (j for j in range(cue - 1, max(cue - 6, unit.start), -1) if doc[j].text == ","), None
        )
        if comma is None or comma + 1 >= cue:
            return None
        if any(doc[j].pos_ in ("VERB", "AUX", "ADP") for j in range(comma + 1, cue)):
            return None
        return Attribution(
            cue_start=cue,
            cue_end=cue + 1,
            src_head=cue - 1,
            src_start=comma + 1,
            src_end=cue,
            cue_rule="cue.headline",
            source_rule="source.headline",
            confidence=0.55,
        )

    # ------------------------------------------------------------------ sources
    def _resolve(self, doc: Doc, drafts: list[Draft], quoted: list[int]) -> list[Mention]:
        """Give every attributed claim a mention; pronouns, 'the expert' and bare surnames
        take the type and entity of an earlier mention."""
        lex = self.lex
        people: list[tuple[int, str, int, int]] = []  # token start, surname, char span
        # Full names that are the subject of the writer's sentences ("Margaret Oduya was 19
        # when ..."): a later "she says" may refer to them though they made no claim yet.
        narrated: list[SpacySpan] = []
        for ent in doc.ents:
            if len(ent) >= 2 and _person_name(ent, lex):
                people.append((ent.start, ent[-1].text, ent.start_char, ent.end_char))
                if _subject_like(ent.root) and quoted[ent.start] < 0:
                    narrated.append(ent)
        # "Caleb Ouellette" outside any PERSON entity: a given name and a capitalised word.
        orths = doc.to_array(ORTH)  # an array pass, not a Token object per word
        given = self._given_name_orths
        for i in (int(i) for i in numpy.flatnonzero(numpy.isin(orths[:-1], given))):
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
        for tok in doc:
            if (
                tok.text in surnames
                and tok.dep_ in ("nsubj", "nsubjpass")
                and quoted[tok.i] < 0
                and not any(e.start <= tok.i < e.end for e in narrated)
                and any(start < tok.i for start, name, _, _ in people if name == tok.text)
            ):
                narrated.append(doc[tok.i : tok.i + 1])
        narrated.sort(key=lambda span: span.start)
        # First words of organisations named in full ("Halvorsen Logistics", "Goldman Sachs").
        known_orgs = frozenset(
            ent[0].text
            for ent in doc.ents
            if ent.label_ == "ORG"
            and len(ent) >= 2
            and ent[0].pos_ == "PROPN"
            and ent[0].text not in lex.given_names  # "Marcus Bell" mis-tagged ORG
        )
        newline_before = [0] * (len(doc) + 1)
        for tok in doc:
            newline_before[tok.i + 1] = newline_before[tok.i] + (
                1 if tok.is_space and "\n" in tok.text else 0
            )
        mentions: list[Mention] = []
        self._gender = {}
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
                        or _runs_on_quote(doc, draft, previous, quoted)
                        or _bullet_after_colon(doc, draft, previous)
                    )
                    and previous is not None
                    and previous.mention is not None
                    and draft.para - previous.para <= 1
                ):
                    draft.continues = previous
                    draft.mention = previous.mention
                    draft.confidence = min(0.75, previous.mention.info.confidence)
                previous = draft if draft.mention is not None or draft.kind == "quote" else None
                if draft.kind in ("statement",) and draft.mention is None:
                    previous = None
                continue
            while narrated and narrated[0].start < a.src_start:
                ent = narrated.pop(0)
                if any(m.start <= ent.root.i < m.end for m in mentions):
                    continue
                why = "a person the article names before quoting"
                mentions.append(
                    Mention(
                        ent.start,
                        ent.end,
                        ent.root.i,
                        SourceInfo(
                            "named_person",
                            confidence=0.85,
                            person=True,
                            evidence=[
                                span_evidence("type.person_entity", doc, ent.start, ent.end, why)
                            ],
                        ),
                        newline_before[ent.start],
                        len(mentions),
                        lemma=ent.root.lemma_.lower(),
                        narrated=True,
                    )
                )
                gender = _title_gender(doc, max(ent.start - 1, 0), ent.end) or _narrated_gender(ent)
                if gender:
                    self._gender[mentions[-1].entity] = gender
            head = doc[a.src_head]
            known = {name for start, name, _, _ in people if start < a.src_start}
            known.update(
                name
                for m in mentions
                if m.info.source_type == "named_person"
                for name in _surnames(doc, m)
            )
            info = classify_source(doc, a.src_start, a.src_end, head, lex, known, known_orgs)
            mention = Mention(
                a.src_start,
                a.src_end,
                a.src_head,
                info,
                draft.para,
                len(mentions),
                lemma=head.lemma_.lower(),
            )
            title_gender = _title_gender(doc, a.src_start, a.src_end)
            if title_gender:
                self._gender[mention.entity] = title_gender
            elif info.pronoun in _PRONOUN_GENDER:
                # Even unresolved, "he" is not the antecedent of a later "she".
                self._gender[mention.entity] = _PRONOUN_GENDER[info.pronoun]
            partitive = _partitive_of(head)
            if partitive is not None:
                antecedent = self._partitive_antecedent(doc, mention, partitive, mentions)
            else:
                antecedent = self._antecedent(doc, mention, mentions)
            if antecedent is not None:
                root = antecedent.resolved or antecedent
                mention.resolved = root
                gender = _PRONOUN_GENDER.get(info.pronoun or "") or title_gender
                if gender:
                    self._gender.setdefault(root.entity, gender)
                mention.entity = root.entity
                if partitive is not None:
                    rule = "resolve.partitive"
                elif info.pronoun:
                    rule = "resolve.pronoun"
                else:
                    rule = "resolve.definite"
                why = f"'{head.text}' refers back to '{doc[root.start : root.end].text}'"
                # "one of them" is a single member of the group it refers back to.
                single = partitive is not None and head.lower_ == "one"
                mention.info = SourceInfo(
                    root.info.source_type,
                    anonymous=root.info.anonymous,
                    confidence=min(0.8, root.info.confidence),
                    evidence=[span_evidence(rule, doc, a.src_start, a.src_end, why)]
                    + [e for e in root.info.evidence if not e.rule.startswith("resolve.")],
                    person=root.info.person or single,
                    plural=root.info.plural and not single,
                )
            elif any(e.rule == "type.known_person" for e in info.evidence):
                for start, name, cs, ce in people:
                    if name == head.text and start < a.src_start:
                        mention.surname_of = (cs, ce)
                        draft.evidence.append(
                            Evidence(
                                "resolve.surname",
                                _text_of(doc)[cs:ce],
                                cs,
                                ce,
                                f"'{head.text}' is the surname of '{_text_of(doc)[cs:ce]}'",
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
                draft.confidence = min(0.75, nxt.mention.info.confidence)
        return mentions

    def _gendered_narrated(
        self, m: Mention, mentions: list[Mention], after: Mention, wanted: str
    ) -> Mention | None:
        """The nearest narrated person before ``after`` whose known gender is ``wanted``,
        with only narrated people in between (a real source in between is nearer)."""
        for prev in reversed(mentions[: mentions.index(after)][-12:]):
            if m.para - prev.para > 4 or not prev.narrated:
                return None
            if self._gender.get((prev.resolved or prev).entity) == wanted:
                return prev
        return None

    def _partitive_antecedent(
        self, doc: Doc, m: Mention, group: Token, mentions: list[Mention]
    ) -> Mention | None:
        """'one of the people', 'two of them': the nearest earlier group of people, of the
        same noun when one is given ("the people" -> "three people familiar with ...")."""
        for prev in reversed(mentions[-12:]):
            if m.para - prev.para > 4:
                break
            p = (prev.resolved or prev).info
            if not p.plural or p.source_type in ("document", "named_organization"):
                continue
            if group.pos_ == "PRON" or group.lemma_.lower() == prev.lemma:
                return prev
        return None

    def _antecedent(self, doc: Doc, m: Mention, mentions: list[Mention]) -> Mention | None:
        info = m.info
        head = doc[m.head]
        has_det = any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children
        )
        no_name = not any(t.pos_ == "PROPN" for t in doc[m.start : m.end])
        definite = info.definite_noun or (
            has_det
            and no_name
            and (m.lemma in self.lex.anonymous_nouns or m.lemma in self.lex.person_nouns)
        )
        if info.pronoun is None and not definite:
            office = _office_title(doc, m, self.lex) if has_det else None
            return None if office is None else _office_holder(doc, m, office, mentions, self.lex)
        for prev in reversed(mentions[-12:]):
            if m.para - prev.para > 4:
                break
            p = prev.info
            if info.pronoun in PERSON_PRONOUNS:
                wanted = _PRONOUN_GENDER.get(info.pronoun)
                known = self._gender.get((prev.resolved or prev).entity)
                if wanted and known and wanted != known:
                    continue  # "she" does not refer back to Mr Smith
                if p.person and not p.plural:
                    if wanted and not known and prev.narrated:
                        # A narrated name of unknown gender yields to an earlier narrated
                        # person known to match ("Ana Ruiz ... she took over | Tom Reyes
                        # retired | 'she says'").
                        better = self._gendered_narrated(m, mentions, prev, wanted)
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
                generic = m.lemma in GENERIC_SOURCE and p.source_type != "named_person"
                if same_role or (generic and m.para - prev.para <= 2):
                    return prev
        return None

    # ------------------------------------------------------------------ anonymity
    def _anonymity(
        self,
        doc: Doc,
        units: list[_Unit],
        unit_of: list[int],
        drafts: list[Draft],
        mentions: list[Mention],
        anon_spans: list[SpacySpan],
    ) -> None:
        """Attach the anonymity cues ``anon_spans`` to the entity of the source they describe."""
        by_entity: dict[int, list[Evidence]] = {}
        reasons_by_unit: dict[int, list[Evidence]] = {}
        for _, s, e in self.reasons(doc):
            ui = unit_of[s]
            if ui >= 0:
                reasons_by_unit.setdefault(ui, []).append(
                    span_evidence(
                        "anon.reason", doc, s, e, "the text says why the source is unnamed"
                    )
                )
        reason_entities: set[int] = set()
        for span in anon_spans:
            rule, s, e = span.label_, span.start, span.end
            ui = unit_of[s]
            if ui < 0:
                continue
            if rule in _SOURCE_ONLY_ANON and s > 0 and doc[s - 1].lower_ in ("not", "n't"):
                continue  # "experts not involved in the study" are independent, not anonymous
            if rule == "partial_name" and ui not in reasons_by_unit:
                continue  # a first name alone, with no reason to withhold the rest, identifies
            if rule == "understood":
                # "Treasury officials are understood to have pressed ...": the paper's own
                # unnamed briefing; the subject is not the source. Only a sentence that has
                # no attribution of its own is an anonymous report.
                unit = units[ui]
                cs, ce = doc[unit.start].idx, doc[unit.end - 1].idx + len(doc[unit.end - 1])
                for d in drafts:
                    if d.attribution is None and d.mention is None and cs <= d.start < ce:
                        d.unsourced = span_evidence(
                            "anon.understood", doc, s, e, "an unnamed briefing the paper relays"
                        )
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
            if target is None and rule not in _SOURCE_ONLY_ANON:
                in_unit = [m for m in mentions if unit_of[m.head] == ui]
                # No source in the sentence: "The officials spoke on condition of ...".
                targets = in_unit[:1] or self._subject_mentions(doc, units[ui], mentions)
            ev = span_evidence(f"anon.{rule}", doc, s, e, _ANON_WHY.get(rule, "identity withheld"))
            for tm in targets:
                by_entity.setdefault(tm.entity, []).append(ev)
                if ui in reasons_by_unit:
                    reason_entities.add(tm.entity)
                    by_entity[tm.entity].extend(reasons_by_unit[ui])
        for k, m in enumerate(mentions):
            if m.info.anonymous and m.entity not in by_entity:
                by_entity.setdefault(m.entity, [])
            # "Another (defense) expert" after an anonymous expert: the same kind of source,
            # kept unnamed the same way.
            head = doc[m.head]
            other = next(
                (c for c in head.children if c.lower_ in ("another", "other") and c.i < head.i),
                None,
            )
            if other is None or m.info.source_type not in ("unnamed_person", "unnamed_group"):
                continue
            for prev in reversed(mentions[:k]):
                if (
                    prev.entity != m.entity
                    and prev.entity in by_entity
                    and (prev.lemma == m.lemma or prev.info.person)
                ):
                    ev = span_evidence(
                        "anon.another",
                        doc,
                        other.i,
                        m.end,
                        "'another' source of the same kind as an anonymous one",
                    )
                    by_entity.setdefault(m.entity, []).append(ev)
                    if prev.entity in reason_entities:
                        reason_entities.add(m.entity)
                    break
        for draft in drafts:
            if draft.mention is None:
                continue
            m = draft.mention
            evs = by_entity.get(m.entity)
            if evs is None:
                continue
            if m.info.source_type in ("named_person", "document"):
                continue
            for found in evs:
                if _near(doc, found, draft):
                    new = found
                else:
                    why = f"{found.why} (said of the same source elsewhere)"
                    new = Evidence("anon.propagated", found.text, found.start, found.end, why)
                if new not in draft.evidence and new not in m.info.evidence:
                    draft.evidence.append(new)
            m.info.anonymous = True
            if m.info.source_type in ("unnamed_person", "unnamed_group"):
                m.info.source_type = "anonymous"
            if evs and not (m.info.pronoun and m.resolved is None):
                # The text says outright that the source is withheld: that, not the guess
                # at the source noun, decides the type.
                m.info.confidence = max(m.info.confidence, ANON_CUE_CONFIDENCE)
            draft.reason_given = m.entity in reason_entities

    def _subject_mentions(self, doc: Doc, unit: _Unit, mentions: list[Mention]) -> list[Mention]:
        """'The officials spoke on condition of anonymity', 'Both spoke ...': the earlier
        source(s) the subject refers to."""
        root = unit.root(doc)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return []
        before = [m for m in mentions if m.start < unit.start][-8:]
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

    # ------------------------------------------------------------------ output
    def _write(self, doc: Doc, drafts: list[Draft]) -> None:
        text = _text_of(doc)
        records: list[dict[str, Any]] = []
        claim_spans: list[SpacySpan] = []
        source_spans: list[SpacySpan] = []
        cue_spans: list[SpacySpan] = []
        drafts.sort(key=lambda d: (d.start, d.end))
        for seq, d in enumerate(drafts):
            evidence = list(d.evidence)
            source = cue = resolved = relayed = None
            source_type, flag, reason = "unattributed", False, None
            confidence = d.confidence
            a = d.attribution
            m = d.mention
            if a is not None:
                cue_tok = doc[a.cue_start : a.cue_end]
                cue = Span(cue_tok.text, cue_tok.start_char, cue_tok.end_char)
                src_tok = doc[a.src_start : a.src_end]
                source = Span(src_tok.text, src_tok.start_char, src_tok.end_char)
                evidence.insert(
                    0, Evidence(a.cue_rule, cue.text, cue.start, cue.end, _CUE_WHY[a.cue_rule])
                )
                evidence.insert(
                    1,
                    Evidence(
                        a.source_rule,
                        source.text,
                        source.start,
                        source.end,
                        _SOURCE_WHY[a.source_rule],
                    ),
                )
                if a.relayed is not None:
                    r = doc[a.relayed[0] : a.relayed[1]]
                    relayed = Span(r.text, r.start_char, r.end_char)
                    evidence.append(
                        Evidence(
                            "relay.cited_by",
                            r.text,
                            r.start_char,
                            r.end_char,
                            "the source is passed on through another outlet",
                        )
                    )
                cue_spans.append(doc[a.cue_start : a.cue_end])
                source_spans.append(doc[a.src_start : a.src_end])
                confidence = min(a.confidence, m.info.confidence if m else a.confidence)
            elif d.continues is not None:
                evidence.append(
                    Evidence(
                        "resolve.continuation",
                        text[d.start : d.end],
                        d.start,
                        d.end,
                        "a quotation (or a bulleted item after a sourced lead-in) with no "
                        "attribution of its own continues the previous speaker",
                    )
                )
            elif d.unsourced is not None:
                source_type, flag, reason = "anonymous", True, d.reason_given
                evidence.append(d.unsourced)
                # "it is understood" is the cue; there is no source mention.
                cue = Span(d.unsourced.text, d.unsourced.start, d.unsourced.end)
            else:
                why = (
                    "a caption, in the writer's voice"
                    if d.kind == "caption"
                    else "no attribution cue: the writer's own voice"
                )
                evidence.append(Evidence("type.writer", text[d.start : d.end], d.start, d.end, why))
            if m is not None:
                source_type = m.info.source_type
                flag = m.info.anonymous
                if flag:
                    reason = d.reason_given
                evidence.extend(e for e in m.info.evidence if e not in evidence)
                if m.resolved is not None:
                    r = doc[m.resolved.start : m.resolved.end]
                    resolved = Span(r.text, r.start_char, r.end_char)
                elif m.surname_of is not None:
                    cs, ce = m.surname_of
                    resolved = Span(text[cs:ce], cs, ce)
                if d.continues is not None:
                    root = m.resolved or m
                    r = doc[root.start : root.end]
                    resolved = Span(r.text, r.start_char, r.end_char)
            records.append(
                _as_dict(
                    ExtractedClaim(
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
                    )
                )
            )
            span = doc.char_span(d.start, d.end, label=source_type, alignment_mode="expand")
            if span is not None:
                claim_spans.append(span)
        doc.user_data[CLAIMS_KEY] = records
        if self.write_spans:
            doc.spans["claims"] = claim_spans
            doc.spans["sources"] = source_spans
            doc.spans["cues"] = cue_spans


_TEXT: dict[int, str] = {}


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


def _bare_attribution(doc: Doc, unit: _Unit, quoted: list[int]) -> bool:
    """A sentence that is only an attribution frame ("he said on Monday.")."""
    if len(unit.attributions) != 1 or unit.end - unit.start > 25:
        return False
    frame = unit.attributions[0].frame
    return all(
        quoted[i] < 0 and (i in frame or doc[i].is_punct or doc[i].is_space)
        for i in range(unit.start, unit.end)
    )


def _split_long(doc: Doc, draft: Draft, units: list[_Unit], ordered: list[int]) -> list[Draft]:
    """A very long quotation in pieces of whole sentences under MAX_CLAIM_CHARS; the pieces
    after the first continue its speaker (reviewers and scorers cannot use 3,000-char claims)."""
    if draft.end - draft.start <= MAX_CLAIM_CHARS:
        return [draft]
    text = _text_of(doc)
    bounds: list[tuple[int, int]] = []
    start, end = draft.start, draft.start
    for ui in ordered:
        last = doc[units[ui].end - 1]
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
    }


def _text_of(doc: Doc) -> str:
    """The text of the doc being annotated (cached for the duration of one call)."""
    text = _TEXT.get(id(doc))
    if text is None:
        text = _TEXT[id(doc)] = doc.text
    return text


def _widen_document(doc: Doc, a: Attribution, lex: Lexicon) -> None:
    """A document source keeps its participle ("a poll released Tuesday by Pew", "a
    complaint filed in district court"): it says which document it is."""
    head = doc[a.src_head]
    if head.lemma_.lower() not in lex.document_nouns and head.lower_ not in lex.document_nouns:
        return
    lo, hi = source_span(head, keep_acl=True)
    if a.cue_start in range(lo, hi) or (a.verb is not None and a.verb in range(lo, hi)):
        return
    a.src_start, a.src_end = min(lo, a.src_start), max(hi, a.src_end)
    a.frame.update(range(lo, hi))


def _relay_through_subject(doc: Doc, a: Attribution) -> None:
    """'The Journal reported, citing people familiar with the matter': the cited people
    are the source and the outlet relays them."""
    assert a.citing is not None
    cited = doc[a.citing]
    start, end = source_span(cited)
    a.relayed = (a.src_start, a.src_end)
    a.src_head, a.src_start, a.src_end = cited.i, start, end
    a.source_rule = "source.citing"
    a.frame.update(range(cited.left_edge.i - 1, cited.right_edge.i + 1))


_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_TITLE_GENDER = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "spokesman": "m",
    "spokeswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
    "congressman": "m",
    "congresswoman": "f",
}


_SINGLE_MARKS = re.compile(r"['‘’]")
_OPENS_AFTER = frozenset(' \t\n:(—–“"')
_CLOSES_BEFORE = frozenset(' \t\n,.;:!?)—–”"')
# Elisions that open with an apostrophe, not a quotation: '90s, 'em, 'til, 'n'.
_ELISION = re.compile(r"['‘’](?:\d\d|em\b|til\b|n\b|cause\b|tis\b)", re.IGNORECASE)


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


def _runs_on_quote(doc: Doc, draft: Draft, previous: Draft | None, quoted: list[int]) -> bool:
    """'He told MPs: "We inherited a broken system. | That ends now."': a sentence wholly
    inside a quotation opened in the attributed sentence before it, same paragraph."""
    if previous is None or previous.attribution is None or previous.para != draft.para:
        return False
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None:
        return False
    words = [t.i for t in span if not (t.is_punct or t.is_space)]
    if not words or quoted[words[0]] < 0 or any(quoted[i] != quoted[words[0]] for i in words):
        return False
    before = doc.char_span(previous.start, previous.end, alignment_mode="expand")
    return before is not None and any(quoted[t.i] == quoted[words[0]] for t in before)


_BULLETS = ("•", "·", "*", "-", "–", "—", "▪")


def _bullet_after_colon(doc: Doc, draft: Draft, previous: Draft | None) -> bool:
    """'X listed her objections: | • The rule will be … | • Small hosts …': a bulleted item
    after a sourced lead-in ending in a colon (or after a bullet that continued one)."""
    if previous is None or previous.mention is None:
        return False
    text = _text_of(doc)

    def bulleted(d: Draft) -> bool:
        line_start = text.rfind("\n", 0, d.start) + 1  # the bullet may lie outside the claim
        return text[line_start : d.end].lstrip().startswith(_BULLETS)

    if not bulleted(draft):
        return False
    before = text[previous.start : previous.end].rstrip()
    return before.endswith(":") or (previous.continues is not None and bulleted(previous))


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


# Words that make a different office of the same title ("Shadow home secretary").
_OTHER_OFFICE = frozenset({"shadow", "former", "deputy", "acting", "vice", "junior", "ex"})


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
    for prev in reversed(mentions[-12:]):
        if prev.info.source_type != "named_person" or prev.narrated:
            continue
        words = [t.lower_ for t in doc[prev.start : prev.end]]
        for i in range(len(words) - n + 1):
            if words[i : i + n] == title and (i == 0 or words[i - 1] not in _OTHER_OFFICE):
                return prev
    for prev in reversed(mentions[-12:]):
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
        gender = _PRONOUN_GENDER.get(tok.lower_) or _PRONOUN_GENDER.get(
            {"his": "he", "hers": "she", "himself": "he", "herself": "she"}.get(tok.lower_, "")
        )
        if gender:
            return gender
    return None


def _title_gender(doc: Doc, start: int, end: int) -> str | None:
    for i in range(start, end):
        gender = _TITLE_GENDER.get(doc[i].lower_.rstrip("."))
        if gender:
            return gender
    return None


def _anchor(a: Attribution) -> int:
    return a.verb if a.verb is not None else a.cue_start


_QUANTIFIERS = frozenset(
    {"one", "two", "three", "some", "each", "several", "many", "most", "both", "all", "none"}
)


_QUESTION_OPENERS = frozenset(
    {"what", "who", "why", "how", "when", "where", "which", "whose"}
    | {"do", "does", "did", "is", "are", "was", "were", "can", "will", "would", "should"}
    | {"has", "have", "had"}
)


def _direct_question(doc: Doc, unit: _Unit, quoted: list[int]) -> bool:
    """A question in the writer's voice ("What are hosts saying?"): it asks, it reports
    nothing."""
    last = unit.end - 1
    while last > unit.start and doc[last].is_space:
        last -= 1
    if doc[last].text != "?":
        return False
    words = [t for t in doc[unit.start : unit.end] if not t.is_space]
    return (
        len(words) > 1
        and words[-1].text == "?"
        and quoted[words[-1].i] < 0
        and words[0].lower_ in _QUESTION_OPENERS
    )


_QUOTE_CREDIT = re.compile(r"^[—–―-]{1,2}\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}$")


def _quote_credit(doc: Doc, unit: _Unit) -> Attribution | None:
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
        cue_rule="cue.credit",
        source_rule="source.credit",
        confidence=0.8,
        frame=set(range(unit.start, unit.end)),
    )


# More attributions than this in one sentence is no prose (text without full stops, a
# list run together): the pairwise nesting test gives way to a linear approximation.
MAX_PAIRWISE_ATTRIBUTIONS = 64


def _outermost(found: list[Attribution], unit: _Unit) -> list[Attribution]:
    """The attributions not nested in another's content ("X said the company plans …": X's).
    An attribution after its content ("X expects Y, a spokeswoman said") wins over a verb
    inside that content, even where the parse nests it the other way."""
    if len(found) <= MAX_PAIRWISE_ATTRIBUTIONS:
        return [
            a
            for a in found
            if not any(
                b is not a
                and b.in_content(_anchor(a))
                and not (a.after_content and a.in_content(_anchor(b)))
                for b in found
            )
        ]
    # Coverage counts over the sentence: an attribution whose anchor lies in some other
    # attribution's content is nested (the after-content exception is not applied).
    size = unit.end - unit.start + 1
    diff = [0] * (size + 1)
    for b in found:
        for lo, hi in b.content:
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
        p = _anchor(a) - unit.start
        if not 0 <= p < size or cover[p] - a.in_content(_anchor(a)) <= 0:
            top.append(a)
    return top


def _semicolon_before(doc: Doc, unit: _Unit, a: Attribution) -> int | None:
    """The semicolon between the writer's clause and an attribution whose source, cue and
    content all follow it, or None."""
    first = min([a.src_start, a.cue_start] + [lo for lo, _ in a.content])
    semis = [i for i in range(unit.start + 1, first) if doc[i].text == ";"]
    if not semis or semis[-1] + 1 >= unit.end:
        return None
    return semis[-1]


def _stance_only(doc: Doc, a: Attribution, lex: Lexicon, frames: dict[str, str]) -> bool:
    """Whether an attribution's cue is a verb of stance or opinion, not of speech."""
    if a.verb is None:
        return False
    lemma = doc[a.verb].lemma_.lower()
    return a.cue_rule == "cue.weak_verb" or (lemma in frames and lemma not in lex.cue_verbs)


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
    if head.lower_ not in _QUANTIFIERS:
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


def _fragment(doc: Doc, start: int, end: int) -> bool:
    """A dateline or label ("HOUSTON", "(Reuters) -"): a few words and no verb."""
    return end - start <= 4 and not any(doc[i].pos_ in ("VERB", "AUX") for i in range(start, end))


def _subordinate(doc: Doc, a: Attribution, root: Token) -> bool:
    """Whether a verb attribution sits in a clause under the writer's main verb."""
    if a.verb is None or a.after_content:
        return False
    if a.source_rule == "source.relative":
        return True  # "... pressure from its allies, who warned ...": describes a noun
    v = doc[a.verb]
    spine = root
    while True:
        if v == spine:
            return False
        if v.dep_ == "conj" and v.head == spine:
            # "Fares rose and the union said it would strike": a subject of its own makes
            # the first clause the writer's; a shared one ("Turkey has pointed … and
            # argued …") keeps the sentence one claim.
            # A report whose content comes first ("…, but the design cannot prove it, the
            # authors wrote") covers the whole sentence.
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
            content_after = all(lo > v.i for lo, _ in a.content)
            return own_subject and content_after and not a.in_content(root.i)
        break
    head = v
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head != root and not a.in_content(root.i)


def _near(doc: Doc, ev: Evidence, draft: Draft) -> bool:
    return draft.sent_start <= ev.start < draft.sent_end


_ANON_WHY = {
    "unnamed": "the text says the source is unnamed",
    "anonymous": "the source spoke anonymously",
    "declined_named": "the source declined to be named",
    "not_authorized": "the source was not authorized to speak",
    "familiar_with": "a person 'familiar with' the matter: identity withheld",
    "background": "the source spoke on background",
    "close_to": "people 'close to' a party: identity withheld",
    "briefed_on": "a person briefed on the matter: identity withheld",
    "on_the_call": "people on the call, not named",
    "insider": "an insider, not named",
    "partial_name": "only a first name was given: the surname is withheld",
}
_CUE_WHY = {
    "cue.verb": "a reporting verb",
    "cue.weak_verb": "a verb of opinion or stance with a clause: weaker attribution",
    "cue.told": "'told' plus its audience",
    "cue.quoted_as_saying": "'quoted as saying' attributes to the subject",
    "cue.according_to": "'according to' names the source",
    "cue.credit": "a dash and a name under a quotation credit it",
    "cue.no_comment": "declining to comment (or not answering) is the source's reply",
    "cue.headline": "a headline of the form 'X says ...'",
    "cue.statement": "'in a statement' (or interview, letter) attributes the clause to its subject",
}
_SOURCE_WHY = {
    "source.subject": "the subject of the reporting verb",
    "source.shared_subject": "the subject shared by coordinated verbs",
    "source.relative": "the noun a relative clause ('who said') attaches to",
    "source.according_to": "the object of 'according to'",
    "source.headline": "the words before the headline's cue",
    "source.citing": "the source the reporting outlet cites",
    "source.participle": "the subject of the clause the participle ('saying') hangs on",
    "source.inverted": "the noun right after an inverted reporting verb ('said a man ...')",
    "source.apposed_clause": "the subject before a participle set off by commas",
    "source.after_quote": "the words between the quotation's closing mark and the verb",
    "source.credit": "the name in the credit line under the quotation",
    "source.dangling_name": "the name that opens the sentence (parsed as a modifier)",
    "source.fronted_name": "the name before the apposition the parser took as subject",
}


@Language.factory("source_attribution", default_config={"write_spans": True, "lexicon_dir": None})
def make_source_attribution(
    nlp: Language, name: str, write_spans: bool = True, lexicon_dir: str | None = None
) -> SourceAttribution:
    """`lexicon_dir`: a folder of word lists whose entries extend the shipped lexicon."""
    return SourceAttribution(nlp, name, write_spans=write_spans, lexicon=load_lexicon(lexicon_dir))
