"""Ordered schema migrations. The database's version is `PRAGMA user_version`.

Each migration takes the database from version N-1 to N inside one transaction.
Never edit a released migration: add a new one, and a test that opens a database of
the older version.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from annotator.store.search import CREATE_CLAIM_SEARCH, index_claims


def _initial_schema(db: Database) -> None:
    """Version 1: articles, claims, machine attributions, evidence, annotations, history."""
    db.table("articles").create(
        {
            "id": str,  # hash of normalised text: re-ingesting is a no-op
            "title": str,
            "text": str,
            "origin": str,
            "url": str,
            "outlet": str,
            "published": str,
            "metadata": str,  # JSON object
            "ingested_at": str,
        },
        pk="id",
        not_null={"text", "ingested_at"},
    )
    db.table("claims").create(
        {
            "id": str,  # derived from article id and offsets: stable across databases
            "article_id": str,
            "seq": int,
            "start": int,
            "end": int,
            "text": str,
            "kind": str,
            "sentence_start": int,
            "sentence_end": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "seq", "start", "end", "text", "kind"},
    )
    db.table("attributions").create(
        {
            "claim_id": str,
            "source_type": str,
            "anonymous_flag": int,
            "anonymity_reason_given": int,
            "source_text": str,
            "source_start": int,
            "source_end": int,
            "cue_text": str,
            "cue_start": int,
            "cue_end": int,
            "resolved_text": str,
            "resolved_start": int,
            "resolved_end": int,
            "relayed_text": str,
            "relayed_start": int,
            "relayed_end": int,
            "confidence": float,
            "pipeline": str,
            "model": str,
        },
        pk="claim_id",
        foreign_keys=[("claim_id", "claims", "id")],
        not_null={"source_type", "anonymous_flag", "confidence"},
    )
    db.table("evidence").create(
        {
            "id": int,
            "claim_id": str,
            "rule": str,
            "text": str,
            "start": int,
            "end": int,
            "why": str,
        },
        pk="id",
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db.table("label_schemas").create(
        {"id": str, "name": str, "version": str, "content": str, "created_at": str},
        pk="id",
        not_null={"content"},
    )
    db.table("reviewers").create({"name": str, "first_seen": str}, pk="name")
    # Append-only: the current label of (claim, reviewer) is its newest row. Each row
    # carries the hash of the previous row, so an edit or deletion by hand is detectable.
    db.table("annotations").create(
        {
            "id": int,
            "claim_id": str,
            "reviewer": str,
            "schema_id": str,
            "action": str,  # label, undo, import
            "labels": str,  # JSON object, or NULL when an undo leaves the claim unrated
            "note": str,
            "seconds": float,
            "saved_at": str,
            "prev_hash": str,
            "hash": str,
        },
        pk="id",
        foreign_keys=[
            ("claim_id", "claims", "id"),
            ("reviewer", "reviewers", "name"),
            ("schema_id", "label_schemas", "id"),
        ],
        not_null={"claim_id", "reviewer", "action", "saved_at", "hash"},
    )
    db.table("events").create(
        {"id": int, "at": str, "kind": str, "actor": str, "detail": str},
        pk="id",
        not_null={"at", "kind"},
    )
    db.table("claims").create_index(["article_id", "seq"], unique=True)
    db.table("evidence").create_index(["claim_id"])
    db.table("attributions").create_index(["source_type"])
    db.table("annotations").create_index(["claim_id", "reviewer", "id"])
    db.table("annotations").create_index(["reviewer", "id"])


def _claim_search(db: Database) -> None:
    """Version 2: full-text search on claim text, kept current by triggers."""
    db.table("claims").enable_fts(["text"], create_triggers=True, tokenize="porter")
    db.table("claims_fts").rebuild_fts()


def _queues_spans_and_context_search(db: Database) -> None:
    """Version 3: reviewers' queues (whole articles assigned to reviewers), the noun
    phrases and verbs of each article (candidates of the span editor, found at extraction), and
    search over a claim's paragraph, source and antecedent and over reviewers' notes
    (replacing the claim-text search of version 2)."""
    db.table("assignments").create(
        {"article_id": str, "reviewer": str, "assigned_at": str, "run": str},
        pk=("article_id", "reviewer"),
        foreign_keys=[("article_id", "articles", "id"), ("reviewer", "reviewers", "name")],
        not_null={"assigned_at"},
    )
    db.table("assignments").create_index(["reviewer"])
    db.table("articles").add_column("phrases", str)  # JSON {"noun_phrases", "verbs"} or NULL
    db.table("claims").disable_fts()
    db.execute(CREATE_CLAIM_SEARCH)
    for article_id, text in db.execute("SELECT id, text FROM articles").fetchall():
        index_claims(db.conn, article_id, text)
    db.table("annotations").enable_fts(["note"], create_triggers=True, tokenize="porter")
    db.table("annotations_fts").rebuild_fts()


MIGRATIONS: list[Callable[[Database], None]] = [
    _initial_schema,
    _claim_search,
    _queues_spans_and_context_search,
]
SCHEMA_VERSION = len(MIGRATIONS)
