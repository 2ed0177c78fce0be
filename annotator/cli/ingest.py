"""`annotator ingest`: read articles from files into the database, with their claims."""

from __future__ import annotations

import time
from typing import Any

import click

from annotator.cli.group import db_option, model_option, processes_option
from annotator.cli.output import rich_console
from annotator.cli.progress import article_progress, throughput
from annotator.ingest import (
    DEFAULT_MAX_BYTES,
    IngestReport,
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
    the exit status is 1 if anything failed. A progress bar shows on a terminal, and
    the articles per minute are printed at the end. A file that is not UTF-8 is read as
    Windows-1252 unless another charset is clearly more plausible; a doubtful guess is
    a warning naming the file. Escape codes and control characters are removed; header
    lines, photo credits, share lines and other page furniture stay in the text but are
    not queued for review.

    A folder of Parquet shards written by `annotator extract --out` is bulk-loaded
    without the model, one transaction per shard: loading it again adds nothing, and a
    shard that is missing or cut short is refused by name while the rest load.

    \b
    Example:
      annotator ingest seeds/ corpus.jsonl --db team.db --max-size 50MB
      annotator ingest archive/ --processes 2
      annotator ingest shards/ --db team.db
    """
    # pyarrow loads only for shard folders.
    from annotator.ingest.shards import ingest_shards, is_shard_folder, shard_articles

    shard_folders = [p for p in paths if is_shard_folder(p)]
    files = [p for p in paths if p not in shard_folders]
    console = rich_console(stderr=True)
    bar = article_progress("ingesting", console)
    # Counting first costs a quick extra read of JSONL and CSV files: only worth it
    # when someone is watching the bar.
    total = None
    if not bar.disable:
        total = count_inputs(files, max_bytes=max_bytes) + sum(map(shard_articles, shard_folders))
    task = bar.add_task("ingest", total=total)

    warned: set[str] = set()

    def show(step: IngestStep) -> None:
        bar.advance(task)
        problems = [] if step.error is None else [f"error: {step.error}"]
        problems += [f"warning: {w}" for w in step.warnings if w not in warned]
        warned.update(step.warnings)
        for problem in problems:
            console.print(
                f"annotator: {clean(problem, one_line=True)}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )

    report = IngestReport()
    started = time.perf_counter()
    store = Store(db_path)
    with store, bar:
        for folder in shard_folders:
            report.merge(ingest_shards(store, folder, progress=show))
        if files or not shard_folders:
            report.merge(
                ingest_paths(
                    store,
                    files,
                    model=model,
                    max_bytes=max_bytes,
                    n_process=n_process,
                    progress=show,
                )
            )
    rate = f"; stored {throughput(report.added, time.perf_counter() - started)}"
    click.echo(report.summary() + (rate if report.added else ""))
    if report.failed:
        raise SystemExit(1)
