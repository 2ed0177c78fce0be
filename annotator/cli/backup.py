"""`annotator backup`: a verified copy of a database, made while reviewers keep working."""

from __future__ import annotations

import click
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

from annotator.backup import backup_database
from annotator.cli.group import db_option
from annotator.cli.output import echo, rich_console
from annotator.ingest import format_size


@click.command()
@click.argument("dest", type=click.Path())
@db_option
def backup(dest: str, db_path: str) -> None:
    """Copy the database to DEST (a new file, or a folder to put a dated copy in).

    The copy is taken with SQLite's online backup API as one consistent snapshot, while
    reviewers keep saving; it is checked (integrity, counts, history chain) before it is
    kept, and it never overwrites a file. Opens the database read-only.

    \b
    Examples:
      annotator backup team-monday.db --db team.db
      annotator backup /mnt/backups/ --db team.db     # team-20260105T093000Z.db
    """
    console = rich_console(stderr=True)
    bar = Progress(
        TextColumn("backing up"),
        BarColumn(),
        TaskProgressColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    task = bar.add_task("backup", total=None)

    def advance(pages_done: int, pages_total: int) -> None:
        bar.update(task, completed=pages_done, total=pages_total)

    with bar:
        result = backup_database(db_path, dest, advance)
    shot = result.snapshot
    echo(
        f"{result.path}: {format_size(result.size)}, verified: {shot.articles} articles, "
        f"{shot.claims} claims, {shot.annotations} annotations, history chain intact"
        + (f" (head {shot.head[:16]})" if shot.head else "")
    )
