"""Whole-corpus reads and bulk writes: the queries behind export, import-labels and merge.

Reads stream through SQL cursors in batches so memory stays flat as a database grows;
bulk writes run inside a transaction the caller opens (one per file chunk or per
merged database) and extend this database's own annotation chain.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.store.annotations import (
    ADJUDICATE,
    Annotation,
    AnnotationsMixin,
    annotation_row,
)
from annotator.store.core import utc_now
from annotator.store.search import index_claims

# SQLite allows 32,766 bound parameters; batches stay well below it.
MAX_BATCH = 5_000

_CLAIM_SELECT = """
SELECT c.id AS claim_id, c.article_id, a.title, a.outlet, c.seq, c.kind, c.text,
       c.start, c."end", c.sentence_start, c.sentence_end,
       substr(a.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS sentence,
       t.claim_id IS NOT NULL AS has_attribution, t.source_type, t.anonymous_flag,
       t.anonymity_reason_given, t.source_text, t.source_start, t.source_end,
       t.cue_text, t.cue_start, t.cue_end, t.resolved_text, t.resolved_start,
       t.resolved_end, t.relayed_text, t.relayed_start, t.relayed_end, t.confidence,
       t.pipeline, t.model
FROM articles AS a
JOIN claims AS c ON c.article_id = a.id
LEFT JOIN attributions AS t ON t.claim_id = c.id
ORDER BY a.rowid, c.seq
"""


@dataclass(frozen=True)
class CorpusCounts:
    """How much a database holds, for an export's sidecar."""

    articles: int
    claims: int
    annotations: int
    reviewers: int


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


class CorpusMixin(AnnotationsMixin):
    # -- reading, for export -------------------------------------------------------------

    def iter_claim_rows(self, batch_size: int = 1_000) -> Iterator[list[dict[str, Any]]]:
        """Every claim with its article header and machine attribution, in reading order.

        Ordered by article rowid then claim seq; yields lists of at most ``batch_size``.
        """
        batch_size = min(batch_size, MAX_BATCH)
        cursor = self.conn.execute(_CLAIM_SELECT)
        names = [d[0] for d in cursor.description]
        # Plain dicts: read several times per row, they beat sqlite3.Row's lookup by name.
        while rows := cursor.fetchmany(batch_size):
            yield [dict(zip(names, row, strict=True)) for row in rows]

    def evidence_for(self, claim_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """The evidence rows of these claims, in the order extraction stored them."""
        found: dict[str, list[dict[str, Any]]] = {}
        rows = self.conn.execute(
            f'SELECT claim_id, rule, text, start, "end", why FROM evidence '
            f"WHERE claim_id IN ({_marks(claim_ids)}) ORDER BY id",
            list(claim_ids),
        )
        for cid, rule, text, start, end, why in rows:
            found.setdefault(cid, []).append(
                {"rule": rule, "text": text, "start": start, "end": end, "why": why}
            )
        return found

    def current_reviews_for(
        self, claim_ids: Sequence[str], reviewers: Sequence[str] | None = None
    ) -> dict[str, list[dict[str, Any]]]:
        """Each reviewer's current record on these claims, by claim, reviewers sorted.

        Records are dicts of reviewer, labels (decoded), note, seconds, saved_at and
        schema_id. Includes records whose labels are NULL (unrated); callers decide
        what to show.
        """
        where = f"claim_id IN ({_marks(claim_ids)}) AND action != ?"
        args: list[Any] = [*claim_ids, ADJUDICATE]
        if reviewers:
            where += f" AND reviewer IN ({_marks(reviewers)})"
            args.extend(reviewers)
        # SQLite returns the bare columns of the row holding max(id) in each group.
        cursor = self.conn.execute(
            "SELECT claim_id, reviewer, labels, note, seconds, saved_at, schema_id, max(id) "
            f"FROM annotations WHERE {where} GROUP BY claim_id, reviewer "
            "ORDER BY claim_id, reviewer",
            args,
        )
        rows = cursor.fetchall()
        # One decode for the whole batch: per-call overhead dominates for small objects.
        decoded = json.loads("[" + ",".join(row[2] or "null" for row in rows) + "]")
        found: dict[str, list[dict[str, Any]]] = {}
        for (cid, reviewer, _, note, seconds, saved_at, schema_id, _), labels in zip(
            rows, decoded, strict=True
        ):
            found.setdefault(cid, []).append(
                {
                    "reviewer": reviewer,
                    "labels": labels,
                    "note": note,
                    "seconds": seconds,
                    "saved_at": saved_at,
                    "schema_id": schema_id,
                }
            )
        return found

    def adjudications_for(self, claim_ids: Sequence[str]) -> dict[str, Annotation]:
        """The newest adjudication of each of these claims that has one."""
        cursor = self.conn.execute(
            f"SELECT *, max(id) FROM annotations WHERE claim_id IN ({_marks(claim_ids)}) "
            "AND action = ? GROUP BY claim_id",
            [*claim_ids, ADJUDICATE],
        )
        names = [d[0] for d in cursor.description]
        records = (Annotation.from_row(dict(zip(names, r, strict=True))) for r in cursor)
        return {r.claim_id: r for r in records}

    def review_reviewers(self) -> list[str]:
        """Reviewers with at least one record of their own work (not adjudications)."""
        rows = self.conn.execute(
            "SELECT DISTINCT reviewer FROM annotations WHERE action != ? ORDER BY reviewer",
            [ADJUDICATE],
        )
        return [r[0] for r in rows]

    def label_schema_rows(self) -> list[dict[str, Any]]:
        """Every stored label schema (id, name, version, content, created_at), by id."""
        return list(self.db.query("SELECT * FROM label_schemas ORDER BY id"))

    def pipeline_versions(self) -> list[dict[str, str]]:
        """The distinct (pipeline, model) pairs that produced the stored attributions."""
        rows = self.conn.execute(
            "SELECT DISTINCT pipeline, model FROM attributions ORDER BY pipeline, model"
        )
        return [{"pipeline": p, "model": m} for p, m in rows]

    def corpus_counts(self) -> CorpusCounts:
        def count(sql: str) -> int:
            return int(self.conn.execute(sql).fetchone()[0])

        return CorpusCounts(
            articles=count("SELECT count(*) FROM articles"),
            claims=count("SELECT count(*) FROM claims"),
            annotations=count("SELECT count(*) FROM annotations"),
            reviewers=count("SELECT count(*) FROM reviewers"),
        )

    def article_text(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else str(row[0])

    def known_claim_ids(self, claim_ids: Iterable[str]) -> set[str]:
        """Which of these claim ids the database holds (one query per batch)."""
        wanted = list(dict.fromkeys(claim_ids))
        found: set[str] = set()
        for i in range(0, len(wanted), MAX_BATCH):
            chunk = wanted[i : i + MAX_BATCH]
            rows = self.conn.execute(f"SELECT id FROM claims WHERE id IN ({_marks(chunk)})", chunk)
            found.update(r[0] for r in rows)
        return found

    def claim_article_length(self, claim_id: str) -> int | None:
        """The length of the text of a claim's article (None: no such claim)."""
        row = self.conn.execute(
            "SELECT length(a.text) FROM claims AS c JOIN articles AS a ON a.id = c.article_id "
            "WHERE c.id = ?",
            (claim_id,),
        ).fetchone()
        return None if row is None else int(row[0])

    def has_label_schema(self, schema_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM label_schemas WHERE id = ?", (schema_id,))
        return row.fetchone() is not None

    # -- reading, for merge (another database is the source) -------------------------------

    def iter_article_bundles(
        self,
    ) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]]:
        """Each article row with its claim rows and attribution rows, in rowid order.

        Evidence is read per claim with `evidence_rows`, so one article is in memory at once.
        """
        cursor = self.conn.execute("SELECT * FROM articles ORDER BY rowid")
        names = [d[0] for d in cursor.description]
        for row in cursor:
            article = dict(zip(names, row, strict=True))
            claims = list(
                self.db.query(
                    "SELECT * FROM claims WHERE article_id = ? ORDER BY seq", [article["id"]]
                )
            )
            attributions = list(
                self.db.query(
                    "SELECT t.* FROM attributions AS t JOIN claims AS c ON c.id = t.claim_id "
                    "WHERE c.article_id = ? ORDER BY c.seq",
                    [article["id"]],
                )
            )
            yield article, claims, attributions

    def evidence_rows(self, claim_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Evidence rows of these claims without their local ids, in stored order."""
        if not claim_ids:
            return []
        return list(
            self.db.query(
                f'SELECT claim_id, rule, text, start, "end", why FROM evidence '
                f"WHERE claim_id IN ({_marks(claim_ids)}) ORDER BY id",
                list(claim_ids),
            )
        )

    def reviewer_rows(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM reviewers ORDER BY name"))

    def iter_annotation_rows_by_time(self) -> Iterator[dict[str, Any]]:
        """Every annotation row, oldest saved_at first (ties by id), for copying elsewhere."""
        yield from self.db.query("SELECT * FROM annotations ORDER BY saved_at, id")

    # -- writing; callers hold a transaction ------------------------------------------------

    def copy_article(
        self,
        article: dict[str, Any],
        claims: list[dict[str, Any]],
        attributions: list[dict[str, Any]],
        evidence: list[dict[str, Any]],
    ) -> tuple[bool, int]:
        """Insert an article row and whichever of its claims are new; nothing is overwritten.

        Returns whether the article was new and how many claims were added. A claim whose
        id or (article, seq) is already taken is left as it is, with its attribution and
        evidence.
        """
        new_article = self.conn.execute(
            "INSERT OR IGNORE INTO articles (id, title, text, origin, url, outlet, published, "
            "metadata, ingested_at, phrases) VALUES (:id, :title, :text, :origin, :url, "
            ":outlet, :published, :metadata, :ingested_at, :phrases)",
            {"phrases": None, **article},  # a source database older than version 3 has none
        ).rowcount
        added: set[str] = set()
        for claim in claims:
            inserted = self.conn.execute(
                'INSERT OR IGNORE INTO claims (id, article_id, seq, start, "end", text, kind, '
                "sentence_start, sentence_end) VALUES (:id, :article_id, :seq, :start, :end, "
                ":text, :kind, :sentence_start, :sentence_end)",
                claim,
            ).rowcount
            if inserted:
                added.add(claim["id"])
        rows = [a for a in attributions if a["claim_id"] in added]
        if rows:
            self.db.table("attributions").insert_all(rows)
        rows = [e for e in evidence if e["claim_id"] in added]
        if rows:
            self.db.table("evidence").insert_all(rows)
        if added:
            index_claims(self.conn, article["id"], article["text"], only=added)
        return bool(new_article), len(added)

    def copy_label_schema(self, row: dict[str, Any]) -> bool:
        """Store a label schema row as it is unless its id is already present."""
        self.db.table("label_schemas").insert(row, ignore=True)
        return bool(self.conn.execute("SELECT changes()").fetchone()[0])

    def copy_reviewer(self, row: dict[str, Any]) -> bool:
        self.db.table("reviewers").insert(row, ignore=True)
        return bool(self.conn.execute("SELECT changes()").fetchone()[0])

    def has_annotation(self, row: dict[str, Any], *, any_saved_at: bool = False) -> bool:
        """Whether the same record is stored.

        Identity: claim, reviewer, labels, note, seconds, saved_at, schema id, whatever the
        action: a rating brought back by import-labels, or merged from a copy rebuilt from
        an export, is the rating it came from. Only an adjudication stays apart from a
        reviewer's own record. ``any_saved_at`` leaves saved_at out (for imported lines
        that carry none).
        """
        sql = (
            "SELECT 1 FROM annotations WHERE claim_id = :claim_id AND reviewer = :reviewer "
            f"AND (action = '{ADJUDICATE}') = (:action = '{ADJUDICATE}') "
            "AND labels IS :labels AND note IS :note "
            "AND seconds IS :seconds AND schema_id IS :schema_id"
        )
        if not any_saved_at:
            sql += " AND saved_at = :saved_at"
        return self.conn.execute(sql + " LIMIT 1", row).fetchone() is not None

    def append_annotation(
        self,
        *,
        claim_id: str,
        reviewer: str,
        action: str,
        labels: dict[str, Any] | None,
        note: str | None,
        seconds: float | None,
        saved_at: str | None,
        schema_id: str | None,
    ) -> bool:
        """Append one record to this database's chain unless an identical one is stored.

        Every field is kept as given (saved_at defaults to now); returns whether it was added.
        """
        saved_at = saved_at or None  # "" carries no time either: a re-import must match it
        row = annotation_row(
            claim_id=claim_id,
            reviewer=reviewer,
            schema_id=schema_id,
            action=action,
            labels=labels,
            note=note,
            seconds=seconds,
            saved_at=saved_at,
        )
        if self.has_annotation(row, any_saved_at=saved_at is None):
            return False
        row["saved_at"] = saved_at or utc_now()
        self._chain_and_insert(row)
        return True


def labels_of(row: dict[str, Any]) -> dict[str, Any] | None:
    """The labels of a raw annotation row, decoded."""
    return None if row["labels"] is None else json.loads(row["labels"])
