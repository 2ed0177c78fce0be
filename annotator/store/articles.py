"""Writing and reading articles with their claims, attributions and evidence."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.records import (
    Article,
    ExtractedClaim,
    PipelineInfo,
    Span,
    claim_id,
)
from annotator.store.core import FURNITURE_SQL, StoreBase, utc_now
from annotator.store.search import index_claims


def _span_columns(prefix: str, span: Span | None) -> dict[str, Any]:
    if span is None:
        return {f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {f"{prefix}_text": span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _phrases(article: Article) -> str | None:
    """The article's noun phrases and verbs as stored (JSON), None when extraction found none."""
    if not article.noun_phrases and not article.verbs:
        return None
    return json.dumps({"noun_phrases": article.noun_phrases, "verbs": article.verbs})


@dataclass(frozen=True)
class StoreStats:
    """What a database holds, for `annotator stats`."""

    articles: int
    claims: int
    furniture: int  # claims that are page furniture: not queued for review
    claims_by_source_type: dict[str, int]  # of the other claims
    anonymous_flagged: int
    annotations_by_reviewer: dict[str, int]  # claims with a current label, per reviewer
    schema_version: int


@dataclass(frozen=True)
class ArticleSummary:
    """One article as `annotator stats --articles` lists it."""

    id: str
    title: str | None  # article text: escape before showing it
    origin: str | None
    encoding: str | None  # what its file was read as (None: stored before this was kept)
    claims: int
    furniture: int
    control_characters_removed: int | None


class ArticlesMixin(StoreBase):
    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids the database already holds (one query per 500)."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def add_article(
        self, article: Article, claims: Sequence[ExtractedClaim], info: PipelineInfo
    ) -> bool:
        """Store an article with its claims in one transaction.

        Returns False, writing nothing, when the article (same normalised text) is
        already present.
        """
        return bool(self.add_articles([(article, claims)], info))

    def add_articles(
        self,
        extracted: Sequence[tuple[Article, Sequence[ExtractedClaim]]],
        info: PipelineInfo,
    ) -> set[str]:
        """Store many articles with their claims in one transaction (a bulk load: all of
        them land, or none); those already present, or twice in ``extracted``, are
        skipped. Returns the ids of the articles added."""
        with self.transaction():
            present = self.known_article_ids(article.id for article, _ in extracted)
            added: list[Article] = []
            article_rows: list[dict[str, Any]] = []
            claim_rows: list[dict[str, Any]] = []
            attribution_rows: list[dict[str, Any]] = []
            evidence_rows: list[dict[str, Any]] = []
            now = utc_now()
            for article, claims in extracted:
                if article.id in present:
                    continue
                present.add(article.id)
                added.append(article)
                article_rows.append(
                    {
                        "id": article.id,
                        "title": article.title,
                        "text": article.text,
                        "origin": article.origin,
                        "url": article.url,
                        "outlet": article.outlet,
                        "published": article.published,
                        "metadata": json.dumps(
                            article.metadata, sort_keys=True, ensure_ascii=False
                        ),
                        "ingested_at": now,
                        "phrases": _phrases(article),
                    }
                )
                for claim in claims:
                    cid = claim_id(article.id, claim.start, claim.end)
                    claim_rows.append(
                        {
                            "id": cid,
                            "article_id": article.id,
                            "seq": claim.seq,
                            "start": claim.start,
                            "end": claim.end,
                            "text": claim.text,
                            "kind": claim.kind,
                            "sentence_start": claim.sentence_start,
                            "sentence_end": claim.sentence_end,
                        }
                    )
                    attribution_rows.append(
                        {
                            "claim_id": cid,
                            "source_type": claim.source_type,
                            "anonymous_flag": int(claim.anonymous_flag),
                            "anonymity_reason_given": (
                                None
                                if claim.anonymity_reason_given is None
                                else int(claim.anonymity_reason_given)
                            ),
                            **_span_columns("source", claim.source),
                            **_span_columns("cue", claim.cue),
                            **_span_columns("resolved", claim.resolved_to),
                            **_span_columns("relayed", claim.relayed_by),
                            "confidence": claim.confidence,
                            "pipeline": info.pipeline,
                            "model": info.model,
                        }
                    )
                    evidence_rows.extend(
                        {
                            "claim_id": cid,
                            "rule": e.rule,
                            "text": e.text,
                            "start": e.start,
                            "end": e.end,
                            "why": e.why,
                        }
                        for e in claim.evidence
                    )
            for table, rows in (
                ("articles", article_rows),
                ("claims", claim_rows),
                ("attributions", attribution_rows),
                ("evidence", evidence_rows),
            ):
                if rows:
                    self.db.table(table).insert_all(rows)
            for article in added:
                index_claims(self.conn, article.id, article.text)
        return {article.id for article in added}

    def stats(self) -> StoreStats:
        def count(sql: str) -> int:
            return int(self.conn.execute(sql).fetchone()[0])

        by_type = dict(
            self.conn.execute(
                "SELECT t.source_type, count(*) FROM attributions AS t "
                f"JOIN claims AS c ON c.id = t.claim_id WHERE c.kind NOT IN {FURNITURE_SQL} "
                "GROUP BY t.source_type ORDER BY count(*) DESC, t.source_type"
            ).fetchall()
        )
        by_reviewer = dict(
            self.conn.execute(
                """
                SELECT reviewer, count(*) FROM annotations AS a
                WHERE a.id = (SELECT max(id) FROM annotations AS b
                              WHERE b.claim_id = a.claim_id AND b.reviewer = a.reviewer
                                AND b.action != 'adjudicate')
                  AND a.labels IS NOT NULL
                GROUP BY reviewer ORDER BY reviewer
                """
            ).fetchall()
        )
        return StoreStats(
            articles=count("SELECT count(*) FROM articles"),
            claims=count("SELECT count(*) FROM claims"),
            furniture=count(f"SELECT count(*) FROM claims WHERE kind IN {FURNITURE_SQL}"),
            claims_by_source_type=by_type,
            anonymous_flagged=count("SELECT count(*) FROM attributions WHERE anonymous_flag"),
            annotations_by_reviewer=by_reviewer,
            schema_version=self.schema_version,
        )

    def article_summaries(self) -> list[ArticleSummary]:
        """Every article in ingest order, with its encoding and claim counts."""
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.origin, json_extract(a.metadata, '$.encoding'), "
            "count(c.id), "
            f"coalesce(sum(c.kind IN {FURNITURE_SQL}), 0), "
            "json_extract(a.metadata, '$.control_characters_removed') "
            "FROM articles AS a LEFT JOIN claims AS c ON c.article_id = a.id "
            "GROUP BY a.id ORDER BY a.rowid"
        )
        return [ArticleSummary(*row) for row in rows]
