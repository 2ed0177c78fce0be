"""`annotator review`: ingest the given files, then label their claims in the terminal."""

from __future__ import annotations

import getpass
import os

import click

from annotator.cli.group import db_option, model_option, reviewer_option, schema_option
from annotator.cli.output import echo
from annotator.labels import load_schema
from annotator.store import Store
from annotator.tui.views import FILTERS


def default_reviewer() -> str:
    """ANNOTATOR_REVIEWER, else the login name."""
    return os.environ.get("ANNOTATOR_REVIEWER") or getpass.getuser()


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@model_option
@reviewer_option("in the history")
@schema_option
@click.option(
    "--filter",
    "view",
    type=click.Choice(list(FILTERS)),
    default="all",
    show_default=True,
    help="Which claims to step through.",
)
def review(
    paths: tuple[str, ...],
    db_path: str,
    model: str | None,
    reviewer: str | None,
    schema_path: str | None,
    view: str,
) -> None:
    """Ingest PATHS (already-ingested articles are skipped quickly), then review claims.

    Opens on the first claim you have not rated. Keys: 1-5 rate and move on, 0 can't
    judge, letters set the source type, enter accepts, j/k move, ctrl+z undoes, ? help.
    Every rating is committed before the next claim is shown.

    \b
    Example:
      annotator review seeds/ --reviewer alice
      annotator review --db team.db --filter unrated
    """
    schema = load_schema(schema_path)
    if paths:
        from annotator.ingest import ingest_paths  # loads spaCy only for new articles

        store = Store(db_path)
        try:
            report = ingest_paths(store, paths, model=model)
        finally:
            store.close()
        echo(f"ingest: {report.summary()}", err=True)
        for problem in report.failed:
            echo(f"  {problem}", err=True)

    from annotator.tui.app import make_app  # Textual loads only for this command

    make_app(db_path, reviewer or default_reviewer(), schema, view=view).run()
