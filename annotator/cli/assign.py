"""`annotator assign`: split the unassigned articles into reviewers' queues."""

from __future__ import annotations

import random
from contextlib import closing

import click

from annotator.assign import assign_queues
from annotator.cli.group import db_option, require_database, schema_option
from annotator.cli.output import echo, rich_console
from annotator.cli.stats import queue_table
from annotator.labels import load_schema
from annotator.store import Store


@click.command()
@db_option
@click.option(
    "--reviewers",
    required=True,
    help="Comma-separated reviewer names (the names they review under).",
)
@click.option(
    "--overlap",
    type=float,
    default=0.0,
    show_default=True,
    help="Share of the articles (0-1) given to two reviewers, to measure agreement.",
)
@click.option(
    "--seed", type=int, default=None, help="Seed of the split (default: a new one, printed)."
)
@schema_option
def assign(
    db_path: str, reviewers: str, overlap: float, seed: int | None, schema_path: str | None
) -> None:
    """Give each unassigned article to a reviewer, and --overlap of them to two.

    Whole articles, balanced by claims. Articles already assigned are never moved:
    run it again after ingesting new articles to extend the queues. `annotator review`
    then opens on the reviewer's own queue (`--queue all` shows everything), and
    `annotator stats` shows each queue's progress.

    \b
    Example:
      annotator assign --reviewers ana,ben,cem,dan,eve --overlap 0.2 --seed 7
    """
    require_database(db_path)
    schema = load_schema(schema_path)
    names = [name.strip() for name in reviewers.split(",")]
    chosen = seed if seed is not None else random.SystemRandom().randrange(2**31)
    with closing(Store(db_path)) as store:
        result = assign_queues(store, names, overlap, chosen)
        queues = store.queue_stats(schema.required_fields)
    echo(
        f"{db_path}: {result.articles} articles assigned ({result.doubled} to two reviewers), "
        f"seed {result.seed}",
        err=True,
    )
    rich_console().print(queue_table(queues))
