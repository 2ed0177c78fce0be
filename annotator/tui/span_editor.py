"""Editing a span label (the source or the cue of a claim) by keyboard, without spaCy.

Candidates are the noun phrases and names stored at extraction (for an article stored
before they were kept: runs of capitalised words), then the machine's own spans; for a
cue, the verbs stored at extraction and "according to". Those inside the claim's
sentence come first, then the rest of the paragraph, each in reading order. Widening
and narrowing go word by word over the paragraph's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from annotator.store import ReviewClaim

# A word, or a punctuation mark on its own: the steps of widening and narrowing.
WORD = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
# Names when no noun phrases were stored: capitalised words, "of"/"the" between them.
CAPITALISED = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|the|for|and)\s+)*[A-Z][\w'’-]*)*")
PREPOSITIONAL_CUE = re.compile(r"\baccording to\b", re.IGNORECASE)
CUE_FIELDS = ("cue_span",)

Offsets = tuple[int, int]


def _in_order(spans: set[Offsets], sentence: Offsets) -> list[Offsets]:
    """The sentence's spans in reading order, then the rest of the paragraph's."""
    inside = sorted(s for s in spans if sentence[0] <= s[0] and s[1] <= sentence[1])
    return inside + sorted(spans - set(inside))


def candidates(claim: ReviewClaim, name: str) -> list[Offsets]:
    """The spans tab steps through for the question `name` of this claim."""
    base = claim.context_start
    found: set[Offsets] = set()
    if name in CUE_FIELDS:
        found.update(claim.verbs)
        found.update(
            (base + m.start(), base + m.end()) for m in PREPOSITIONAL_CUE.finditer(claim.context)
        )
        machine = [claim.cue]
    else:
        found.update(claim.phrases)
        if not claim.phrases:
            found.update(
                (base + m.start(), base + m.end()) for m in CAPITALISED.finditer(claim.context)
            )
        machine = [claim.source, claim.relayed_by]
    end = base + len(claim.context)
    found.update((s.start, s.end) for s in machine if s is not None and base <= s.start < end)
    return _in_order(found, (claim.sentence_start, claim.sentence_end))


@dataclass
class SpanEditor:
    """One span being edited: `span` is what enter would store, None for no span."""

    name: str
    claim: ReviewClaim
    span: Offsets | None
    options: list[Offsets] = field(default_factory=list)
    chosen: int = -1  # index into options of the span shown; -1 for none of them
    words: list[Offsets] = field(default_factory=list)

    @classmethod
    def open(cls, name: str, claim: ReviewClaim, value: Any) -> SpanEditor:
        base = claim.context_start
        span = None if not isinstance(value, dict) else (value["start"], value["end"])
        words = [(base + m.start(), base + m.end()) for m in WORD.finditer(claim.context)]
        options = candidates(claim, name)
        # Tab goes on from the span shown when it is a candidate.
        chosen = options.index(span) if span in options else -1
        return cls(name, claim, span, options, chosen, words)

    @property
    def value(self) -> dict[str, int] | None:
        return None if self.span is None else {"start": self.span[0], "end": self.span[1]}

    @property
    def text(self) -> str | None:
        """The words of the span (None for no span)."""
        if self.span is None:
            return None
        return self.claim.text_at(*self.span) or f"[{self.span[0]}:{self.span[1]}]"

    @property
    def on_candidate(self) -> bool:
        """Whether the span is the candidate tab last chose (not widened or narrowed)."""
        return 0 <= self.chosen < len(self.options) and self.span == self.options[self.chosen]

    def step(self, delta: int) -> None:
        """Tab (+1) and shift+tab (-1): the next or previous candidate, wrapping around."""
        if not self.options:
            return
        self.chosen = (self.chosen + delta) % len(self.options)
        self.span = self.options[self.chosen]

    def none(self) -> None:
        self.span = None

    def _start_span(self) -> Offsets | None:
        """Arrows on no span start from the first word of the claim."""
        first = next((w for w in self.words if w[0] >= self.claim.start), None)
        return first

    def move_end(self, delta: int) -> None:
        """Widen (+1) or narrow (-1) the span by one word at its end."""
        if self.span is None:
            self.span = self._start_span()
            return
        start, end = self.span
        if delta > 0:
            following = next((w for w in self.words if w[1] > end), None)
            if following is not None:
                self.span = (start, following[1])
        else:
            earlier = [w for w in self.words if start < w[1] < end]
            if earlier:
                self.span = (start, earlier[-1][1])

    def move_start(self, delta: int) -> None:
        """Widen (+1) or narrow (-1) the span by one word at its start."""
        if self.span is None:
            self.span = self._start_span()
            return
        start, end = self.span
        if delta > 0:
            before = [w for w in self.words if w[0] < start]
            if before:
                self.span = (before[-1][0], end)
        else:
            later = next((w for w in self.words if start < w[0] < end), None)
            if later is not None:
                self.span = (later[0], end)
