"""Several processes opening a new database at once: each gets it, migrated once.

Reviewers of a team start `annotator review --db team.db` at the same moment; the
migrations read the schema version only once they hold the write lock.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.synchronize import Barrier
from pathlib import Path

from annotator.store import Store
from annotator.store.migrations import SCHEMA_VERSION

PROCESSES = 8
ROUNDS = 3


def open_store(path: str, start: Barrier, outcomes: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    start.wait()  # every process opens at the same moment
    try:
        Store(path).close()
        outcomes.put("ok")
    except Exception as error:  # reported to the test, which names it
        outcomes.put(f"{type(error).__name__}: {error}")


def test_processes_opening_a_new_database_together_all_succeed(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    for round_ in range(ROUNDS):
        path = tmp_path / f"new{round_}.db"
        start, outcomes = context.Barrier(PROCESSES), context.Queue()
        processes = [
            context.Process(target=open_store, args=(str(path), start, outcomes))
            for _ in range(PROCESSES)
        ]
        for process in processes:
            process.start()
        results = [outcomes.get(timeout=120) for _ in processes]
        for process in processes:
            process.join(timeout=120)
        assert results == ["ok"] * PROCESSES
        with Store(path) as store:
            assert store.schema_version == SCHEMA_VERSION
            migrations = store.conn.execute(
                "SELECT count(*) FROM events WHERE kind = 'migrate'"
            ).fetchone()[0]
            assert migrations == SCHEMA_VERSION  # each migration ran once
