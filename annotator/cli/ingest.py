"""`annotator ingest`: read articles from files into the database, with their claims."""

from __future__ import annotations

from typing import Any

import click

from annotator.cli.group import db_option, model_option, processes_option
from annotator.cli.output import rich_console
from annotator.cli.progress import article_progress
from annotator.ingest import (
    DEFAULT_MAX_BYTES,
    IngestStep,
    count_inputs,
    format_size,
    ingest_paths,
    parse_size,
)
from annotator.safe_text import clean
from annotator.store import Store


class SizeType(click.ParamType):
    """`20MB`, `500KB`, `1GB` or a number of bytes."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_size(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@model_option
@click.option(
    "--max-size",
    "max_bytes",
    type=SizeType(),
    default=format_size(DEFAULT_MAX_BYTES).replace(" ", ""),
    show_default=True,
    help="Refuse input files larger than this (e.g. 20MB, 500KB).",
)
@processes_option
def ingest(
    paths: tuple[str, ...], db_path: str, model: str | None, max_bytes: int, n_process: int
) -> None:
    """Read articles from PATHS (files or folders) and store them with their claims.

    Reads .txt, .md, .html/.htm, .jsonl (one {"text": ...} object per line) and .csv
    (a "text" column). Articles already in the database are skipped without loading
    the model. Each bad file or line is reported on stderr and the rest still ingest;
    the exit status is 1 if anything failed.

    \b
    Example:
      annotator ingest seeds/ corpus.jsonl --db team.db --max-size 50MB
    """
    console = rich_console(stderr=True)
    bar = article_progress("ingesting", console)
    # Counting first costs a quick extra read of JSONL and CSV files: only worth it
    # when someone is watching the bar.
    total = count_inputs(paths, max_bytes=max_bytes) if console.is_terminal else None
    task = bar.add_task("ingest", total=total)

    def show(step: IngestStep) -> None:
        bar.advance(task)
        if step.error is not None:
            console.print(
                f"annotator: error: {clean(str(step.error), one_line=True)}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )

    store = Store(db_path)
    with store, bar:
        report = ingest_paths(
            store, paths, model=model, max_bytes=max_bytes, n_process=n_process, progress=show
        )
    click.echo(report.summary())
    if report.failed:
        raise SystemExit(1)
