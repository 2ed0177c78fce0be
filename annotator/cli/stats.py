"""`annotator stats`: what the database holds, and how far each reviewer's queue is."""

from __future__ import annotations

import click
from rich.table import Table
from rich.text import Text

from annotator.cli.group import db_option, schema_option
from annotator.cli.output import rich_console
from annotator.labels import load_schema
from annotator.safe_text import clean, plain
from annotator.store import ArticleSummary, QueueStats, Store


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


def article_table(summaries: list[ArticleSummary]) -> Table:
    """Each article: its title and file, the encoding it was read as, its claims, its page
    furniture and the control characters removed from it ("?": stored before ingest
    recorded them)."""
    table = Table("article", "title", "file", "encoding", "claims", "furniture", "controls")
    for a in summaries:
        removed = a.control_characters_removed
        table.add_row(
            a.id,
            plain(a.title or ""),
            plain(a.origin or ""),
            plain(a.encoding or "?"),
            str(a.claims),
            str(a.furniture),
            "?" if removed is None else str(removed),
        )
    return table


@click.command()
@db_option
@schema_option
@click.option(
    "--articles",
    "list_articles",
    is_flag=True,
    help="Also list every article: title, file, the encoding it was read as, its claims.",
)
def stats(db_path: str, schema_path: str | None, list_articles: bool) -> None:
    """Print what the database holds: articles, claims by source type, annotations by
    reviewer, and each reviewer's queue (size and claims rated) when queues are assigned.

    A claim counts as rated when its labels answer the schema's required questions. Page
    furniture (header lines, photo credits, share lines...) is counted apart: it is not
    asked about.

    Opens the database read-only.

    Page furniture (header lines, photo credits, share lines...) is counted apart: it is
    not queued for review.

    \b
    Example:
      annotator stats --db team.db
      annotator stats --articles
    """
    schema = load_schema(schema_path)
    with Store(db_path, read_only=True) as store:
        figures = store.stats()
        queues = store.queue_stats(schema.required_fields)
        summaries = store.article_summaries() if list_articles else []
    console = rich_console()
    console.print(
        Text.assemble(
            (clean(db_path, one_line=True), "bold"),
            f": {figures.articles} articles, {figures.claims} claims "
            f"({figures.furniture} page furniture, not asked about), "
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
    if list_articles:
        console.print(article_table(summaries))
