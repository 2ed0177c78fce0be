"""`annotator import-labels`: add reviewers' labels from a JSONL file."""

from __future__ import annotations

from contextlib import closing

import click

from annotator.cli.group import db_option, require_database, schema_option
from annotator.cli.output import echo
from annotator.importing import import_labels
from annotator.labels import load_schema
from annotator.store import Store


@click.command("import-labels")
@click.argument("file", type=click.Path(dir_okay=False))
@db_option
@schema_option
def import_labels_command(file: str, db_path: str, schema_path: str | None) -> None:
    """Import labels: one annotation per line, or the records of a JSONL export.

    A line is {"claim": ID, "reviewer": NAME, "labels": {...}, "note": TEXT}; labels
    may answer any subset of the schema's questions. Spans ({"start": N, "end": M}
    character offsets, or null) must lie inside the article, and labels must keep the
    schema's rules. Bad lines are reported with their number and the field or rule, and
    skipped (exit status 1); identical records already stored are not added again.

    \b
    Example:
      annotator import-labels ratings.jsonl --db team.db
      annotator import-labels exports/alice-2026-01-05.jsonl --db fresh.db
    """
    require_database(db_path)
    schema = load_schema(schema_path)
    with closing(Store(db_path)) as store:
        report = import_labels(store, file, schema)
    for error in report.errors:
        echo(f"Error: {error}", err=True)
    echo(
        f"{file}: {report.added} annotations added, {report.present} already present, "
        f"{len(report.errors)} lines failed",
        err=True,
    )
    if report.errors:
        raise SystemExit(1)
