"""What the detection stages pass along: one context per document, and its records.

The stages (structure → cues → claims → sources → resolution → anonymity → output) each
read what the earlier ones left on the :class:`DocContext` and add their own part. All
per-document state lives here, so nothing is cached between documents.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import numpy
from spacy.attrs import (
    ENT_TYPE,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LENGTH,
    ORTH,
    POS,
    SENT_START,
)
from spacy.matcher import PhraseMatcher
from spacy.symbols import AUX, PROPN, VERB
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.rules import Rule
from annotator.records import Evidence, Span


@dataclass
class Attribution:
    """One attribution in a sentence: token indices into the Doc."""

    cue_start: int
    cue_end: int  # exclusive
    src_head: int
    src_start: int
    src_end: int  # exclusive
    cue_rule: str
    source_rule: str
    confidence: float
    verb: int | None = None  # the cue verb, when the cue is a verb
    content: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    frame: set[int] = field(default_factory=set)  # tokens of source + cue + light modifiers
    relayed: tuple[int, int] | None = None
    after_content: bool = False
    citing: int | None = None  # head of "citing X": X is the source, the subject relays it
    # The relative pronoun that is the source's word ("its allies, who warned"); the
    # source span above is then the noun it stands for.
    relative: int | None = None
    # False for a relation that records a stance but leaves the claim to the writer
    # ("X attacked the plan", "asked Turkey to delay", "X's plan to ..."); see rules.py.
    sources_claim: bool = True

    # The ranges another attribution is nested in when its cue falls there: the content,
    # or for a relation only its clauses ("hoped that Ankara would agree"), not an object
    # or a phrase the parser may have hung the sentence's own "according to" on.
    clauses: list[tuple[int, int]] | None = None

    def in_content(self, i: int) -> bool:
        return any(lo <= i < hi for lo, hi in self.content)

    @property
    def nesting(self) -> list[tuple[int, int]]:
        return self.content if self.clauses is None else self.clauses

    def nests(self, i: int) -> bool:
        return any(lo <= i < hi for lo, hi in self.nesting)

    @property
    def anchor(self) -> int:
        """The token that places the attribution: its verb, else its cue."""
        return self.verb if self.verb is not None else self.cue_start


@dataclass
class AgentlessReport:
    """A report that names no one ("Sanders is expected to win", "it is said that …") or
    the writer's hedge ("seems to"): token ranges of its cue and content. It is recorded,
    and the claim stays the writer's."""

    cue_start: int
    cue_end: int  # exclusive
    content: tuple[int, int]
    rule: str  # cue.agentless or cue.hedge


@dataclass
class SourceInfo:
    """What a source mention is: its type, flag, confidence and the evidence for them."""

    source_type: str
    anonymous: bool = False
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)
    person: bool = False  # can be the antecedent of he/she
    plural: bool = False
    pronoun: str | None = None  # "he", "they", "it" ... when the head is a pronoun
    definite_noun: bool = False  # "the source", "the expert": resolve to an earlier mention


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
    continuation: Rule | None = None  # how it continues ``continues``, when not a quotation


@dataclass
class Unit:
    """A sentence as detection sees it (the model's sentences, re-joined where it split
    after an abbreviation or a dateline), with the attributions found in it."""

    start: int  # tokens
    end: int
    para: int
    attributions: list[Attribution] = field(default_factory=list)  # the outermost sourcing ones
    # Outermost attributions that source no claim: relations (see rules.CUE_RELATION).
    relations: list[Attribution] = field(default_factory=list)
    agentless: list[AgentlessReport] = field(default_factory=list)
    consumed: bool = False  # taken into a quotation's claim

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


@dataclass
class Matchers:
    """The phrase matchers and word tables a component builds once from its lexicon."""

    multi: PhraseMatcher  # multiword cues: "according to", "in a statement", "told reporters"
    no_comment: PhraseMatcher
    anon: PhraseMatcher  # anonymity phrases, labelled with their rule names
    reasons: PhraseMatcher  # reasons given for anonymity
    given_name_orths: numpy.ndarray  # sorted
    report_adverb_lowers: numpy.ndarray  # sorted hashes of report_adverbs.txt


@dataclass
class DocContext:
    """One document on its way through the stages."""

    doc: Doc
    lex: Lexicon
    matchers: Matchers
    text: str = ""  # Doc.text is rebuilt from the tokens on every access: read it once
    # structure
    paras: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    units: list[Unit] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)  # char spans, marks included
    quoted: list[int] = field(default_factory=list)  # token -> its quotation, or -1
    unit_of: list[int] = field(default_factory=list)  # token -> its unit, or -1
    headline_paras: set[int] = field(default_factory=set)
    # cues
    claimed_verbs: set[int] = field(default_factory=set)
    anon_spans: list[SpacySpan] = field(default_factory=list)  # anonymity phrases, matched once
    # claims, sources, resolution
    drafts: list[Draft] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gender: dict[int, str] = field(default_factory=dict)  # entity -> "m" / "f"

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.doc.text

    # Per-document lookups, built on first use, so that per-token questions stay
    # constant-time on very long paragraphs and sentences.
    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sent.start for sent in self.doc.sents]  # Span objects only, not every Token

    def sentence_start(self, token: Token) -> int:
        """Index of the first token of ``token``'s sentence (``Token.sent`` scans the
        sentence on every call, quadratic over a sentence of thousands of tokens)."""
        starts = self._sentence_starts
        return starts[bisect_right(starts, token.i) - 1]

    @cached_property
    def mentions_citing(self) -> bool:
        """Whether the text says "citing" anywhere (most articles do not): the per-verb
        search for "X reported, citing Y" is skipped otherwise."""
        return "citing" in self.text.lower()

    def sentence_end(self, token: Token) -> int:
        """Index just past the last token of ``token``'s sentence."""
        starts = self._sentence_starts
        k = bisect_right(starts, token.i)
        return starts[k] if k < len(starts) else len(self.doc)

    @cached_property
    def _line_breaks(self) -> list[int]:
        doc = self.doc
        spaces = numpy.flatnonzero(doc.to_array(IS_SPACE))  # an array pass, few Tokens
        return [int(i) for i in spaces if "\n" in doc[int(i)].text]

    def paragraph_of(self, token: Token) -> tuple[int, int]:
        """Token range of the paragraph around ``token`` (paragraphs end at line breaks)."""
        breaks = self._line_breaks
        k = bisect_left(breaks, token.i)
        lo = breaks[k - 1] + 1 if k > 0 else 0
        hi = breaks[k] if k < len(breaks) else len(self.doc)
        return lo, hi

    @cached_property
    def pos(self) -> numpy.ndarray:
        """Every token's coarse part of speech (spacy.symbols ids), from one array pass."""
        return self.doc.to_array(POS)

    @cached_property
    def is_verb(self) -> numpy.ndarray:
        """Whether each token is tagged VERB or AUX."""
        return (self.pos == VERB) | (self.pos == AUX)

    @cached_property
    def unquoted(self) -> numpy.ndarray:
        """Whether each token is outside every quotation."""
        return numpy.asarray(self.quoted, dtype=numpy.int64) < 0

    @cached_property
    def _lemma_table(self) -> tuple[numpy.ndarray, list[str]]:
        # A few hundred distinct lemmas per article: lowercase each once, not per token.
        uniq, inverse = numpy.unique(self.doc.to_array(LEMMA), return_inverse=True)
        strings = self.doc.vocab.strings
        return inverse.reshape(-1), [strings[int(h)].lower() for h in uniq]

    def lemma_in(self, words: frozenset[str] | set[str]) -> numpy.ndarray:
        """Whether each token's lowercased lemma is in ``words``."""
        inverse, lowered = self._lemma_table
        return numpy.array([w in words for w in lowered], dtype=bool)[inverse]

    @cached_property
    def _token_chars(self) -> tuple[list[int], list[int]]:
        table = self.doc.to_array([IDX, LENGTH])
        return table[:, 0].tolist(), (table[:, 0] + table[:, 1]).tolist()

    def record_span(self, start: int, end: int) -> Span:
        """Tokens [start, end) as a record span: their text and character offsets."""
        if end <= start:
            tokens = self.doc[start:end]
            return Span(tokens.text, tokens.start_char, tokens.end_char)
        starts, ends = self._token_chars
        lo, hi = starts[start], ends[end - 1]
        return Span(self.text[lo:hi], lo, hi)

    @cached_property
    def is_word(self) -> list[bool]:
        """Whether each token is neither punctuation nor white space."""
        table = self.doc.to_array([IS_PUNCT, IS_SPACE])
        return (table.sum(axis=1) == 0).tolist()

    def line_breaks_before(self, i: int) -> int:
        """How many line breaks come before token ``i``: a paragraph number."""
        return bisect_left(self._line_breaks, i)

    @cached_property
    def _quoted_prefix(self) -> list[int]:
        prefix = [0]
        for q in self.quoted:
            prefix.append(prefix[-1] + (q >= 0))
        return prefix

    def has_quote(self, lo: int, hi: int) -> bool:
        """Whether any token in [lo, hi) is inside a quotation."""
        prefix = self._quoted_prefix
        lo, hi = max(lo, 0), min(hi, len(self.quoted))
        return hi > lo and prefix[hi] - prefix[lo] > 0

    @cached_property
    def _name_counts(self) -> Counter[int]:
        # One array pass instead of a Token object per word.
        table = self.doc.to_array([ORTH, POS, ENT_TYPE, SENT_START])
        used = (table[:, 1] == PROPN) | (table[:, 2] != 0) | (table[:, 3] != 1)
        return Counter(int(orth) for orth in table[used, 0])

    def named_elsewhere(self, token: Token) -> bool:
        """Whether the article uses this capitalised word as a name at another place: the
        model may tag a name that opens a sentence ADV or NOUN."""
        return self._name_counts[token.orth] - _used_as_name(token) > 0

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]


def _used_as_name(t: Token) -> bool:
    return t.pos_ == "PROPN" or bool(t.ent_type_) or not t.is_sent_start


def in_sorted(values: numpy.ndarray, table: numpy.ndarray) -> numpy.ndarray:
    """Whether each of ``values`` is in the sorted array ``table``."""
    if len(table) == 0:
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.searchsorted(table, values)
    at[at == len(table)] = 0
    return table[at] == values
