"""One JSONL or CSV record to an Article: the field names both formats share."""

from __future__ import annotations

from typing import Any

from annotator.errors import InputError
from annotator.ingest.decode import Decoded
from annotator.records import Article
from annotator.safe_text import remove_controls

ARTICLE_FIELDS = ("title", "url", "outlet", "published")


def record_to_article(
    record: dict[str, Any], path: str, line: int, decoded: Decoded
) -> Article | InputError:
    """An Article from a record with a `text` field; other fields go to metadata.

    A record's own `id` is kept as `source_id`: our id is always the hash of the
    text, so the same article from two sources is stored once. Control characters
    leave the text (their count goes to metadata) and the title; ``decoded`` is the
    file's text, whose encoding is recorded.
    """
    if "text" not in record:
        return InputError(path, 'no "text" field; put the article text under "text"', line)
    text = record["text"]
    if not isinstance(text, str):
        return InputError(
            path, f'"text" is {type(text).__name__}, not a string; store the text as a string', line
        )
    text, removed = remove_controls(text)
    if not text.strip():  # control characters alone are no text either
        return InputError(path, '"text" is empty; add the article text or drop the record', line)
    metadata = {
        key: value for key, value in record.items() if key not in {"text", "id", *ARTICLE_FIELDS}
    }
    if record.get("id") not in (None, ""):
        metadata["source_id"] = record["id"]
    metadata["control_characters_removed"] = removed
    title = _optional_str(record.get("title"))
    article = Article(
        text=text,
        title=None if title is None else remove_controls(title)[0],
        origin=f"{path}:{line}",
        url=_optional_str(record.get("url")),
        outlet=_optional_str(record.get("outlet")),
        published=_optional_str(record.get("published")),
        metadata=metadata,
    )
    return decoded.stamp(article)


def _optional_str(value: Any) -> str | None:
    """Missing and empty fields are None; numbers (a year, an id) become text."""
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)
