"""A review session: which claims to step through, the pending labels, saving and undo.

No Textual here: the claim screen is a skin over this object, so what a key does to the
dataset can be tested (and benchmarked) without a terminal. Every save is committed by
the store before the session moves on.
"""

from __future__ import annotations

import bisect
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.errors import AnnotatorError
from annotator.labels import LabelSchema
from annotator.store import Annotation, ArticleRow, ReviewClaim, Store
from annotator.tui.pending import PendingLabels
from annotator.tui.views import QUEUES, view_keys


class ReviewError(AnnotatorError):
    """A review command that cannot be carried out (shown as a notification)."""


@dataclass(frozen=True)
class ArticleEntry:
    """One line of the article list: where the article starts and how far it is rated."""

    article: ArticleRow
    claims: int  # in this session's queue
    rated: int


def queue_keys(
    store: Store, reviewer: str, queue: str, articles: Sequence[str] | None
) -> tuple[list[int], str]:
    """The claims a session steps through, and the queue's name.

    "mine" is the reviewer's assigned articles, or every claim when nobody has been
    assigned anything; "all" is every claim. `articles` (from `annotator review PATH...`)
    narrows either to those articles.
    """
    if queue not in QUEUES:
        raise ReviewError(f"unknown queue {queue!r}; use one of {', '.join(QUEUES)}")
    name = "all"
    keys = store.claim_keys()
    if not keys:
        raise ReviewError(
            f"{store.path} holds no claims yet; pass article files: annotator review PATH"
        )
    if queue == "mine" and store.has_assignments():
        keys, name = store.queue_keys(reviewer), f"{reviewer}'s queue"
        if not keys:
            raise ReviewError(
                f"{reviewer} has no articles assigned in {store.path}; ask for "
                f"`annotator assign --reviewers ...,{reviewer}`, or pass --queue all"
            )
    if articles is not None:
        wanted = store.article_claim_keys(articles)
        keys = [key for key in keys if key in wanted]
        name = f"{name}, given files"
        if not keys:
            raise ReviewError(
                f"the given files hold no claims in {name.split(',')[0]}; pass --queue all "
                "to review them anyway"
            )
    return keys, name


class ReviewSession:
    """One reviewer stepping through the claims of a store under one label schema."""

    def __init__(
        self,
        store: Store,
        reviewer: str,
        schema: LabelSchema,
        *,
        queue: str = "mine",
        articles: Sequence[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store, self.reviewer, self.schema, self._clock = store, reviewer, schema, clock
        # Claims are held as keys (ints) only; a claim's text is read when it is shown.
        self._every, self.queue_name = queue_keys(store, reviewer, queue, articles)
        # What is asked: every claim of the session but page furniture, which only its
        # own filter (and a search) shows.
        furniture = store.furniture_claim_keys()
        self._order = [key for key in self._every if key not in furniture]
        if not self._order:
            raise ReviewError(
                f"{store.path} holds only page furniture here (header lines, credits, "
                "share lines): nothing to review"
            )
        store.register_schema(schema.id, schema.name, schema.version, schema.content)
        self._queued = set(self._order)
        self._in_session = set(self._every)
        self._article_starts = [k for k in store.article_first_keys() if k in self._in_session]
        self.rated = store.rated_claim_keys(reviewer, schema.required_fields) & self._in_session
        self.view_name = "all"
        self.view: list[int] = self._order
        self.index = 0
        self.claim: ReviewClaim | None = None
        self.answers = PendingLabels(schema, {})
        self._shown_at = clock()
        self._current: Annotation | None = None  # this reviewer's newest record on the claim
        self._undo_depth = store.undo_depth(reviewer)
        # Saves of this run: record id -> (claim key, the claim's labels saved earlier in
        # this run), so an undo can put the session's summary counts back too.
        self._saved_records: dict[int, tuple[int, dict[str, Any] | None]] = {}
        self.saved_this_session: dict[int, dict[str, Any]] = {}

    # -- where we are ---------------------------------------------------------------
    @property
    def total(self) -> int:
        """Claims in the queue (page furniture is not)."""
        return len(self._order)

    @property
    def rated_in_queue(self) -> int:
        """Claims of the queue this reviewer has rated (furniture rated anyway not counted)."""
        return len(self.rated & self._queued)

    @property
    def all_rated(self) -> bool:
        return self.rated_in_queue >= self.total

    @property
    def can_undo(self) -> bool:
        return self._undo_depth > 0 or (self.claim is not None and self.answers.changed)

    def article_position(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """((claim i, of n in its article), (article j, of m in the queue)); n counts
        every claim of the article, page furniture included."""
        key, starts, every = self.view[self.index], self._article_starts, self._every
        article = bisect.bisect_right(starts, key)
        first = bisect.bisect_left(every, starts[article - 1])
        last = bisect.bisect_left(every, starts[article]) if article < len(starts) else len(every)
        claim = bisect.bisect_left(every, key) - first + 1
        return (claim, last - first), (article, len(starts))

    def articles(self) -> list[ArticleEntry]:
        """The queue's articles in reading order, with their claims and rated counts."""
        rows = {row.first_key: row for row in self.store.article_rows()}
        entries = []
        ends = [*self._article_starts[1:], None]
        for first, following in zip(self._article_starts, ends, strict=True):
            low = bisect.bisect_left(self._order, first)
            high = (
                len(self._order)
                if following is None
                else bisect.bisect_left(self._order, following)
            )
            rated = sum(1 for key in self._order[low:high] if key in self.rated)
            entries.append(ArticleEntry(rows[first], high - low, rated))
        return entries

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

        Answers changed on the claim being left are saved first: no work is lost.
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

    def jump_to_article(self, first_key: int) -> ReviewClaim:
        """Open an article from the article list: its first claim you have not rated, else
        its first claim. The view becomes the whole queue when the article is outside it."""
        stop = bisect.bisect_right(self._article_starts, first_key)
        end_key = self._article_starts[stop] if stop < len(self._article_starts) else None

        def holds(view: list[int]) -> int | None:
            """Where the article's first claim in `view` is (it may start with furniture)."""
            i = bisect.bisect_left(view, first_key)
            inside = i < len(view) and (end_key is None or view[i] < end_key)
            return i if inside else None

        start = holds(self.view)
        if start is None:
            self.view, self.view_name = self._order, "all"
            start = holds(self.view)
        if start is None:
            raise ReviewError("this article holds only page furniture: f shows it")
        for i in range(start, len(self.view)):
            key = self.view[i]
            if end_key is not None and key >= end_key:
                break
            if key not in self.rated:
                return self.open(i)
        return self.open(start)

    def apply_filter(self, name: str, search: str | None = None) -> ReviewClaim:
        """Narrow the view to a filter (or to claims matching `search`) and open its first
        unrated claim. The view does not change when nothing matches."""
        view = view_keys(self.store, self._order, self._every, self.rated, name, search)
        label = name if search is None else f"search: {search}"
        if not view:
            raise ReviewError(f"no claims for {label}; the view stays on {self.view_name}")
        self.view, self.view_name = view, label
        return self.open_first()

    # -- saving -------------------------------------------------------------------
    def _complete(self, labels: dict[str, Any] | None) -> bool:
        return labels is not None and not self.schema.missing_required(labels)

    def keep_edits(self) -> None:
        """Save the current claim if the reviewer changed its answers or note and has not
        saved them (on moving away, quitting or undoing). Unchanged answers, such as an
        untouched machine suggestion, store nothing."""
        if self.claim is not None and self.answers.changed:
            self.save()

    def accept(self) -> None:
        """Save the answers as shown; refused, saving nothing, while a required answer is
        missing."""
        missing = self.answers.missing()
        if missing:
            question = missing[0]
            keys = " ".join(c.key for c in question.choices) or question.key or ""
            raise ReviewError(
                f"{question.name} is required ({keys}): nothing saved. {question.description}"
            )
        self.save()

    def save(self) -> None:
        """Commit the pending labels of the current claim (before anything moves on)."""
        assert self.claim is not None
        labels = self.answers.labels()
        self.schema.validate_labels(labels, self.claim.article_length)
        self._current = self.store.add_annotation(
            self.claim.id,
            self.reviewer,
            labels,
            schema_id=self.schema.id,
            note=self.answers.note,
            seconds=self._clock() - self._shown_at,
        )
        self._undo_depth += 1
        self._saved_records[self._current.id] = (
            self.claim.key,
            self.saved_this_session.get(self.claim.key),
        )
        if self._complete(labels):
            self.rated.add(self.claim.key)
        else:
            self.rated.discard(self.claim.key)
        self.saved_this_session[self.claim.key] = labels
        self.answers = PendingLabels(self.schema, dict(self.answers.values), self.answers.note)

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

    def undo(self) -> ReviewClaim | None:
        """Append a record restoring the labels before this reviewer's newest save not yet
        undone (in this run or an earlier one) and show that claim.

        Returns None, leaving the screen where it is, when that claim is outside the queue.
        """
        self.keep_edits()  # an unsaved change is the last change: undo takes it back first
        found = self.store.undo_target(self.reviewer)
        if found is None:
            raise ReviewError("nothing of yours to undo in this database")
        target, before = found
        restored = None if before is None else before.labels
        self.store.add_annotation(
            target.claim_id,
            self.reviewer,
            restored,
            schema_id=self.schema.id,
            note=None if before is None else before.note,
            action="undo",
        )
        self._undo_depth -= 1
        key = self.store.claim_key(target.claim_id)
        if key is not None and key in self._in_session:
            if self._complete(restored):
                self.rated.add(key)
            else:
                self.rated.discard(key)
        if target.id in self._saved_records:
            saved_key, previous = self._saved_records.pop(target.id)
            if previous is None:
                self.saved_this_session.pop(saved_key, None)
            else:
                self.saved_this_session[saved_key] = previous
        if key is None or key not in self._in_session:
            if self.claim is not None:  # the claim shown: reload what is now current
                self.open(self.index)
            return None
        if key not in self.view:
            name = "all" if key in self._queued else "furniture"
            self.view = view_keys(self.store, self._order, self._every, self.rated, name)
            self.view_name = name
        return self.open(self.view.index(key))

    def session_counts(self) -> dict[str, Counter[Any]]:
        """For each question, how often each answer was saved in this session (spans
        counted as given or none)."""
        counts: dict[str, Counter[Any]] = {}
        spans = self.schema.span_fields
        for labels in self.saved_this_session.values():
            for name, value in labels.items():
                if name in spans:
                    value = "none" if value is None else "given"
                counts.setdefault(name, Counter())[value] += 1
        return counts
