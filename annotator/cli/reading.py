"""Articles read for the commands that extract without a database (extract, evaluate)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.cli.output import echo
from annotator.records import Article

if TYPE_CHECKING:
    from annotator.errors import InputError


class ArticleStream:
    """The articles under ``paths``, in order. A bad file or line sets ``failed`` and goes
    to ``on_error`` (by default an error line on stderr); a reader's warning is said
    once."""

    def __init__(
        self,
        paths: Iterable[str | Path],
        on_error: Callable[[InputError], None] | None = None,
    ) -> None:
        self.paths = list(paths)
        self.failed = False
        self.on_error = on_error or (lambda error: echo(f"error: {error}", err=True))
        self._warned: set[str] = set()

    def __iter__(self) -> Iterator[Article]:
        from annotator.errors import InputError
        from annotator.ingest import read_paths

        for item in read_paths(self.paths):
            if isinstance(item, InputError):
                self.failed = True
                self.on_error(item)
                continue
            for warning in item.warnings:
                if warning not in self._warned:
                    self._warned.add(warning)
                    echo(f"warning: {warning}", err=True)
            yield item
