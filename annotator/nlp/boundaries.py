"""The `paragraph_boundaries` component: a sentence starts at every paragraph start.

The small English model does not break sentences at line breaks, so a headline would merge
with the first paragraph. Running this before the parser fixes the boundaries; the parser
respects sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "«"})


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after every line break."""
    after_break = True
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        if (
            (after_break or token.i == 0)
            and token.text in OPENING_QUOTES
            and token.i + 1 < len(doc)
        ):
            # The parser may make an opening quotation mark a sentence of its own, which
            # garbles the parse of the quotation and of the attribution after it.
            doc[token.i + 1].is_sent_start = False
        after_break = "\n" in token.whitespace_
    return doc


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    return mark_paragraph_starts(doc)
