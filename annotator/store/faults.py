"""SQLite's storage faults as one-line errors that say what to do.

A read-only file, a full disk, a corrupt file or a locked database are situations a
user can meet, not bugs: each becomes a StoreError naming the database. Anything else
(a constraint, a bug) is left as it is.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from annotator.errors import StoreError

# Free space below which an I/O error is taken for a full disk: SQLite reports a disk
# that fills while it writes as "full", but one already full when it maps its shared
# memory file as an I/O error.
NEARLY_FULL_BYTES = 1 << 20

READ_ONLY_ADVICE = "read-only commands (stats, export, audit, check, backup) still work"


def no_such_database(path: str) -> StoreError:
    return StoreError(f"{path}: no such database; pass an existing one with --db")


def read_only(path: str) -> StoreError:
    return StoreError(
        f"database is read-only: {path}; {READ_ONLY_ADVICE}, or copy it somewhere writable"
    )


def corrupt(path: str, detail: str) -> StoreError:
    return StoreError(
        f"{path}: not an annotator database, or a corrupt one ({detail}); it was left as it "
        "is: restore it from a backup (annotator backup) or pass another file with --db"
    )


def storage_fault(error: sqlite3.Error, path: str) -> StoreError | None:
    """The StoreError a user should see for `error` on database `path`, or None if it is
    not a storage fault."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF  # extended codes carry the primary code in their low byte
    if primary == sqlite3.SQLITE_READONLY:
        return read_only(path)
    if primary == sqlite3.SQLITE_FULL or (primary == sqlite3.SQLITE_IOERR and _nearly_full(path)):
        return StoreError(
            f"{path}: disk full; the interrupted write was rolled back, nothing of it was "
            "saved: free some space and run the command again"
        )
    if primary in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return corrupt(path, str(error))
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreError(
            f"{path}: database busy: another process held its write lock for over 30 s; "
            "try again when it is done"
        )
    if primary == sqlite3.SQLITE_IOERR:
        return StoreError(f"{path}: disk I/O error ({error}); check the disk, then annotator check")
    if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return StoreError(
            f"{path}: cannot open the database file; check its folder and permissions"
        )
    return None


def _nearly_full(path: str) -> bool:
    try:
        return shutil.disk_usage(Path(path).absolute().parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False
