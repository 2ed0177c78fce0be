"""The claim search index: one row per claim of its paragraph, source and antecedent.

Written with the claims (ingest, merge) in the caller's transaction; read by the review
screen's `/` together with the reviewers' notes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection

from annotator.store.context import search_row

# What `/` searches per claim: its paragraph, source and resolved antecedent. Contentless
# (the text lives in articles and attributions): only the index is stored.
CREATE_CLAIM_SEARCH = (
    "CREATE VIRTUAL TABLE claim_search USING fts5("
    "context, source, resolved, content='', tokenize='porter')"
)
INSERT_CLAIM_SEARCH = (
    "INSERT INTO claim_search (rowid, context, source, resolved) VALUES (?, ?, ?, ?)"
)


def index_claims(
    conn: sqlite3.Connection, article_id: str, text: str, only: Collection[str] | None = None
) -> None:
    """Add the search rows of an article's claims (only those whose ids are in `only`)."""
    cursor = conn.execute(
        'SELECT c.rowid, c.id, c.start, c."end", c.sentence_start, c.sentence_end, '
        "t.source_text, t.resolved_text FROM claims AS c "
        "LEFT JOIN attributions AS t ON t.claim_id = c.id WHERE c.article_id = ?",
        (article_id,),
    )
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    conn.executemany(
        INSERT_CLAIM_SEARCH,
        [search_row(r["rowid"], text, r, r) for r in rows if only is None or r["id"] in only],
    )


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: every word must match, no operator is special."""
    words = text.split()
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def search_claim_keys(conn: sqlite3.Connection, text: str) -> set[int]:
    """Claims whose paragraph, source and antecedent hold every word of `text`
    (porter-stemmed), or one of whose notes does."""
    query = fts_query(text)
    if not query:
        return set()
    rows = conn.execute(
        "SELECT rowid FROM claim_search WHERE claim_search MATCH ? "
        "UNION SELECT c.rowid FROM annotations_fts AS f "
        "JOIN annotations AS a ON a.id = f.rowid JOIN claims AS c ON c.id = a.claim_id "
        "WHERE annotations_fts MATCH ?",
        (query, query),
    )
    return {row[0] for row in rows}
