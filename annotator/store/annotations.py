"""Append-only annotations, chained by hash, and the label schemas they were made under."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from annotator.store.core import StoreBase, utc_now

GENESIS_HASH = ""
# A reviewer's own work: "label" (a rating), "undo" (restores the labels before the last
# change), "import" (labels brought in from a file or another database).
REVIEW_ACTIONS = ("label", "undo", "import")
# An adjudicator's final decision on a claim: the gold label. Same table, same chain.
ADJUDICATE = "adjudicate"


def canonical_json(value: Any) -> str:
    """One text per value: the form labels are stored and hashed in."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def annotation_hash(prev_hash: str, row: dict[str, Any]) -> str:
    """The hash that links an annotation row to the one before it.

    Covers every column a reviewer's work consists of, so changing any of them by hand
    (or deleting a row) breaks the chain at that row.
    """
    payload = canonical_json(
        {
            "prev": prev_hash,
            "claim_id": row["claim_id"],
            "reviewer": row["reviewer"],
            "schema_id": row["schema_id"],
            "action": row["action"],
            "labels": row["labels"],
            "note": row["note"],
            "seconds": row["seconds"],
            "saved_at": row["saved_at"],
        }
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def annotation_row(
    *,
    claim_id: str,
    reviewer: str,
    schema_id: str | None,
    action: str,
    labels: dict[str, Any] | None,
    note: str | None,
    seconds: float | None,
    saved_at: str | None,
) -> dict[str, Any]:
    """The columns of an annotation as stored (labels as canonical JSON, seconds rounded)."""
    return {
        "claim_id": claim_id,
        "reviewer": reviewer,
        "schema_id": schema_id,
        "action": action,
        "labels": None if labels is None else canonical_json(labels),
        "note": note,
        "seconds": None if seconds is None else round(seconds, 3),
        "saved_at": saved_at,
    }


@dataclass(frozen=True)
class Annotation:
    """One stored annotation record (a row of the append-only history)."""

    id: int
    claim_id: str
    reviewer: str
    schema_id: str | None
    action: str
    labels: dict[str, Any] | None
    note: str | None
    seconds: float | None
    saved_at: str
    prev_hash: str
    hash: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Annotation:
        labels = row["labels"]
        return cls(
            id=row["id"],
            claim_id=row["claim_id"],
            reviewer=row["reviewer"],
            schema_id=row["schema_id"],
            action=row["action"],
            labels=None if labels is None else json.loads(labels),
            note=row["note"],
            seconds=row["seconds"],
            saved_at=row["saved_at"],
            prev_hash=row["prev_hash"],
            hash=row["hash"],
        )


class AnnotationsMixin(StoreBase):
    def register_schema(self, schema_id: str, name: str, version: str, content: str) -> None:
        """Store a label schema by its content hash (no-op when already stored)."""
        with self.transaction():
            self.db.table("label_schemas").insert(
                {
                    "id": schema_id,
                    "name": name,
                    "version": version,
                    "content": content,
                    "created_at": utc_now(),
                },
                ignore=True,
            )

    def _ensure_reviewer(self, name: str) -> None:
        self.db.table("reviewers").insert({"name": name, "first_seen": utc_now()}, ignore=True)

    def add_annotation(
        self,
        claim_id: str,
        reviewer: str,
        labels: dict[str, Any] | None,
        *,
        schema_id: str | None,
        note: str | None = None,
        seconds: float | None = None,
        action: str = "label",
        saved_at: str | None = None,
    ) -> Annotation:
        """Append one annotation and commit it before returning.

        ``labels=None`` records that the claim has no current label for this reviewer
        (an undo of its first rating). ``saved_at`` is kept when importing old work.
        """
        row = annotation_row(
            claim_id=claim_id,
            reviewer=reviewer,
            schema_id=schema_id,
            action=action,
            labels=labels,
            note=note,
            seconds=seconds,
            saved_at=saved_at or utc_now(),
        )
        with self.transaction():
            self._chain_and_insert(row)
        return Annotation.from_row(row)

    def _chain_and_insert(self, row: dict[str, Any]) -> None:
        """Link `row` to the newest record and insert it; the caller holds the transaction.

        The one place an annotation is written: every path (review, import, merge)
        extends the same chain. Sets `prev_hash`, `hash` and `id` on `row`.
        """
        self._ensure_reviewer(row["reviewer"])
        last = self.conn.execute("SELECT hash FROM annotations ORDER BY id DESC LIMIT 1").fetchone()
        row["prev_hash"] = last[0] if last else GENESIS_HASH
        row["hash"] = annotation_hash(row["prev_hash"], row)
        cursor = self.conn.execute(
            "INSERT INTO annotations (claim_id, reviewer, schema_id, action, labels, note, "
            "seconds, saved_at, prev_hash, hash) VALUES (:claim_id, :reviewer, :schema_id, "
            ":action, :labels, :note, :seconds, :saved_at, :prev_hash, :hash)",
            row,
        )
        row["id"] = cursor.lastrowid

    def current_annotation(self, claim_id: str, reviewer: str) -> Annotation | None:
        """The newest record of this reviewer on this claim (None if never touched)."""
        rows = self.db.query(
            "SELECT * FROM annotations WHERE claim_id = ? AND reviewer = ? "
            "AND action != 'adjudicate' ORDER BY id DESC LIMIT 1",
            [claim_id, reviewer],
        )
        row = next(iter(rows), None)
        return None if row is None else Annotation.from_row(row)

    def claim_history(self, claim_id: str, reviewer: str | None = None) -> list[Annotation]:
        """Every record on a claim, oldest first (optionally one reviewer's)."""
        where, args = "claim_id = ?", [claim_id]
        if reviewer is not None:
            where, args = where + " AND reviewer = ?", [*args, reviewer]
        rows = self.db.query(f"SELECT * FROM annotations WHERE {where} ORDER BY id", args)
        return [Annotation.from_row(r) for r in rows]

    def iter_annotations(self) -> Any:
        """Every annotation row in chain order (for verification, export and merge)."""
        for row in self.db.query("SELECT * FROM annotations ORDER BY id"):
            yield Annotation.from_row(row)
