"""The database connection: pragmas, migrations and transactions.

WAL lets several reviewers (and an ingest) use one file at once; `BEGIN IMMEDIATE`
takes the write lock up front so two writers queue on the busy timeout instead of
failing half-way through a transaction.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from sqlite_utils import Database

from annotator.errors import StoreError
from annotator.store.migrations import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 30_000


def utc_now() -> str:
    """Timestamps are ISO 8601 UTC with microseconds, so they sort as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class StoreBase:
    """Owns one SQLite connection. One Store per thread or process."""

    def __init__(self, path: str | Path, *, migrate: bool = True) -> None:
        self.path = str(path)
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            self.db = Database(conn)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.enable_wal()
            self.db.execute("PRAGMA synchronous = NORMAL")  # safe with WAL
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"{self.path}: cannot open as an annotator database ({error}); "
                "pass another file with --db"
            ) from error
        if migrate:
            self.migrate()

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int:
        """Bring the database to the current schema version; returns the version found."""
        found = self.schema_version
        if found > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: database schema version {found} is newer than this "
                f"annotator ({SCHEMA_VERSION}); upgrade annotator"
            )
        for version in range(found + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                MIGRATIONS[version - 1](self.db)
                self.conn.execute(f"PRAGMA user_version = {version}")
                self._log_event("migrate", None, {"to_version": version})
        return found

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: all of it lands, or none of it (also on kill -9)."""
        if self.conn.in_transaction:
            raise StoreError("internal error: nested write transaction")
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _log_event(self, kind: str, actor: str | None, detail: dict[str, Any]) -> None:
        if not self.db["events"].exists():
            return
        self.conn.execute(
            "INSERT INTO events (at, kind, actor, detail) VALUES (?, ?, ?, ?)",
            (utc_now(), kind, actor, json.dumps(detail, sort_keys=True)),
        )

    def log_event(self, kind: str, actor: str | None = None, **detail: Any) -> None:
        """Record something that happened to the dataset (ingest run, merge, export)."""
        with self.transaction():
            self._log_event(kind, actor, detail)

    def integrity_check(self) -> str:
        return str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])
