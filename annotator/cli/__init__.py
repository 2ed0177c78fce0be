"""Command line: `annotator COMMAND`. One module per command; this file registers them."""

from annotator.cli import ingest, stats  # noqa: F401  (each import registers a command)
from annotator.cli.group import main

__all__ = ["main"]
