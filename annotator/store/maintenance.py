"""Snapshots, page-level copies and consistency checks: what `backup` and `check` need."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.store.core import StoreBase

# Pages copied per step of an online backup (4 MB of 4 kB pages): a progress bar moves,
# and nobody waits on it, because the copy only reads.
PAGES_PER_STEP = 1024


@dataclass(frozen=True)
class Snapshot:
    """What a database held at one moment: compared between a file and its copy."""

    schema_version: int
    articles: int
    claims: int
    annotations: int
    head: str  # hash of the newest annotation; "" when there is none


class MaintenanceMixin(StoreBase):
    @contextlib.contextmanager
    def read_snapshot(self) -> Iterator[Snapshot]:
        """Hold one read transaction: everything read inside it sees the same moment.

        In WAL mode writers go on meanwhile; they just are not seen.
        """
        self.conn.execute("BEGIN")
        try:
            yield self.snapshot()  # the first read pins the snapshot
        finally:
            self.conn.execute("COMMIT")

    def snapshot(self) -> Snapshot:
        def count(table: str) -> int:
            return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

        head = self.conn.execute("SELECT hash FROM annotations ORDER BY id DESC LIMIT 1")
        last = head.fetchone()
        return Snapshot(
            schema_version=self.schema_version,
            articles=count("articles"),
            claims=count("claims"),
            annotations=count("annotations"),
            head=last[0] if last else "",
        )

    def copy_pages_to(self, path: Path, progress: Callable[[int, int], None] | None) -> None:
        """Copy the database page by page into a new file with SQLite's online backup API.

        Call it inside `read_snapshot`: the copy is then that snapshot, however busy the
        database. (Outside one, SQLite restarts the copy whenever someone writes, and a
        busy database may never finish.) The copy is one self-contained file: its
        journal mode is set back to DELETE.
        """

        def step(status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)

        target = sqlite3.connect(path)
        try:
            self.conn.backup(target, pages=PAGES_PER_STEP, progress=step)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()

    def dangling_references(self) -> int:
        """Rows whose foreign key points at a row that does not exist."""
        return len(self.conn.execute("PRAGMA foreign_key_check").fetchall())
