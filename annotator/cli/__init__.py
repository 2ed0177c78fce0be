"""Command line: `annotator COMMAND`. One module per command, imported only when run."""

from annotator.cli.group import main

__all__ = ["main"]
