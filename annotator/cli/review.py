"""`annotator review`: ingest the given files, then label their claims in the terminal."""

from __future__ import annotations

import getpass
import os

import click

from annotator.cli.group import db_option, model_option, reviewer_option, schema_option
from annotator.cli.output import echo
from annotator.labels import load_schema
from annotator.store import Store
from annotator.tui.views import FILTERS, QUEUES

# Shared with `annotator serve`, which runs this command for every browser.
filter_option = click.option(
    "--filter",
    "view",
    type=click.Choice(list(FILTERS)),
    default="all",
    show_default=True,
    help="Which claims to step through.",
)
queue_option = click.option(
    "--queue",
    type=click.Choice(QUEUES),
    default="mine",
    show_default=True,
    help="mine: the articles `annotator assign` gave you (every claim when nobody has a "
    "queue); all: every claim.",
)


def default_reviewer() -> str:
    """ANNOTATOR_REVIEWER, else the login name."""
    return os.environ.get("ANNOTATOR_REVIEWER") or getpass.getuser()


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@model_option
@reviewer_option("in the history")
@schema_option
@filter_option
@queue_option
def review(
    paths: tuple[str, ...],
    db_path: str,
    model: str | None,
    reviewer: str | None,
    schema_path: str | None,
    view: str,
    queue: str,
) -> None:
    """Ingest PATHS (already-ingested articles are skipped quickly), then review their claims.

    Opens on your own queue (see `annotator assign`), limited to PATHS when given, at the
    first claim you have not rated. Keys: 1-5 rate and move on, 0 can't judge, letters
    set the source type, s/t correct the source/cue span, enter accepts, j/k move, l lists
    articles, ctrl+z undoes, ? help. Every rating is committed before the next claim is
    shown.

    \b
    Example:
      annotator review seeds/ --reviewer alice
      annotator review --db team.db --filter unrated
      annotator review --db team.db --queue all
    """
    schema = load_schema(schema_path)
    articles = None
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
        articles = report.article_ids

    from annotator.tui.app import make_app  # Textual loads only for this command

    name = reviewer or default_reviewer()
    make_app(db_path, name, schema, view=view, queue=queue, articles=articles).run()
