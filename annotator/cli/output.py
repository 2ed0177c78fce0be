"""How the command line writes: data made inert, and a quiet end when the reader goes.

Every line that holds data (file names, reviewer names, anything read from a file or a
database) goes through `echo` or a `rich_console()`'s renderables built with
`safe_text.plain`; a closed pipe (`annotator export --out - | head`) ends the command
as it ends other Unix tools, without a word and with status 141 (128 + SIGPIPE).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from annotator.safe_text import clean

if TYPE_CHECKING:
    from rich.console import Console

CLOSED_PIPE_STATUS = 128 + getattr(signal, "SIGPIPE", 13)


def echo(line: str, *, err: bool = False) -> None:
    """Print one line that holds data, made inert."""
    click.echo(clean(line, one_line=True), err=err)


def end_quietly() -> NoReturn:
    """The reader of our output went away: stop without a word."""
    # Later writes, and the interpreter's last flush, go nowhere instead of failing again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a test runner's buffer has no fd
            os.dup2(devnull, stream.fileno())
    sys.exit(CLOSED_PIPE_STATUS)


def rich_console(**options: Any) -> Console:
    """A Rich console (stdout, or `stderr=True`) that ends quietly on a closed pipe."""
    from rich.console import Console  # not paid for by commands that print plain lines

    class QuietOnClosedPipe(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            end_quietly()

    return QuietOnClosedPipe(**options)
