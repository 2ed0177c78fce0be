"""`annotator audit`: agreement, reviewer habits, detector quality, sourcing, history check."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import click
from rich.console import Console

from annotator.audit.chain import verify_chain
from annotator.audit.report import build_report
from annotator.audit.report_html import report_html
from annotator.audit.report_json import report_json
from annotator.audit.report_text import chain_line, print_report
from annotator.audit.reviewers import FAST_SECONDS
from annotator.cli.group import db_option, schema_option
from annotator.cli.output import echo, rich_console
from annotator.errors import ReportError
from annotator.gold import GOLD_METHODS
from annotator.labels import load_schema
from annotator.store import Store


@click.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option("--out", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option(
    "--fast",
    type=click.FloatRange(min=0),
    default=FAST_SECONDS,
    show_default=True,
    help="Count claims rated in fewer SECONDS than this.",
)
@click.option(
    "--gold",
    type=click.Choice(GOLD_METHODS),
    default="adjudicated",
    show_default=True,
    help="Gold for the detector's confusion matrix: adjudicated (a decision where there is "
    "one, else the majority) or majority. Accuracy is given against both.",
)
@schema_option
@click.option(
    "--pin",
    metavar="HASH",
    help="A head hash printed by an earlier audit: fail if it is gone (rows deleted at the end).",
)
@click.option(
    "--verify-only", is_flag=True, help="Only verify the history chain; exit 1 when it is broken."
)
def audit(
    db_path: str,
    fmt: str,
    out: str | None,
    fast: float,
    gold: str,
    schema_path: str | None,
    pin: str | None,
    verify_only: bool,
) -> None:
    """Audit the reviewers, the detector and the tamper-evident history of a database.

    Opens the database read-only.

    \b
    Examples:
      annotator audit --db team.db
      annotator audit --db team.db --format html --out audit.html
      annotator audit --db team.db --verify-only     # for CI: exit 1 if tampered
      annotator audit --db team.db --verify-only --pin b0f55e03d3900c0b...
    """
    with contextlib.closing(Store(db_path, read_only=True)) as store:
        if verify_only:
            chain = verify_chain(store.chain_rows(), pin)
            rich_console(stderr=not chain.ok).print(chain_line(chain))
            sys.exit(0 if chain.ok else 1)
        report = build_report(
            store,
            load_schema(schema_path),
            gold="adjudicated" if gold == "adjudicated" else "majority",
            fast=fast,
            pinned=pin,
        )
    if fmt == "text" and out is None:
        print_report(report, rich_console())
        return
    if fmt == "text":
        console = Console(record=True, width=120, file=io.StringIO())
        print_report(report, console)
        content = console.export_text()
    else:
        content = report_json(report) if fmt == "json" else report_html(report)
    if out is None:
        click.echo(content, nl=False)
        return
    try:
        Path(out).write_text(content, encoding="utf-8")
    except OSError as error:
        raise ReportError(f"{out}: cannot write the report ({error.strerror})") from error
    echo(f"Wrote {out}", err=True)
