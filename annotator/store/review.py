"""Read queries behind the review screen: claim order, one claim at a time, filters, search.

The review app never loads every claim's text: it takes the ordered ids once and then
fetches one claim with its paragraph on demand, so a 100,000-claim database opens fast.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.errors import StoreError
from annotator.records import Evidence, Span
from annotator.store.annotations import Annotation
from annotator.store.context import MAX_CONTEXT_CHARS, claim_bounds, paragraph_bounds
from annotator.store.core import FURNITURE_SQL, StoreBase
from annotator.store.search import search_claim_keys


@dataclass(frozen=True)
class ReviewClaim:
    """One claim as the reviewer sees it; every offset indexes the article text."""

    key: int  # rowid: the claim's place in reading order
    id: str
    article_id: str
    article_title: str | None
    seq: int
    kind: str
    start: int
    end: int
    text: str
    context: str  # the paragraph around the claim
    context_start: int  # offset of `context` in the article text
    sentence_start: int
    sentence_end: int
    article_length: int
    outlet: str | None
    source_type: str
    anonymous_flag: bool
    anonymity_reason_given: bool | None
    confidence: float
    source: Span | None
    cue: Span | None
    resolved_to: Span | None
    relayed_by: Span | None
    evidence: tuple[Evidence, ...]
    # (start, end) of the noun phrases and names, and of the verbs, inside `context`, in
    # article offsets, found at extraction (empty for articles stored before they were kept).
    phrases: tuple[tuple[int, int], ...]
    verbs: tuple[tuple[int, int], ...]

    def suggestion(self, prefill: str) -> Any:
        """The machine's value for a prefill name of a label schema."""
        return {
            "source_type": self.source_type,
            "anonymous_flag": self.anonymous_flag,
            "anonymity_reason_given": self.anonymity_reason_given,
            "source_span": span_label(self.source),
            "cue_span": span_label(self.cue),
        }[prefill]

    def text_at(self, start: int, end: int) -> str | None:
        """Article text at these offsets, when they lie inside the context."""
        base = self.context_start
        if base <= start < end <= base + len(self.context):
            return self.context[start - base : end - base]
        return None


def span_label(span: Span | None) -> dict[str, int] | None:
    """A span as a label value: {"start", "end"}, or None."""
    return None if span is None else {"start": span.start, "end": span.end}


def _span(row: dict[str, Any], prefix: str) -> Span | None:
    if row[f"{prefix}_start"] is None:
        return None
    return Span(row[f"{prefix}_text"], row[f"{prefix}_start"], row[f"{prefix}_end"])


def complete_labels_sql(required: Sequence[str]) -> str:
    """SQL that is true when `labels` answer every required field (not null, not missing)."""
    checks = "".join(f" AND json_extract(labels, '$.{name}') IS NOT NULL" for name in required)
    return f"(labels IS NOT NULL{checks})"


@dataclass(frozen=True)
class ArticleRow:
    """One article of the article list: its first claim's key and its claim count."""

    id: str
    title: str | None
    outlet: str | None
    first_key: int
    claims: int


class ReviewMixin(StoreBase):
    """Claims are addressed by key (their SQLite rowid): integers are fast to list and
    compare by the hundred thousand, and rowid order is reading order."""

    def claim_keys(self) -> list[int]:
        """Every claim's key in reading order (articles as ingested, claims in sequence).

        Read from the (article_id, seq) index, which holds the rowid and is far smaller
        than the table, then sorted here.
        """
        return sorted(row[0] for row in self.conn.execute("SELECT rowid FROM claims"))

    def article_first_keys(self) -> list[int]:
        """The key of each article's first claim, ascending (an article's claims are contiguous)."""
        rows = self.conn.execute("SELECT min(rowid) FROM claims GROUP BY article_id")
        return sorted(row[0] for row in rows)

    def claim_key(self, claim_id: str) -> int | None:
        row = self.conn.execute("SELECT rowid FROM claims WHERE id = ?", (claim_id,)).fetchone()
        return None if row is None else int(row[0])

    def rated_claim_keys(self, reviewer: str, required: Sequence[str] = ()) -> set[int]:
        """Claims whose newest record by this reviewer holds labels answering every
        `required` field (an undo may clear them; a kept draft may lack a rating)."""
        complete = complete_labels_sql(required)
        rows = self.conn.execute(
            # SQLite takes the bare columns from the row that max(id) picked.
            "SELECT claims.rowid, latest.complete FROM ("
            f"  SELECT claim_id, {complete} AS complete, max(id) FROM annotations"
            "  WHERE reviewer = ? AND action != 'adjudicate' GROUP BY claim_id"
            ") AS latest JOIN claims ON claims.id = latest.claim_id",
            (reviewer,),
        )
        return {row[0] for row in rows if row[1]}

    def furniture_claim_keys(self) -> set[int]:
        """Claims that are page furniture (kind metadata or boilerplate): not queued."""
        rows = self.conn.execute(f"SELECT rowid FROM claims WHERE kind IN {FURNITURE_SQL}")
        return {row[0] for row in rows}

    def anonymous_claim_keys(self) -> set[int]:
        """Claims the machine flagged anonymous, or whose current label by any reviewer does."""
        rows = self.conn.execute(
            "SELECT c.rowid FROM attributions AS t JOIN claims AS c ON c.id = t.claim_id "
            "WHERE t.anonymous_flag "
            "UNION SELECT claims.rowid FROM ("
            "  SELECT claim_id, labels, max(id) FROM annotations"
            "  WHERE action != 'adjudicate' GROUP BY claim_id, reviewer"
            ") AS latest JOIN claims ON claims.id = latest.claim_id "
            "WHERE json_extract(latest.labels, '$.anonymous_flag') = 1"
        )
        return {row[0] for row in rows}

    def low_confidence_claim_keys(self, below: float) -> set[int]:
        rows = self.conn.execute(
            "SELECT c.rowid FROM attributions AS t JOIN claims AS c ON c.id = t.claim_id "
            "WHERE t.confidence < ?",
            (below,),
        )
        return {row[0] for row in rows}

    def disputed_claim_keys(self) -> set[int]:
        """Claims whose reviewers' current labels differ."""
        rows = self.conn.execute(
            """
            SELECT claims.rowid FROM (
                SELECT claim_id, labels, max(id) FROM annotations
                WHERE action != 'adjudicate' GROUP BY claim_id, reviewer
            ) AS latest JOIN claims ON claims.id = latest.claim_id
            WHERE latest.labels IS NOT NULL
            GROUP BY latest.claim_id HAVING count(DISTINCT latest.labels) > 1
            """
        )
        return {row[0] for row in rows}

    def search_claim_keys(self, text: str) -> set[int]:
        """Claims whose paragraph, source or antecedent match every word of `text`, or one
        of whose notes does (porter-stemmed full-text search)."""
        return search_claim_keys(self.conn, text)

    def article_rows(self) -> list[ArticleRow]:
        """Every article with claims, in reading order (the article list)."""
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.outlet, min(c.rowid), count(*) FROM claims AS c "
            "JOIN articles AS a ON a.id = c.article_id GROUP BY a.id ORDER BY min(c.rowid)"
        )
        return [ArticleRow(*row) for row in rows]

    def article_claim_keys(self, article_ids: Sequence[str]) -> set[int]:
        """The keys of every claim of these articles."""
        found: set[int] = set()
        for i in range(0, len(article_ids), 500):
            chunk = list(article_ids[i : i + 500])
            rows = self.conn.execute(
                f"SELECT rowid FROM claims WHERE article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            found.update(row[0] for row in rows)
        return found

    # -- undo through the reviewer's own history ------------------------------------------
    def undo_depth(self, reviewer: str) -> int:
        """How many of this reviewer's saves an undo can still take back."""
        row = self.conn.execute(
            "SELECT coalesce(sum(action != 'undo') - sum(action = 'undo'), 0) "
            "FROM annotations WHERE reviewer = ? AND action != 'adjudicate'",
            (reviewer,),
        ).fetchone()
        return max(0, int(row[0]))

    def undo_target(self, reviewer: str) -> tuple[Annotation, Annotation | None] | None:
        """The reviewer's newest save not yet undone, and their record on that claim just
        before it (None when it was their first): what an undo takes back and restores.

        Each undo record takes back the newest save before it that no undo has taken
        back yet, in this run of the app or an earlier one.
        """
        stack: list[int] = []
        for record_id, action in self.conn.execute(
            "SELECT id, action FROM annotations WHERE reviewer = ? AND action != 'adjudicate' "
            "ORDER BY id",
            (reviewer,),
        ):
            if action != "undo":
                stack.append(record_id)
            elif stack:
                stack.pop()
        if not stack:
            return None
        [target] = self.db.query("SELECT * FROM annotations WHERE id = ?", [stack[-1]])
        before = next(
            iter(
                self.db.query(
                    "SELECT * FROM annotations WHERE claim_id = ? AND reviewer = ? "
                    "AND action != 'adjudicate' AND id < ? ORDER BY id DESC LIMIT 1",
                    [target["claim_id"], reviewer, target["id"]],
                )
            ),
            None,
        )
        return Annotation.from_row(target), None if before is None else Annotation.from_row(before)

    def review_claim(self, key: int) -> ReviewClaim:
        """One claim with its machine suggestion, evidence and surrounding paragraph."""
        row = next(
            iter(
                self.db.query(
                    "SELECT c.*, a.title AS article_title, a.text AS article_text, "
                    "a.outlet, a.phrases, t.* "
                    "FROM claims AS c JOIN articles AS a ON a.id = c.article_id "
                    "LEFT JOIN attributions AS t ON t.claim_id = c.id WHERE c.rowid = ?",
                    [key],
                )
            ),
            None,
        )
        if row is None:
            raise StoreError(f"no claim number {key} in {self.path}")
        evidence = tuple(
            Evidence(e["rule"], e["text"], e["start"], e["end"], e["why"])
            for e in self.db.query(
                "SELECT * FROM evidence WHERE claim_id = ? ORDER BY start, id", [row["id"]]
            )
        )
        article_text: str = row["article_text"]
        sentence_start, sentence_end = claim_bounds(row)
        left, right = paragraph_bounds(article_text, sentence_start, sentence_end)
        left, right = min(left, row["start"]), max(right, row["end"])
        # Show the antecedent of "he" / "the source" in place when it is a paragraph or so back.
        resolved = row["resolved_start"]
        if resolved is not None and left - MAX_CONTEXT_CHARS < resolved < left:
            left = paragraph_bounds(article_text, resolved, row["resolved_end"])[0]
        reason = row["anonymity_reason_given"]
        stored = json.loads(row["phrases"] or "{}")

        def inside(name: str) -> tuple[tuple[int, int], ...]:
            return tuple((s, e) for s, e in stored.get(name, ()) if left <= s and e <= right)

        return ReviewClaim(
            key=key,
            id=row["id"],
            article_id=row["article_id"],
            article_title=row["article_title"],
            seq=row["seq"],
            kind=row["kind"],
            start=row["start"],
            end=row["end"],
            text=row["text"],
            context=article_text[left:right],
            context_start=left,
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            article_length=len(article_text),
            outlet=row["outlet"],
            source_type=row["source_type"] or "unattributed",
            anonymous_flag=bool(row["anonymous_flag"]),
            anonymity_reason_given=None if reason is None else bool(reason),
            confidence=row["confidence"] if row["confidence"] is not None else 0.0,
            source=_span(row, "source"),
            cue=_span(row, "cue"),
            resolved_to=_span(row, "resolved"),
            relayed_by=_span(row, "relayed"),
            evidence=evidence,
            phrases=inside("noun_phrases"),
            verbs=inside("verbs"),
        )
