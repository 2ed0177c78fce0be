"""The progress bar of commands that work through articles (ingest, extract, evaluate),
and the throughput they print when done."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


def article_progress(doing: str, console: Console, show: bool = True) -> Progress:
    """ "``doing`` ━━━━ 12/84 articles 0:00:05 0:00:30" on ``console``; gone when done, and
    silent when ``console`` is not a terminal (a log file gets no bar) or not ``show``.

    Standard output is left alone: what a command prints there (claims piped to a file)
    must not be routed through the bar's console."""
    return Progress(
        SpinnerColumn(),
        TextColumn(doing),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not (show and console.is_terminal),
        redirect_stdout=False,
    )


def throughput(articles: int, seconds: float) -> str:
    """ "84 articles in 12.3 s (410 articles/min)": the figure printed when a run ends."""
    per_minute = articles * 60 / seconds if seconds > 0 else 0.0
    return f"{articles:,} articles in {seconds:.1f} s ({per_minute:,.0f} articles/min)"
