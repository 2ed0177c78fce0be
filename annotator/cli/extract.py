"""`annotator extract`: the claims found in articles, printed or written as Parquet shards
(no database involved)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

from annotator.cli.group import command_line, model_option, processes_option
from annotator.cli.output import echo, rich_console
from annotator.cli.progress import article_progress, throughput
from annotator.cli.reading import ArticleStream
from annotator.errors import InputError
from annotator.records import Article, ExtractedClaim
from annotator.safe_text import clean, inert_json, plain

if TYPE_CHECKING:
    from rich.table import Table


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="One JSON object per claim, or a readable table (printed; not with --out).",
)
@click.option(
    "--out",
    "out",
    default=None,
    metavar="FOLDER",
    help="Write Parquet shards (the JSONL columns) and a manifest to FOLDER (a path, or "
    "an fsspec URL such as s3://bucket/run1) instead of printing; load them with "
    "`annotator ingest FOLDER`.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="local|ADDRESS",
    help="Extract on a Dask cluster (needs annotator[dask] and --out): `local` starts one "
    "here with --processes workers; ADDRESS is a running scheduler (tcp://host:8786).",
)
@click.option(
    "--shard-size",
    type=click.IntRange(min=1),
    default=500,
    show_default=True,
    help="Articles per shard (and per task sent to a Dask worker).",
)
@model_option
@processes_option
@click.pass_context
def extract(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str,
    out: str | None,
    scheduler: str | None,
    shard_size: int,
    model: str | None,
    n_process: int,
) -> None:
    """Find the claims in PATHS (files or folders) and who each rests on.

    Offsets index each article's text exactly as read. Bad files are reported on stderr
    and the rest still run; the exit status is 1 if any failed. A progress bar shows
    on a terminal, and the articles per minute are printed on stderr at the end.

    \b
    Example:
      annotator extract seeds/ --format table
      annotator extract article.txt > claims.jsonl
      annotator extract archive/ --out shards/ --processes 2
      annotator extract archive/ --out shards/ --scheduler local --processes 4
      annotator extract archive/ --out s3://team/run1 --scheduler tcp://10.0.0.5:8786
    """
    if scheduler is not None and out is None:
        raise click.UsageError("--scheduler writes shards: add --out FOLDER")
    if out is not None and ctx.get_parameter_source("fmt") != click.core.ParameterSource.DEFAULT:
        raise click.UsageError("--format is for printed claims; --out writes Parquet shards")
    if scheduler not in (None, "local") and n_process != 1:
        raise click.UsageError(
            "--processes sets the workers of --scheduler local; a remote cluster has the "
            "workers its `dask worker` commands started"
        )
    from annotator.ingest import count_inputs

    console = rich_console(stderr=True)
    # Printed claims on a terminal are progress enough; a bar would tangle with them.
    bar = article_progress("extracting", console, show=out is not None or not sys.stdout.isatty())
    # Counting first costs a quick extra read of JSONL and CSV files: only worth it when
    # someone is watching the bar.
    task = bar.add_task("extract", total=None if bar.disable else count_inputs(paths))
    failed = False

    def report(error: InputError) -> None:
        nonlocal failed
        failed = True
        console.print(
            f"error: {clean(str(error), one_line=True)}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )

    started = time.perf_counter()
    with bar:
        if out is not None:
            from annotator.scale.run import extract_to_shards

            manifest = extract_to_shards(
                paths,
                out,
                scheduler=scheduler,
                model=model,
                n_process=n_process,
                shard_size=shard_size,
                command=command_line(ctx),
                on_articles=lambda n: bar.advance(task, n),
                on_error=report,
            )
            done = manifest.articles
            summary = f"; {len(manifest.shards)} shard(s), {manifest.claims:,} claims in {out}"
        else:
            done = _print_claims(paths, fmt, model, n_process, report, lambda: bar.advance(task))
            summary = ""
    echo(f"extracted {throughput(done, time.perf_counter() - started)}{summary}", err=True)
    if failed:
        sys.exit(1)


def _print_claims(
    paths: tuple[str, ...],
    fmt: str,
    model: str | None,
    n_process: int,
    report: Callable[[InputError], None],
    advance: Callable[[], None],
) -> int:
    """Print the claims of every article under ``paths``; returns how many articles."""
    # Imported here so `annotator --help` and the review UI never load spaCy.
    from annotator.nlp.pipeline import load_extractor

    articles = ArticleStream(paths, on_error=report)
    extractor = load_extractor(model)
    console = rich_console()
    done = 0
    for article, claims in extractor.extract(articles, n_process=n_process):
        done += 1
        advance()
        if fmt == "jsonl":
            for claim in claims:
                record = claim.to_json(article.id, article.origin)
                sys.stdout.write(inert_json(json.dumps(record, ensure_ascii=False)) + "\n")
        else:
            console.print(_table(article, claims))
    return done


def _table(article: Article, claims: list[ExtractedClaim]) -> Table:
    from rich.table import Table

    table = Table(title=plain(article.origin or article.id), show_lines=False)
    for col in ("#", "kind", "type", "anon", "source", "cue", "claim"):
        table.add_column(col, overflow="fold")
    for c in claims:
        source = c.source.text if c.source else ""
        if c.resolved_to is not None:
            source = f"{source} → {c.resolved_to.text}" if source else f"→ {c.resolved_to.text}"
        table.add_row(  # article text is data: never markup, never terminal controls
            str(c.seq),
            c.kind,
            c.source_type,
            "yes" if c.anonymous_flag else "",
            plain(source),
            plain(c.cue.text if c.cue else ""),
            plain(c.text if len(c.text) < 160 else c.text[:157] + "..."),
        )
    return table
