"""`.txt` and `.md` files: one article each, its text as decoded, control characters removed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.ingest.decode import read_text
from annotator.ingest.title import title_and_fields
from annotator.records import Article
from annotator.safe_text import remove_controls


def read_plain(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    """The file as one article, titled and with the fields of its header lines.

    The text keeps the title line, the header lines and every character as decoded
    except control characters (escape codes), because claim offsets index it exactly.
    """
    decoded = read_text(path, max_bytes)
    text, removed = remove_controls(decoded.text)
    if not text.strip():
        yield InputError(str(path), "file is empty; add the article text or remove the file")
        return
    title, fields = title_and_fields(text, markdown=path.suffix.lower() == ".md")
    metadata: dict[str, object] = {"control_characters_removed": removed}
    metadata.update((key, fields[key]) for key in ("author", "updated") if key in fields)
    article = Article(
        text=text,
        title=title,
        origin=str(path),
        url=fields.get("url"),
        outlet=fields.get("outlet"),
        published=fields.get("published"),
        metadata=metadata,
    )
    yield decoded.stamp(article)
