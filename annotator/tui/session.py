"""A review session: which claims to step through, the pending labels, saving and undo.

No Textual here: the claim screen is a skin over this object, so what a key does to the
dataset can be tested (and benchmarked) without a terminal. Every save is committed by
the store before the session moves on.
"""

from __future__ import annotations

import bisect
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from annotator.errors import AnnotatorError
from annotator.labels import LabelSchema
from annotator.store import Annotation, ReviewClaim, Store
from annotator.tui.pending import PendingLabels
from annotator.tui.views import view_keys


class ReviewError(AnnotatorError):
    """A review command that cannot be carried out (shown as a notification)."""


@dataclass(frozen=True)
class _Change:
    """What one save replaced, so ctrl+z can put it back."""

    key: int
    claim_id: str
    labels: dict[str, Any] | None
    note: str | None
    session_labels: dict[str, Any] | None


class ReviewSession:
    """One reviewer stepping through the claims of a store under one label schema."""

    def __init__(
        self,
        store: Store,
        reviewer: str,
        schema: LabelSchema,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store, self.reviewer, self.schema, self._clock = store, reviewer, schema, clock
        store.register_schema(schema.id, schema.name, schema.version, schema.content)
        # Claims are held as keys (ints) only; a claim's text is read when it is shown.
        self._order = store.claim_keys()
        if not self._order:
            raise ReviewError(
                f"{store.path} holds no claims yet; pass article files: annotator review PATH"
            )
        self._article_starts = store.article_first_keys()
        self.rated = store.rated_claim_keys(reviewer)
        self.view_name = "all"
        self.view: list[int] = self._order
        self.index = 0
        self.claim: ReviewClaim | None = None
        self.answers = PendingLabels(schema, {})
        self._shown_at = clock()
        self._current: Annotation | None = None  # this reviewer's newest record on the claim
        self._undo: list[_Change] = []
        self.saved_this_session: dict[int, dict[str, Any]] = {}

    # -- where we are ---------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self._order)

    @property
    def all_rated(self) -> bool:
        return len(self.rated) >= self.total

    @property
    def can_undo(self) -> bool:
        return bool(self._undo) or (self.claim is not None and self.answers.edited)

    def article_position(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """((claim i, of n in its article), (article j, of m in the database))."""
        key, starts = self.view[self.index], self._article_starts
        article = bisect.bisect_right(starts, key)
        first = bisect.bisect_left(self._order, starts[article - 1])
        last = (
            bisect.bisect_left(self._order, starts[article])
            if article < len(starts)
            else len(self._order)
        )
        claim = bisect.bisect_left(self._order, key) - first + 1
        return (claim, last - first), (article, len(starts))

    def next_unrated(self, after: int) -> int | None:
        """Index of the first unrated claim of the view after `after`, wrapping around."""
        n = len(self.view)
        for step in range(1, n + 1):
            i = (after + step) % n
            if self.view[i] not in self.rated:
                return i
        return None

    # -- moving ---------------------------------------------------------------------
    def open(self, index: int) -> ReviewClaim:
        """Show the claim at `index` of the view, its labels pending from the last save.

        Edits left unsaved on the claim being left are saved first: no work is lost.
        """
        self.keep_edits()
        self.index = max(0, min(index, len(self.view) - 1))
        claim = self.store.review_claim(self.view[self.index])
        self._current = self.store.current_annotation(claim.id, self.reviewer)
        self.answers = PendingLabels.start(self.schema, claim, self._current)
        self.claim = claim
        self._shown_at = self._clock()
        return claim

    def open_first(self) -> ReviewClaim:
        """The first claim this reviewer has not rated (the first claim when all are)."""
        first = self.next_unrated(len(self.view) - 1)
        return self.open(first if first is not None else 0)

    def move(self, delta: int) -> ReviewClaim:
        return self.open(self.index + delta)

    def jump(self, target: str) -> ReviewClaim:
        """Go to a claim by its number in the view or by its id."""
        target = target.strip()
        if target.isdigit() and 1 <= int(target) <= len(self.view):
            return self.open(int(target) - 1)
        key = self.store.claim_key(target)
        if key is not None and key in self.view:
            return self.open(self.view.index(key))
        raise ReviewError(f"no claim {target!r} here: give 1-{len(self.view)} or a claim id")

    def apply_filter(self, name: str, search: str | None = None) -> ReviewClaim:
        """Narrow the view to a filter (or to claims matching `search`) and open its first
        unrated claim. The view does not change when nothing matches."""
        view = view_keys(self.store, self._order, self.rated, name, search)
        label = name if search is None else f"search: {search}"
        if not view:
            raise ReviewError(f"no claims for {label}; the view stays on {self.view_name}")
        self.view, self.view_name = view, label
        return self.open_first()

    # -- saving -------------------------------------------------------------------
    def keep_edits(self) -> None:
        """Save the current claim if the reviewer changed its answers or note and has not
        saved them (on moving away, quitting or undoing)."""
        if self.claim is not None and self.answers.edited:
            self.save()

    def save(self) -> None:
        """Commit the pending labels of the current claim (before anything moves on)."""
        assert self.claim is not None
        labels = self.answers.labels()
        self.schema.validate_labels(labels)
        before = self._current
        self._current = self.store.add_annotation(
            self.claim.id,
            self.reviewer,
            labels,
            schema_id=self.schema.id,
            note=self.answers.note,
            seconds=self._clock() - self._shown_at,
        )
        self._undo.append(
            _Change(
                self.claim.key,
                self.claim.id,
                None if before is None else before.labels,
                None if before is None else before.note,
                self.saved_this_session.get(self.claim.key),
            )
        )
        self.rated.add(self.claim.key)
        self.saved_this_session[self.claim.key] = labels
        self.answers.edited = False

    def advance(self) -> ReviewClaim | None:
        """After a save: the next unrated claim of the view, else the next claim.

        None when every claim is rated (time for the summary) or the view is exhausted.
        """
        if self.all_rated:
            return None
        following = self.next_unrated(self.index)
        if following is not None:
            return self.open(following)
        if self.index + 1 < len(self.view):
            return self.open(self.index + 1)
        return None

    def undo(self) -> ReviewClaim:
        """Append a record restoring the labels before the last save, and show that claim."""
        self.keep_edits()  # an unsaved edit is the last change: undo takes it back first
        if not self._undo:
            raise ReviewError("nothing to undo in this session")
        change = self._undo.pop()
        self.store.add_annotation(
            change.claim_id,
            self.reviewer,
            change.labels,
            schema_id=self.schema.id,
            note=change.note,
            action="undo",
        )
        if change.labels is None:
            self.rated.discard(change.key)
        if change.session_labels is None:
            self.saved_this_session.pop(change.key, None)
        else:
            self.saved_this_session[change.key] = change.session_labels
        if change.key not in self.view:
            self.view, self.view_name = self._order, "all"
        return self.open(self.view.index(change.key))

    def session_counts(self) -> dict[str, Counter[Any]]:
        """For each question, how often each answer was saved in this session."""
        counts: dict[str, Counter[Any]] = {}
        for labels in self.saved_this_session.values():
            for name, value in labels.items():
                counts.setdefault(name, Counter())[value] += 1
        return counts
