"""Candidate mentions for the review screen's span editor, found once at extraction.

The review app never loads spaCy, so what it offers a reviewer correcting a source or a
cue is computed here and stored with the article: the noun phrases and names (source
candidates) and the verbs (cue candidates), as character offsets.
"""

from __future__ import annotations

from spacy.tokens import Doc

# Named entities worth offering as a source beside the noun chunks.
SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


def noun_phrases(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every noun chunk and source-like entity, in reading order."""
    found = {(chunk.start_char, chunk.end_char) for chunk in doc.noun_chunks}
    found.update((e.start_char, e.end_char) for e in doc.ents if e.label_ in SOURCE_ENTITIES)
    return sorted(found)


def verbs(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every verb, in reading order."""
    return [(t.idx, t.idx + len(t)) for t in doc if t.pos_ == "VERB"]
