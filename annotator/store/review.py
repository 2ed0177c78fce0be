"""Read queries behind the review screen: claim order, one claim at a time, filters, search.

The review app never loads every claim's text: it takes the ordered ids once and then
fetches one claim with its paragraph on demand, so a 100,000-claim database opens fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.errors import StoreError
from annotator.records import Evidence, Span
from annotator.store.core import StoreBase

# Context shown around a claim: its paragraph, unless that is longer than this.
MAX_CONTEXT_CHARS = 1500


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
    source_type: str
    anonymous_flag: bool
    anonymity_reason_given: bool | None
    confidence: float
    source: Span | None
    cue: Span | None
    resolved_to: Span | None
    relayed_by: Span | None
    evidence: tuple[Evidence, ...]

    def suggestion(self, prefill: str) -> Any:
        """The machine's value for a prefill name of a label schema."""
        return {
            "source_type": self.source_type,
            "anonymous_flag": self.anonymous_flag,
            "anonymity_reason_given": self.anonymity_reason_given,
        }[prefill]


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The blank-line paragraph holding text[start:end], or its lines when that is too long."""
    for separator in ("\n\n", "\n"):
        left = text.rfind(separator, 0, start)
        left = 0 if left < 0 else left + len(separator)
        right = text.find(separator, end)
        right = len(text) if right < 0 else right
        if right - left <= MAX_CONTEXT_CHARS:
            return left, right
    return max(0, start - MAX_CONTEXT_CHARS // 2), min(len(text), end + MAX_CONTEXT_CHARS // 2)


def _span(row: dict[str, Any], prefix: str) -> Span | None:
    if row[f"{prefix}_start"] is None:
        return None
    return Span(row[f"{prefix}_text"], row[f"{prefix}_start"], row[f"{prefix}_end"])


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: every word must match, no operator is special."""
    words = text.split()
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


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

    def rated_claim_keys(self, reviewer: str) -> set[int]:
        """Claims whose newest record by this reviewer holds labels (an undo may clear them)."""
        rows = self.conn.execute(
            # SQLite takes the bare columns from the row that max(id) picked.
            "SELECT claims.rowid, latest.has_labels FROM ("
            "  SELECT claim_id, labels IS NOT NULL AS has_labels, max(id) FROM annotations"
            "  WHERE reviewer = ? AND action != 'adjudicate' GROUP BY claim_id"
            ") AS latest JOIN claims ON claims.id = latest.claim_id",
            (reviewer,),
        )
        return {row[0] for row in rows if row[1]}

    def anonymous_claim_keys(self) -> set[int]:
        rows = self.conn.execute(
            "SELECT c.rowid FROM attributions AS t JOIN claims AS c ON c.id = t.claim_id "
            "WHERE t.anonymous_flag"
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
        """Claims whose text matches every word of `text` (porter-stemmed full-text search)."""
        query = fts_query(text)
        if not query:
            return set()
        rows = self.conn.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", (query,))
        return {row[0] for row in rows}

    def review_claim(self, key: int) -> ReviewClaim:
        """One claim with its machine suggestion, evidence and surrounding paragraph."""
        row = next(
            iter(
                self.db.query(
                    "SELECT c.*, a.title AS article_title, a.text AS article_text, t.* "
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
        sentence_start, sentence_end = row["sentence_start"], row["sentence_end"]
        left, right = paragraph_bounds(
            article_text,
            row["start"] if sentence_start is None else sentence_start,
            row["end"] if sentence_end is None else sentence_end,
        )
        left, right = min(left, row["start"]), max(right, row["end"])
        # Show the antecedent of "he" / "the source" in place when it is a paragraph or so back.
        resolved = row["resolved_start"]
        if resolved is not None and left - MAX_CONTEXT_CHARS < resolved < left:
            left = paragraph_bounds(article_text, resolved, row["resolved_end"])[0]
        reason = row["anonymity_reason_given"]
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
            source_type=row["source_type"] or "unattributed",
            anonymous_flag=bool(row["anonymous_flag"]),
            anonymity_reason_given=None if reason is None else bool(reason),
            confidence=row["confidence"] if row["confidence"] is not None else 0.0,
            source=_span(row, "source"),
            cue=_span(row, "cue"),
            resolved_to=_span(row, "resolved"),
            relayed_by=_span(row, "relayed"),
            evidence=evidence,
        )
