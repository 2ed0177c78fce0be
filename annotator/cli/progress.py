"""The progress bar of commands that work through articles (ingest, evaluate)."""

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


def article_progress(doing: str, console: Console) -> Progress:
    """ "``doing`` ━━━━ 12/84 articles 0:00:05 0:00:30" on ``console``; gone when done, and
    silent when ``console`` is not a terminal (a log file gets no bar)."""
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
        disable=not console.is_terminal,
    )
