"""Queries behind `annotator audit` and `annotator adjudicate` (read-only, except adjudicating)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from annotator.errors import StoreError
from annotator.store.annotations import ADJUDICATE, REVIEW_ACTIONS
from annotator.store.core import FURNITURE_SQL, StoreBase

_REVIEW_MARKS = ",".join(f"'{action}'" for action in REVIEW_ACTIONS)


@dataclass(frozen=True)
class CurrentLabel:
    """A reviewer's current (newest, non-empty) labels on one claim."""

    record_id: int
    claim_id: str
    reviewer: str
    labels: dict[str, Any]
    note: str | None
    saved_at: str


@dataclass(frozen=True)
class MachineSuggestion:
    """The stored attribution of a claim, as the detector proposed it."""

    claim_id: str
    article_id: str
    source_type: str
    anonymous_flag: bool
    anonymity_reason_given: bool | None
    source_text: str | None


@dataclass(frozen=True)
class DisputedClaim:
    """A claim as the adjudicator reads it: its paragraph, and the machine suggestion."""

    id: str
    article_id: str
    article_title: str | None
    text: str
    context: str  # the paragraph around the claim (article text: clean before display)
    start: int  # the claim's offsets within `context`
    end: int
    suggestion: MachineSuggestion | None
    context_start: int  # offset of `context` in the article (span labels index the article)
    trimmed_before: bool  # the paragraph goes on before `context`
    trimmed_after: bool  # ... and after it
    seq: int  # the claim's place in its article, from 0
    article_claims: int  # how many claims the article has


# Context shown around a disputed claim: its blank-line paragraph, at most this long.
CONTEXT_CHARS = 1200


@dataclass(frozen=True)
class Window:
    """Where the context shown around a claim starts and ends in the article."""

    start: int
    end: int
    trimmed_before: bool
    trimmed_after: bool


def paragraph(text: str, start: int, end: int) -> Window:
    """The blank-line paragraph holding text[start:end], cut to about CONTEXT_CHARS on word
    boundaries (never inside a word, never inside the claim)."""
    left = text.rfind("\n\n", 0, start)
    left = 0 if left < 0 else left + 2
    right = text.find("\n\n", end)
    right = len(text) if right < 0 else right
    spare = max(0, CONTEXT_CHARS - (end - start)) // 2
    low, high = max(left, start - spare), min(right, end + spare)
    if low > left and not text[low - 1].isspace():
        gap = next((i for i in range(low, start) if text[i].isspace()), start)
        low = min(start, gap + 1)
    if high < right and not text[high].isspace():
        gap = next((i for i in range(high - 1, end - 1, -1) if text[i].isspace()), end)
        high = max(end, gap)
    return Window(low, high, low > left, high < right)


class AuditMixin(StoreBase):
    def chain_rows(self) -> list[dict[str, Any]]:
        """Every annotation row exactly as stored (labels as text), in id order.

        Verification hashes the stored text, so nothing is parsed here: a row edited
        by hand into invalid JSON must still be reported, not crash the audit.
        """
        cursor = self.conn.execute(
            "SELECT id, claim_id, reviewer, schema_id, action, labels, note, seconds, "
            "saved_at, prev_hash, hash FROM annotations ORDER BY id"
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def current_labels(self) -> list[CurrentLabel]:
        """Each reviewer's current labels per claim (unrated claims left out), oldest first."""
        rows = self.conn.execute(
            f"""
            SELECT a.id, a.claim_id, a.reviewer, a.labels, a.note, a.saved_at
            FROM annotations AS a
            WHERE a.id = (SELECT max(b.id) FROM annotations AS b
                          WHERE b.claim_id = a.claim_id AND b.reviewer = a.reviewer
                            AND b.action IN ({_REVIEW_MARKS}))
              AND a.labels IS NOT NULL
            ORDER BY a.id
            """
        )
        return [
            CurrentLabel(row[0], row[1], row[2], _labels(row[3]), row[4], row[5]) for row in rows
        ]

    def seconds_per_claim(self) -> dict[tuple[str, str], float]:
        """Time each reviewer spent on each claim: the sum over their timed records."""
        rows = self.conn.execute(
            f"SELECT reviewer, claim_id, sum(seconds) FROM annotations "
            f"WHERE action IN ({_REVIEW_MARKS}) AND seconds IS NOT NULL "
            "GROUP BY reviewer, claim_id"
        )
        return {(row[0], row[1]): float(row[2]) for row in rows}

    def machine_suggestions(self) -> dict[str, MachineSuggestion]:
        """The machine's suggestion for every claim but page furniture (not news)."""
        rows = self.conn.execute(
            "SELECT t.claim_id, c.article_id, t.source_type, t.anonymous_flag, "
            "t.anonymity_reason_given, t.source_text "
            "FROM attributions AS t JOIN claims AS c ON c.id = t.claim_id "
            f"WHERE c.kind NOT IN {FURNITURE_SQL} ORDER BY c.article_id, c.seq"
        )
        return {
            row[0]: MachineSuggestion(
                row[0],
                row[1],
                row[2],
                bool(row[3]),
                None if row[4] is None else bool(row[4]),
                row[5],
            )
            for row in rows
        }

    def claim_ids_in_order(self) -> list[str]:
        """Every claim id in reading order (claims are inserted article by article)."""
        return [row[0] for row in self.conn.execute("SELECT id FROM claims ORDER BY rowid")]

    def disputed_claim(self, claim_id: str) -> DisputedClaim:
        row = self.conn.execute(
            "SELECT c.id, c.article_id, a.title, c.text, c.start, c.end, a.text, c.seq, "
            "(SELECT count(*) FROM claims AS o WHERE o.article_id = c.article_id) "
            "FROM claims AS c JOIN articles AS a ON a.id = c.article_id WHERE c.id = ?",
            (claim_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no claim {claim_id!r}")
        cid, article_id, title, text, start, end, article, seq, article_claims = row
        window = paragraph(article, start, end)
        left, right = window.start, window.end
        suggestion = self.conn.execute(
            "SELECT anonymous_flag, anonymity_reason_given, source_type, source_text "
            "FROM attributions WHERE claim_id = ?",
            (claim_id,),
        ).fetchone()
        machine = None
        if suggestion is not None:
            flag, given, source_type, source_text = suggestion
            machine = MachineSuggestion(
                cid,
                article_id,
                source_type,
                bool(flag),
                None if given is None else bool(given),
                source_text,
            )
        return DisputedClaim(
            cid,
            article_id,
            title,
            text,
            article[left:right],
            start - left,
            end - left,
            machine,
            context_start=left,
            trimmed_before=window.trimmed_before,
            trimmed_after=window.trimmed_after,
            seq=seq,
            article_claims=article_claims,
        )

    def claim_articles(self) -> dict[str, str]:
        """Each claim's article: span labels of two claims compare only within one article."""
        return dict(self.conn.execute("SELECT id, article_id FROM claims").fetchall())

    def article_titles(self) -> dict[str, str | None]:
        rows = self.conn.execute("SELECT id, title FROM articles ORDER BY id")
        return {row[0]: row[1] for row in rows}

    def adjudications(self) -> dict[str, CurrentLabel]:
        """The newest adjudicate record per claim: the adjudicated gold label."""
        rows = self.conn.execute(
            """
            SELECT a.id, a.claim_id, a.reviewer, a.labels, a.note, a.saved_at
            FROM annotations AS a
            WHERE a.id = (SELECT max(b.id) FROM annotations AS b
                          WHERE b.claim_id = a.claim_id AND b.action = ?)
              AND a.labels IS NOT NULL
            ORDER BY a.id
            """,
            (ADJUDICATE,),
        )
        return {
            row[1]: CurrentLabel(row[0], row[1], row[2], _labels(row[3]), row[4], row[5])
            for row in rows
        }


def _labels(text: str) -> dict[str, Any]:
    """Stored labels as a dict; a value that is not a JSON object counts as no labels."""
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
