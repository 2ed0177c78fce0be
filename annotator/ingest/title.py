"""The title and header fields of a .txt or .md article, from the lines at its top.

The title is the first line that is not blank, a rule (a setext underline such as
``=====``), a header line (``Date: ...``) or boilerplate; "Headline:"-style labels are
dropped from it, Markdown loses its heading marks, and a first line that is really a
paragraph (over 200 characters) gives its first sentence. Header lines fill the
article's fields. The text itself is never changed: offsets index it.
"""

from __future__ import annotations

import os
import re
from functools import cache

from annotator.nlp.furniture import LONG_LINE, Head, load_furniture, read_head
from annotator.nlp.lexicon import read_list

# Words whose period ends no sentence ("Mr. Haddox", "Feb. 23"): with the lexicon's
# abbreviated titles, single initials and dotted abbreviations ("U.S.").
_ABBREVIATIONS = frozenset(
    {"Mr", "Mrs", "Ms", "Dr", "St", "Sr", "Jr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col"}
    | {"Sgt", "Capt", "Prof", "Rev", "No", "Nos", "Inc", "Corp", "Co", "Ltd", "Mt", "Ft"}
    | {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
    | {"Ave", "Blvd", "vs", "etc", "approx"}
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def title_and_fields(text: str, *, markdown: bool = False) -> tuple[str | None, dict[str, str]]:
    """The article's title (None when it has none) and the fields its header lines give
    (published, updated, url, outlet, author: the first line of each wins)."""
    lexicon = load_furniture(os.environ.get("ANNOTATOR_LEXICON"))
    head = read_head(text, lexicon)
    fields: dict[str, str] = {}
    for line in head.header:
        fields.setdefault(line.field, line.value)
    return title_of(text, head, lexicon.title_labels, markdown=markdown), fields


def title_of(
    text: str, head: Head, labels: tuple[str, ...], *, markdown: bool = False
) -> str | None:
    if head.title is None:
        return None
    start, end = head.title
    title = " ".join(text[start:end].split())
    if markdown:
        title = title.strip("#").strip().strip("*_").strip()
    title = _drop_label(title, labels)
    if len(title) > LONG_LINE:
        title = first_sentence(title)
    return title or None


def _drop_label(title: str, labels: tuple[str, ...]) -> str:
    label, colon, rest = title.partition(":")
    if colon and " ".join(label.lower().split()) in labels and rest.strip():
        return rest.strip()
    return title


def first_sentence(paragraph: str, limit: int = LONG_LINE) -> str:
    """The paragraph's first sentence, cut on a word boundary (with "…") past ``limit``."""
    sentence = paragraph
    for match in _SENTENCE_END.finditer(paragraph):
        if not _abbreviation(paragraph[: match.start()]):
            sentence = paragraph[: match.start() + 1]
            break
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit + 1].rsplit(None, 1)[0] if " " in sentence[:limit] else sentence[:limit]
    return cut.rstrip(",;:—–- ") + "…"


def _abbreviation(before: str) -> bool:
    """Whether the word before a period is an abbreviation rather than a sentence's end."""
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("(\"'“‘")
    titles = _titles(os.environ.get("ANNOTATOR_LEXICON"))
    return len(word) == 1 or "." in word or word in _ABBREVIATIONS or word in titles


@cache
def _titles(extra_dir: str | None) -> frozenset[str]:
    """Abbreviated titles of the detection lexicon ("Sgt.", "Lt."), without their period."""
    return frozenset(entry.rstrip(".") for entry in read_list("title_abbreviations", extra_dir))
