"""`annotator check`: integrity, schema version and history chain of a database, in one line."""

from __future__ import annotations

import sys

import click

from annotator.check import check_database
from annotator.cli.group import db_option
from annotator.cli.output import echo


@click.command()
@db_option
def check(db_path: str) -> None:
    """Check a database: every page (SQLite's integrity_check), the schema version, and
    the hash chain of the annotation history. Prints one line; exit status 1 on any problem.

    Opens the database read-only and changes nothing.

    \b
    Example:
      annotator check --db team.db
    """
    report = check_database(db_path)
    echo(report.line(), err=not report.ok)
    sys.exit(0 if report.ok else 1)
