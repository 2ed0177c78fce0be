"""Command line: `annotator COMMAND`. One module per command; this file registers them."""

from annotator.cli import ingest, review, stats  # noqa: F401  (each import registers a command)
from annotator.cli import adjudicate, audit  # noqa: F401
from annotator.cli import export, import_labels, merge  # noqa: F401
from annotator.cli import extract, evaluate  # noqa: F401
from annotator.cli.group import main

__all__ = ["main"]
