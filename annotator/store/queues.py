"""Reviewers' queues: whole articles assigned to reviewers, and how far each queue is."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.store.annotations import AnnotationsMixin
from annotator.store.core import FURNITURE_SQL, utc_now
from annotator.store.review import complete_labels_sql


@dataclass(frozen=True)
class QueueStats:
    """One reviewer's queue: its articles and claims, and the claims they have rated."""

    reviewer: str
    articles: int
    claims: int
    rated: int


class QueuesMixin(AnnotationsMixin):
    def has_assignments(self) -> bool:
        return self.conn.execute("SELECT 1 FROM assignments LIMIT 1").fetchone() is not None

    def queue_keys(self, reviewer: str) -> list[int]:
        """The keys of the claims of the articles assigned to `reviewer`, in reading order."""
        rows = self.conn.execute(
            "SELECT c.rowid FROM assignments AS s JOIN claims AS c ON c.article_id = s.article_id "
            "WHERE s.reviewer = ?",
            (reviewer,),
        )
        return sorted(row[0] for row in rows)

    def unassigned_articles(self) -> list[tuple[str, int]]:
        """(article id, claims) of every article with claims to review and no reviewer, in
        reading order (page furniture is not counted: nobody is asked about it)."""
        rows = self.conn.execute(
            "SELECT c.article_id, count(*) FROM claims AS c "
            f"WHERE c.kind NOT IN {FURNITURE_SQL} AND NOT EXISTS "
            "(SELECT 1 FROM assignments AS s WHERE s.article_id = c.article_id) "
            "GROUP BY c.article_id ORDER BY min(c.rowid)"
        )
        return [(row[0], int(row[1])) for row in rows]

    def queue_loads(self) -> dict[str, int]:
        """Claims to review in each reviewer's queue (page furniture not counted)."""
        rows = self.conn.execute(
            "SELECT s.reviewer, count(*) FROM assignments AS s "
            "JOIN claims AS c ON c.article_id = s.article_id "
            f"WHERE c.kind NOT IN {FURNITURE_SQL} GROUP BY s.reviewer"
        )
        return {row[0]: int(row[1]) for row in rows}

    def labelled_by(self, article_ids: Sequence[str]) -> dict[str, set[str]]:
        """For each of these articles, the reviewers who have labelled any of its claims."""
        found: dict[str, set[str]] = {}
        for i in range(0, len(article_ids), 500):
            chunk = list(article_ids[i : i + 500])
            rows = self.conn.execute(
                "SELECT DISTINCT c.article_id, a.reviewer FROM annotations AS a "
                "JOIN claims AS c ON c.id = a.claim_id WHERE a.action != 'adjudicate' "
                f"AND a.labels IS NOT NULL AND c.article_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for article_id, reviewer in rows:
                found.setdefault(article_id, set()).add(reviewer)
        return found

    def assign(self, pairs: Iterable[tuple[str, str]], run: str) -> int:
        """Add (article id, reviewer) assignments in one transaction; existing ones stay.

        Returns how many were added.
        """
        now, added = utc_now(), 0
        with self.transaction():
            for article_id, reviewer in pairs:
                self._ensure_reviewer(reviewer)
                added += self.conn.execute(
                    "INSERT OR IGNORE INTO assignments (article_id, reviewer, assigned_at, run) "
                    "VALUES (?, ?, ?, ?)",
                    (article_id, reviewer, now, run),
                ).rowcount
            self._log_event("assign", None, {"run": run, "assignments": added})
        return added

    def queue_stats(self, required: Sequence[str] = ()) -> list[QueueStats]:
        """Each reviewer's queue size and how many of its claims they have rated (page
        furniture is in no count)."""
        rows = self.conn.execute(
            "SELECT s.reviewer, count(DISTINCT s.article_id), count(*), "
            "coalesce(sum(latest.complete), 0) FROM assignments AS s "
            "JOIN claims AS c ON c.article_id = s.article_id "
            "LEFT JOIN ("
            f"  SELECT claim_id, reviewer, {complete_labels_sql(required)} AS complete, max(id)"
            "  FROM annotations WHERE action != 'adjudicate' GROUP BY claim_id, reviewer"
            ") AS latest ON latest.claim_id = c.id AND latest.reviewer = s.reviewer "
            f"WHERE c.kind NOT IN {FURNITURE_SQL} GROUP BY s.reviewer ORDER BY s.reviewer"
        )
        return [QueueStats(*row) for row in rows]
