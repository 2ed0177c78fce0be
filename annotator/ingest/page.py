"""`.html` and `.htm` files: the main text and metadata of a web page, by trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.ingest.decode import read_text
from annotator.records import Article
from annotator.safe_text import remove_controls

# Fewer words than this is a page's chrome (menus, a login form), not an article.
MIN_WORDS = 10


def read_html(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    """The page's main text as one article, headed by its title.

    Paragraphs are separated by blank lines (what the paragraph splitter expects),
    and the title is the first line, as in a .txt article, so it is read as the headline.
    """
    import trafilatura  # lxml and friends: only paid for when a page is read

    decoded = read_text(path, max_bytes)
    document = trafilatura.bare_extraction(
        decoded.text, with_metadata=True, include_comments=False, include_tables=False
    )
    # Without as_dict=True (deprecated) the result is a Document, not a dict.
    page = {} if document is None else document.as_dict()  # type: ignore[union-attr]
    body = page.get("text") or ""
    if len(body.split()) < MIN_WORDS:
        yield InputError(
            str(path),
            "no article text found in this HTML page; save the article page itself, "
            "or paste its text into a .txt file",
        )
        return
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    title = remove_controls(page.get("title") or "")[0].strip() or None
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    text, removed = remove_controls("\n\n".join(paragraphs))
    metadata = {key: page[key] for key in ("author", "description") if page.get(key)}
    metadata["control_characters_removed"] = removed
    article = Article(
        text=text,
        title=title or paragraphs[0],
        origin=str(path),
        url=page.get("url") or None,
        outlet=page.get("sitename") or None,
        published=page.get("date") or None,
        metadata=metadata,
    )
    yield decoded.stamp(article)
