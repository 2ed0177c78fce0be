"""`annotator export`: write the labelled corpus as JSONL, CSV, Parquet or a spaCy DocBin."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, closing, nullcontext
from typing import cast

import click
from rich.progress import Progress

from annotator.cli.group import command_line, db_option
from annotator.cli.output import echo, rich_console
from annotator.export import FORMATS, ExportOptions, default_output, export_corpus
from annotator.gold import GOLD_METHODS, GoldMethod
from annotator.store import Store


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="File to write; '-' writes JSONL or CSV to stdout. "
    "Default: exports/<database>-<date>.<format>.",
)
@db_option
@click.option("--reviewer", "reviewers", multiple=True, help="Only these reviewers' labels.")
@click.option("--only-labelled", is_flag=True, help="Only claims with a current label.")
@click.option(
    "--gold",
    type=click.Choice(GOLD_METHODS),
    default="majority",
    show_default=True,
    help="Gold label: reviewers' majority, or the adjudicated one (majority where none).",
)
@click.option("--bom", is_flag=True, help="CSV: start with a UTF-8 BOM (for Excel).")
def export(
    fmt: str,
    out: str | None,
    db_path: str,
    reviewers: tuple[str, ...],
    only_labelled: bool,
    gold: str,
    bom: bool,
) -> None:
    """Export one annotator.corpus.v1 record per claim, with a <file>.meta.json sidecar.

    Opens the database read-only. A closed pipe (`| head`) ends the export quietly.

    \b
    Examples:
      annotator export --format jsonl
      annotator export --format csv --bom --only-labelled --out team.csv
      annotator export --format spacy --gold adjudicated --out train.spacy
      annotator export --format jsonl --out - | head
    """
    options = ExportOptions(reviewers, only_labelled, cast(GoldMethod, gold))
    target = out or str(default_output(db_path, fmt))
    with closing(Store(db_path, read_only=True)) as store:
        show = target != "-" and sys.stderr.isatty()
        progress: AbstractContextManager[Progress | None] = (
            Progress(console=rich_console(stderr=True), transient=True) if show else nullcontext()
        )
        with progress as bar:
            advance: Callable[[], None] | None = None
            if bar is not None:
                task = bar.add_task(f"exporting {fmt}", total=store.corpus_counts().claims)

                def advance() -> None:
                    bar.advance(task)

            result = export_corpus(
                store,
                fmt,
                target,
                options,
                bom=bom,
                command=command_line(click.get_current_context()),
                on_record=advance,
            )
    if result.path is not None:
        echo(
            f"{result.path}: {result.tally.records} claims from {result.tally.articles} "
            f"articles ({result.sidecar} describes it)",
            err=True,
        )
