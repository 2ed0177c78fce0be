"""The database connection: opening, pragmas, migrations and transactions.

WAL lets several reviewers (and an ingest) use one file at once; `BEGIN IMMEDIATE`
takes the write lock up front so two writers queue on the busy timeout instead of
failing half-way through a transaction, and migrations read the schema version only
once they hold that lock, so processes opening a new file together migrate it once.
`synchronous = FULL` makes each commit durable: a rating the screen has moved past
survives a power cut, at the price of one fsync per commit.

A read-only store never writes (SQLite's query_only, or the file opened read-only when
it cannot be written), so commands that only read work on a read-only file or mount.
Storage faults (read-only, disk full, corrupt, missing folder, a newer schema) become
one-line StoreErrors; nothing is written before the file has been checked to be an
annotator database we can read.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from sqlite_utils import Database

from annotator import __version__
from annotator.errors import StoreError
from annotator.records import FURNITURE_KINDS
from annotator.store.faults import no_such_database, read_only, storage_fault
from annotator.store.migrations import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 30_000
MEMORY = ":memory:"
# The claim kinds of page furniture, never asked about in review, as an SQL list (our own
# constants, so written into the statements).
FURNITURE_SQL = "(" + ", ".join(f"'{kind}'" for kind in FURNITURE_KINDS) + ")"


def utc_now() -> str:
    """Timestamps are ISO 8601 UTC with microseconds, so they sort as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class StoreBase:
    """Owns one SQLite connection. One Store per thread or process.

    ``read_only`` opens an existing file without ever writing to it; with ``migrate``
    an older file is first brought up to date through a short writable connection.
    """

    def __init__(self, path: str | Path, *, migrate: bool = True, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        found = self._open()
        if migrate and found < SCHEMA_VERSION and read_only:
            self.close()
            self._migrate_for_reading(found)
            self._open()
        elif migrate and not read_only:
            self.migrate()

    # -- opening --------------------------------------------------------------------
    def _open(self) -> int:
        """Connect, check the file, set the pragmas; returns the schema version found."""
        conn = self._connect()
        try:
            self.db = Database(conn)
            found = self.schema_version  # reads the header: a non-database fails here
            self._refuse_newer(found)
            if not self.read_only:
                conn.execute("PRAGMA foreign_keys = ON")
                if self.path != MEMORY:
                    self._enable_wal()
                conn.execute("PRAGMA synchronous = FULL")
        except BaseException as error:
            conn.close()
            if isinstance(error, sqlite3.Error):
                raise self._fault(error) from error
            raise
        return found

    def _enable_wal(self) -> None:
        """Switch a new file to WAL. Processes opening it at the same moment contend for
        the switch, and SQLite answers "busy" at once rather than risk a deadlock on it:
        so wait a little and try again (a file another process switched meanwhile is
        then in WAL already)."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.db.enable_wal()  # a no-op when the file is in WAL already
                return
            except sqlite3.OperationalError as error:
                code = getattr(error, "sqlite_errorcode", 0) & 0xFF
                if code != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _connect(self) -> sqlite3.Connection:
        if self.path == MEMORY:
            return sqlite3.connect(MEMORY)
        file = Path(self.path)
        if not file.parent.is_dir():
            raise StoreError(
                f"{self.path}: folder {file.parent} does not exist; create it or pass another --db"
            )
        if self.read_only:
            return self._connect_read_only(file)
        if file.exists() and not os.access(file, os.W_OK):
            raise read_only(self.path)
        if not file.exists() and not os.access(file.parent, os.W_OK):
            raise StoreError(
                f"{self.path}: cannot create a database in {file.parent}: the folder is "
                "read-only; pass another --db"
            )
        return sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)

    def _connect_read_only(self, file: Path) -> sqlite3.Connection:
        if not file.is_file():
            raise no_such_database(self.path)
        if os.access(file, os.W_OK) and os.access(file.parent, os.W_OK):
            # A file we could write: an ordinary connection that SQLite keeps from writing,
            # so its -wal and -shm files go away with the last connection, as usual.
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute("PRAGMA query_only = ON")
            return conn
        uri = file.resolve().as_uri()
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("PRAGMA user_version").fetchone()  # SQLite opens the file lazily
            return conn
        except sqlite3.DatabaseError as error:
            conn.close()
            code = getattr(error, "sqlite_errorcode", 0) & 0xFF
            if code not in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
                raise self._fault(error) from error
        # A WAL database in a read-only folder or on a read-only mount: SQLite cannot
        # make the -shm file readers share. Nobody can write there either, so the file
        # can be read as immutable, unless its -wal holds commits not yet in the file.
        wal = Path(f"{file}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise StoreError(
                f"{self.path}: the folder is read-only and {wal.name} holds changes not yet "
                "in the database; copy both files somewhere writable and open the copy"
            )
        return sqlite3.connect(f"{uri}?immutable=1", uri=True)

    def _migrate_for_reading(self, found: int) -> None:
        try:
            StoreBase(self.path).close()  # migrates under the write lock
        except StoreError as error:
            if not os.access(self.path, os.W_OK):
                raise StoreError(
                    f"{self.path}: database is read-only and at schema version {found}, "
                    f"older than this annotator's {SCHEMA_VERSION}; copy it somewhere "
                    "writable and open the copy, which upgrades it"
                ) from error
            raise

    def _fault(self, error: sqlite3.Error) -> StoreError:
        return storage_fault(error, self.path) or StoreError(
            f"{self.path}: cannot open as an annotator database ({error}); "
            "pass another file with --db"
        )

    def _refuse_newer(self, version: int) -> None:
        if version <= SCHEMA_VERSION:
            return
        made_by = self._annotator_that_migrated_to(version)
        needed = (
            f"needs annotator {made_by} or newer"
            if made_by
            else f"needs a newer annotator, one that reads database schema version {version}"
        )
        raise StoreError(
            f"{self.path}: {needed} (the file is at schema version {version}; annotator "
            f"{__version__} reads up to {SCHEMA_VERSION}); upgrade: pip install -U annotator"
        )

    def _annotator_that_migrated_to(self, version: int) -> str | None:
        """The annotator version a migrate event says took the file to `version`."""
        try:
            rows = self.conn.execute(
                "SELECT detail FROM events WHERE kind = 'migrate' ORDER BY id DESC"
            ).fetchall()
        except sqlite3.Error:
            return None
        for (detail,) in rows:
            with contextlib.suppress(ValueError, TypeError, AttributeError):
                found = json.loads(detail)
                if found.get("to_version") == version and found.get("annotator"):
                    return str(found["annotator"])
        return None

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
        """Bring the database to the current schema version; returns the version found.

        The version is read again once the write lock is held: another process may have
        migrated the file in the meantime (several reviewers opening a new file at once).
        """
        found = self.schema_version  # versions only rise: a current file stays current
        version = found
        while version < SCHEMA_VERSION:
            with self.transaction():
                version = self.schema_version
                self._refuse_newer(version)
                if version < SCHEMA_VERSION:
                    MIGRATIONS[version](self.db)
                    version += 1
                    self.conn.execute(f"PRAGMA user_version = {version}")
                    self._log_event(
                        "migrate", None, {"to_version": version, "annotator": __version__}
                    )
        return found

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: all of it lands, or none of it (also on kill -9).

        A storage fault on the way (read-only, disk full, busy) rolls it back and is
        raised as a one-line StoreError.
        """
        if self.conn.in_transaction:
            raise StoreError("internal error: nested write transaction")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            yield
            self.conn.execute("COMMIT")
        except BaseException as error:
            # SQLite rolls back by itself after some faults (a full disk): roll back
            # only what is still open, so the fault is what gets reported.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error) and (fault := storage_fault(error, self.path)):
                raise fault from error
            raise

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
        """ "ok", or the first problem SQLite's integrity_check finds."""
        problems = self.page_problems(limit=1)
        return problems[0] if problems else "ok"

    def page_problems(self, *, quick: bool = False, limit: int = 10) -> list[str]:
        """What SQLite's integrity_check (or the faster quick_check) finds wrong; [] if
        nothing. A file too damaged to check reports the error that stopped the check."""
        pragma = "quick_check" if quick else "integrity_check"
        try:
            found = [str(row[0]) for row in self.conn.execute(f"PRAGMA {pragma}({limit})")]
        except sqlite3.DatabaseError as error:
            return [str(error)]
        return [] if found == ["ok"] else found
