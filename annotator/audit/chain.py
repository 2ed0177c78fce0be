"""Verify the hash chain of the annotation history and name the first broken record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from annotator.store.annotations import GENESIS_HASH, annotation_hash


@dataclass(frozen=True)
class ChainBreak:
    """The first record that was altered or removed, and what is wrong with it."""

    id: int
    claim_id: str | None  # None when the record itself is gone
    reviewer: str | None
    problem: str


@dataclass(frozen=True)
class ChainReport:
    records: int
    head: str  # hash of the newest record: pin it to notice removals at the end
    first_break: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.first_break is None


def verify_chain(rows: Iterable[dict[str, Any]], pinned: str | None = None) -> ChainReport:
    """Walk the rows in id order; stop at the first one that does not fit its predecessor.

    Three things are checked per row: the id follows the previous id (a gap means rows
    were deleted), ``prev_hash`` equals the previous row's stored hash, and the stored
    hash equals the hash recomputed from the row's own columns (an edit in place).

    Deleting the newest rows leaves a valid, shorter chain; ``pinned`` (a head hash
    recorded earlier, or its first digits) catches that: some row must still have it.
    """
    previous: dict[str, Any] | None = None
    count, pin_found = 0, pinned is None or pinned == GENESIS_HASH
    for row in rows:
        count += 1
        # The text report shows 16 digits of the head: a prefix pins as well.
        pin_found = pin_found or row["hash"].startswith(str(pinned))
        found = _check(row, previous)
        if found is not None:
            head = GENESIS_HASH if previous is None else previous["hash"]
            return ChainReport(records=count, head=head, first_break=found)
        previous = row
    head = GENESIS_HASH if previous is None else previous["hash"]
    if not pin_found:
        problem = f"removed: the pinned hash {str(pinned)[:16]} is no longer in the chain"
        return ChainReport(count, head, ChainBreak(count + 1, None, None, problem))
    return ChainReport(records=count, head=head, first_break=None)


def _self_consistent(row: dict[str, Any]) -> bool:
    """Whether the row's hash matches its own columns and stored prev_hash."""
    try:
        return bool(annotation_hash(row["prev_hash"], row) == row["hash"])
    except (TypeError, ValueError):
        return False


def _check(row: dict[str, Any], previous: dict[str, Any] | None) -> ChainBreak | None:
    row_id = row["id"]
    expected_id = 1 if previous is None else previous["id"] + 1
    prev_hash = GENESIS_HASH if previous is None else previous["hash"]
    if row_id != expected_id:
        missing = (
            f"record {expected_id}"
            if row_id == expected_id + 1
            else f"records {expected_id}-{row_id - 1}"
        )
        return ChainBreak(expected_id, None, None, f"removed: {missing} missing before {row_id}")
    if row["prev_hash"] != prev_hash:
        if previous is not None and _self_consistent(row):
            # This row is intact, so its predecessor was edited and its hash recomputed.
            return ChainBreak(
                previous["id"],
                previous["claim_id"],
                previous["reviewer"],
                f"altered and re-hashed: record {row_id} still links to its original hash",
            )
        problem = (
            "altered: the first record does not start the chain"
            if previous is None
            else f"altered: prev_hash does not match record {previous['id']}'s hash"
        )
        return ChainBreak(row_id, row["claim_id"], row["reviewer"], problem)
    if not _self_consistent(row):
        return ChainBreak(
            row_id,
            row["claim_id"],
            row["reviewer"],
            "altered: its columns no longer match its hash",
        )
    return None
