"""`annotator merge`: combine several reviewers' databases into one."""

from __future__ import annotations

import click

from annotator.cli.output import echo
from annotator.merge import merge_databases


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--into",
    required=True,
    type=click.Path(dir_okay=False),
    help="Team database to merge into (created if missing).",
)
def merge(sources: tuple[str, ...], into: str) -> None:
    """Merge databases: articles once, every reviewer's annotations and history kept.

    Re-running the same merge adds nothing.

    \b
    Example:
      annotator merge alice.db bob.db --into team.db
    """
    for counts in merge_databases(list(sources), into):
        echo(
            f"{counts.source}: {counts.articles_added} articles added "
            f"({counts.articles_present} already present), "
            f"{counts.annotations_added} annotations added "
            f"({counts.annotations_present} already present"
            + (
                f", {counts.annotations_without_claim} on claims {into} lacks"
                if counts.annotations_without_claim
                else ""
            )
            + ")",
            err=True,
        )
