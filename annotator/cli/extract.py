"""`annotator extract`: print the claims found in articles (no database involved)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from annotator.cli.group import model_option, processes_option
from annotator.cli.output import echo, rich_console
from annotator.records import Article
from annotator.safe_text import inert_json, plain


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="One JSON object per claim, or a readable table.",
)
@model_option
@processes_option
def extract(paths: tuple[str, ...], fmt: str, model: str | None, n_process: int) -> None:
    """Find the claims in PATHS (files or folders) and who each rests on.

    Offsets index each article's text exactly as read. Bad files are reported on stderr
    and the rest still run; the exit status is 1 if any failed.

    \b
    Example:
      annotator extract seeds/ --format table
      annotator extract article.txt > claims.jsonl
    """
    # Imported here so `annotator --help` and the review UI never load spaCy.
    from rich.table import Table

    from annotator.errors import InputError
    from annotator.ingest import read_paths
    from annotator.nlp.pipeline import load_extractor

    failed = False

    def articles() -> Iterator[Article]:
        nonlocal failed
        for item in read_paths(paths):
            if isinstance(item, InputError):
                failed = True
                echo(f"error: {item}", err=True)
            else:
                yield item

    extractor = load_extractor(model)
    console = rich_console()
    for article, claims in extractor.extract(articles(), n_process=n_process):
        if fmt == "jsonl":
            for claim in claims:
                record = claim.to_json(article.id, article.origin)
                sys.stdout.write(inert_json(json.dumps(record, ensure_ascii=False)) + "\n")
            continue
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
        console.print(table)
    if failed:
        sys.exit(1)
