"""Walking files and folders, and choosing the reader for each file."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.ingest.jsonl import read_jsonl
from annotator.ingest.page import read_html
from annotator.ingest.plain import read_plain
from annotator.ingest.size import DEFAULT_MAX_BYTES
from annotator.ingest.table import read_csv
from annotator.records import MAX_ARTICLE_CHARS, Article

Reader = Callable[[Path, int], Iterator[Article | InputError]]

READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".md": read_plain,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
}


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | InputError]:
    """Articles from files and folders (recursively, sorted), with errors in their place.

    In folders, hidden entries and files of other types are skipped silently; a file
    named explicitly must be of a known type. One bad file or line yields an
    InputError and reading goes on.
    """
    for item in input_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            for read in READERS[item.suffix.lower()](item, max_bytes):
                yield _checked_length(read)
        except InputError as error:
            yield error


def _checked_length(item: Article | InputError) -> Article | InputError:
    """An article too long to parse is an error of its own; the batch goes on."""
    if isinstance(item, InputError) or len(item.text) <= MAX_ARTICLE_CHARS:
        return item
    return InputError.at(
        item.origin or item.id,
        f"article is {len(item.text):,} characters, over the {MAX_ARTICLE_CHARS:,} "
        "that extraction handles; split it into several articles",
    )


def input_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Every file to read, in order, or an error for a path that cannot be read."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _folder_files(path)
        elif not path.exists():
            yield InputError(str(path), "no such file or folder; check the path")
        elif path.suffix.lower() not in READERS:
            yield InputError(
                str(path),
                f"unsupported file type {path.suffix or '(no extension)'!r}; "
                f"ingest {', '.join(READERS)} files",
            )
        else:
            yield path


def _folder_files(folder: Path, seen: frozenset[Path] = frozenset()) -> Iterator[Path | InputError]:
    real = folder.resolve()
    if real in seen:  # a symlink back up the tree: walking it would never end
        return
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        yield InputError(str(folder), f"cannot list ({error.strerror}); check its permissions")
        return
    for path in entries:
        if path.name.startswith("."):
            continue
        if path.is_dir():
            yield from _folder_files(path, seen | {real})
        elif path.suffix.lower() in READERS:
            yield path


def count_inputs(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """How many articles and errors `read_paths` will yield, for a progress bar's total.

    Exact for every format; cheap because only JSONL and CSV files (many articles
    each, quick to parse) are read, while a page or text file counts as one.
    """
    total = 0
    for item in input_files(paths):
        if isinstance(item, Path) and item.suffix.lower() in {".jsonl", ".csv"}:
            try:
                total += sum(1 for _ in READERS[item.suffix.lower()](item, max_bytes))
            except InputError:
                total += 1
        else:
            total += 1
    return total
