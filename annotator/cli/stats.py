"""`annotator stats`: what the database holds."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from annotator.cli.group import db_option
from annotator.store import Store


@click.command()
@db_option
def stats(db_path: str) -> None:
    """Print what the database holds: articles, claims by source type, annotations by reviewer.

    \b
    Example:
      annotator stats --db team.db
    """
    with Store(db_path) as store:
        figures = store.stats()
    console = Console()
    console.print(
        f"[bold]{db_path}[/]: {figures.articles} articles, {figures.claims} claims, "
        f"{figures.anonymous_flagged} flagged anonymous (schema v{figures.schema_version})"
    )
    by_type = Table("source type (machine)", "claims", title=None)
    for source_type, n in figures.claims_by_source_type.items():
        by_type.add_row(source_type, str(n))
    console.print(by_type)
    if figures.annotations_by_reviewer:
        by_reviewer = Table("reviewer", "claims labelled")
        for reviewer, n in figures.annotations_by_reviewer.items():
            by_reviewer.add_row(reviewer, str(n))
        console.print(by_reviewer)
    else:
        click.echo("No annotations yet: run `annotator review`.")
