"""`annotator stats`: what the database holds, and how far each reviewer's queue is."""

from __future__ import annotations

import click
from rich.table import Table
from rich.text import Text

from annotator.cli.group import db_option, schema_option
from annotator.cli.output import rich_console
from annotator.labels import load_schema
from annotator.safe_text import clean, plain
from annotator.store import QueueStats, Store


def queue_table(queues: list[QueueStats]) -> Table:
    """Each reviewer's queue: articles, claims, rated, and the share done."""
    table = Table("queue (reviewer)", "articles", "claims", "rated", "done")
    for queue in queues:
        share = queue.rated / queue.claims if queue.claims else 1.0
        table.add_row(
            plain(queue.reviewer),
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

    Opens the database read-only.

    \b
    Example:
      annotator stats --db team.db
    """
    schema = load_schema(schema_path)
    with Store(db_path, read_only=True) as store:
        figures = store.stats()
        queues = store.queue_stats(schema.required_fields)
    console = rich_console()
    console.print(
        Text.assemble(
            (clean(db_path, one_line=True), "bold"),
            f": {figures.articles} articles, {figures.claims} claims, "
            f"{figures.anonymous_flagged} flagged anonymous "
            f"(schema v{figures.schema_version})",
        )
    )
    # Names come from the data (a merged or imported file): never markup, never controls.
    by_type = Table("source type (machine)", "claims", title=None)
    for source_type, n in figures.claims_by_source_type.items():
        by_type.add_row(plain(source_type), str(n))
    console.print(by_type)
    if figures.annotations_by_reviewer:
        by_reviewer = Table("reviewer", "claims labelled")
        for reviewer, n in figures.annotations_by_reviewer.items():
            by_reviewer.add_row(plain(reviewer), str(n))
        console.print(by_reviewer)
    else:
        click.echo("No annotations yet: run `annotator review`.")
    if queues:
        console.print(queue_table(queues))
    else:
        click.echo("No queues: `annotator assign --reviewers a,b,c` splits the work.")
