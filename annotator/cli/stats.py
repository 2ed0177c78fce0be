"""`annotator stats`: what the database holds."""

from __future__ import annotations

import click
from rich.table import Table
from rich.text import Text

from annotator.cli.group import db_option
from annotator.cli.output import rich_console
from annotator.safe_text import clean
from annotator.store import Store


@click.command()
@db_option
def stats(db_path: str) -> None:
    """Print what the database holds: articles, claims by source type, annotations by reviewer.

    Opens the database read-only.

    \b
    Example:
      annotator stats --db team.db
    """
    with Store(db_path, read_only=True) as store:
        figures = store.stats()
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
        by_type.add_row(Text(clean(source_type)), str(n))
    console.print(by_type)
    if figures.annotations_by_reviewer:
        by_reviewer = Table("reviewer", "claims labelled")
        for reviewer, n in figures.annotations_by_reviewer.items():
            by_reviewer.add_row(Text(clean(reviewer)), str(n))
        console.print(by_reviewer)
    else:
        click.echo("No annotations yet: run `annotator review`.")
