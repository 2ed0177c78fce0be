"""`annotator stats`: what the database holds, and how far each reviewer's queue is."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from annotator.cli.group import db_option, schema_option
from annotator.labels import load_schema
from annotator.store import QueueStats, Store


def queue_table(queues: list[QueueStats]) -> Table:
    """Each reviewer's queue: articles, claims, rated, and the share done."""
    table = Table("queue (reviewer)", "articles", "claims", "rated", "done")
    for queue in queues:
        share = queue.rated / queue.claims if queue.claims else 1.0
        table.add_row(
            Text(queue.reviewer),
            str(queue.articles),
            str(queue.claims),
            str(queue.rated),
            f"{share:.0%}",
        )
    return table


@click.command()
@db_option
@schema_option
def stats(db_path: str, schema_path: str | None) -> None:
    """Print what the database holds: articles, claims by source type, annotations by
    reviewer, and each reviewer's queue (size and claims rated) when queues are assigned.

    A claim counts as rated when its labels answer the schema's required questions.

    \b
    Example:
      annotator stats --db team.db
    """
    schema = load_schema(schema_path)
    with Store(db_path) as store:
        figures = store.stats()
        queues = store.queue_stats(schema.required_fields)
    console = Console()
    console.print(
        f"[bold]{db_path}[/]: {figures.articles} articles, {figures.claims} claims, "
        f"{figures.anonymous_flagged} flagged anonymous (schema v{figures.schema_version})",
        markup=True,
        highlight=False,
    )
    by_type = Table("source type (machine)", "claims", title=None)
    for source_type, n in figures.claims_by_source_type.items():
        by_type.add_row(source_type, str(n))
    console.print(by_type)
    if figures.annotations_by_reviewer:
        by_reviewer = Table("reviewer", "claims labelled")
        for reviewer, n in figures.annotations_by_reviewer.items():
            by_reviewer.add_row(Text(reviewer), str(n))
        console.print(by_reviewer)
    else:
        click.echo("No annotations yet: run `annotator review`.")
    if queues:
        console.print(queue_table(queues))
    else:
        click.echo("No queues: `annotator assign --reviewers a,b,c` splits the work.")
