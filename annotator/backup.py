"""`backup_database`: a consistent copy of a database while reviewers keep working.

The copy is made with SQLite's online backup API inside one read transaction, so it
is the database as it was at one moment, and nobody waits on it (WAL). It is written
under a `.partial` name, checked, and only then moved into place: the pages pass
SQLite's integrity check, the copy holds the same schema version, articles, claims
and annotations as that moment, and its history chain verifies up to the same head.
A backup never overwrites a file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.audit.chain import verify_chain
from annotator.errors import StoreError
from annotator.store import Snapshot, Store


@dataclass(frozen=True)
class BackupResult:
    path: Path
    snapshot: Snapshot
    size: int  # bytes


def backup_target(db_path: str | Path, dest: str | Path, now: datetime | None = None) -> Path:
    """The file to write: `dest`, or `<database name>-<UTC time>.db` in a folder `dest`."""
    target = Path(dest)
    if target.is_dir():
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
        target = target / f"{Path(db_path).stem}-{stamp}.db"
    if target.exists():
        raise StoreError(f"{target}: already exists; a backup never overwrites: name a new file")
    if not target.parent.is_dir():
        raise StoreError(f"{target}: folder {target.parent} does not exist; create it first")
    return target


def backup_database(
    db_path: str | Path,
    dest: str | Path,
    progress: Callable[[int, int], None] | None = None,
) -> BackupResult:
    """Copy `db_path` to `dest` (a new file, or a folder to put one in) and verify the copy.

    `progress(pages_done, pages_total)` is called as the copy goes.
    """
    target = backup_target(db_path, dest)
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()  # left by a backup that was killed: never a finished one
    try:
        with (
            Store(db_path, migrate=False, read_only=True) as source,
            source.read_snapshot() as snapshot,
        ):
            source.copy_pages_to(partial, progress)
        _verify(partial, snapshot, target)
        _sync(partial)
        os.replace(partial, target)
        _sync(target.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    return BackupResult(target, snapshot, target.stat().st_size)


def _verify(copy: Path, expected: Snapshot, target: Path) -> None:
    """Raise StoreError unless `copy` holds exactly `expected`, intact."""
    with Store(copy, migrate=False, read_only=True) as check:
        problems = check.page_problems(limit=1)
        found = check.snapshot()
        chain = verify_chain(check.chain_rows())
    if problems:
        problem = f"the copy fails SQLite's integrity check ({problems[0]})"
    elif found != expected:
        problem = f"the copy holds {found}, not {expected}"
    elif not chain.ok or chain.head != expected.head:
        problem = "the copy's history chain does not verify"
    else:
        return
    raise StoreError(f"{target}: backup not kept: {problem}; check the disk and try again")


def _sync(path: Path) -> None:
    """fsync a file, or a folder after a rename in it, so the backup survives a power cut."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
