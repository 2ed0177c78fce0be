"""`check_database`: is this file a sound annotator database? One line, for people and CI.

Three checks, none of which writes: SQLite's integrity check of every page (and that
no row refers to one that is missing), the schema version against this annotator's,
and the hash chain of the annotation history.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from annotator.audit.chain import verify_chain
from annotator.audit.report_text import chain_line
from annotator.store import Store
from annotator.store.migrations import SCHEMA_VERSION

# Page problems quoted in the line: the first, and how many more there are (up to this).
PAGE_PROBLEMS = 10


@dataclass
class CheckReport:
    path: str
    problems: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)  # what was found sound

    @property
    def ok(self) -> bool:
        return not self.problems

    def line(self) -> str:
        if self.ok:
            return f"{self.path}: OK: " + "; ".join(self.findings)
        count = len(self.problems)
        return f"{self.path}: {count} problem{'s' * (count != 1)}: " + "; ".join(self.problems)


def check_database(path: str | Path) -> CheckReport:
    """Check the database at `path` (opened read-only, never migrated)."""
    report = CheckReport(str(path))
    checks = (("pages", _check_pages), ("schema", _check_version), ("history", _check_history))
    with Store(path, migrate=False, read_only=True) as store:
        for name, check in checks:
            try:
                check(store, report)
            except sqlite3.DatabaseError as error:  # damage the page check may also name
                report.problems.append(f"{name}: cannot be read ({error})")
    return report


def _check_pages(store: Store, report: CheckReport) -> None:
    problems = store.page_problems(limit=PAGE_PROBLEMS)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        report.problems.append(f"pages: {problems[0]}{more}")
        return
    dangling = store.dangling_references()
    if dangling:
        report.problems.append(f"references: {dangling} rows refer to rows that do not exist")
    else:
        report.findings.append("pages intact")


def _check_version(store: Store, report: CheckReport) -> None:
    version = store.schema_version  # a newer version was refused when the file opened
    if version == 0 or not store.db["articles"].exists():
        report.problems.append("schema: not an annotator database (no annotator tables)")
    elif version < SCHEMA_VERSION:
        report.findings.append(
            f"schema version {version} (older than {SCHEMA_VERSION}: the next command that "
            "writes to it upgrades it)"
        )
    else:
        report.findings.append(f"schema version {version} (current)")


def _check_history(store: Store, report: CheckReport) -> None:
    if not store.db["annotations"].exists():
        return
    chain = verify_chain(store.chain_rows())
    text = chain_line(chain).plain.removeprefix("History: ")
    (report.findings if chain.ok else report.problems).append(f"history {text}")
