"""`.txt` and `.md` files: one article each, its text exactly as decoded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.ingest.decode import decode, read_bytes
from annotator.records import Article


def read_plain(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    """The file as one article; the title is its first non-empty line.

    The text keeps the title line and every byte as decoded, because claim offsets
    index it exactly. Markdown only loses its heading marks in the title.
    """
    text = decode(path, read_bytes(path, max_bytes))
    if not text.strip():
        yield InputError(str(path), "file is empty; add the article text or remove the file")
        return
    title = next(line.strip() for line in text.splitlines() if line.strip())
    if path.suffix.lower() == ".md":
        title = title.lstrip("#").strip()
    yield Article(text=text, title=title or None, origin=str(path))
