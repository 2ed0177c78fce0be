"""The lemma a cue is counted under in per-lemma recall ("says" and "said" → "say").

A cue is lowercased and parsed after "They " (so "says", "found", "reports" are tagged as
the verbs they are in a report, not as nouns). Its main word is the highest word of the
parse within the cue, a verb before a noun or adjective before anything else: "has
learned" → "learn", "in a statement" → "statement", "did not respond" → "respond". Its
particles join it ("pointed out" → "point out"), and so does a preposition that ends the
cue with nothing after it ("according to" → "accord to"). A cue without letters or
digits (":", "―") is its own lemma.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

PREFIX = "They "
# Pipes the lemma pass does not need (annotator's own, and entity recognition).
_SKIPPED = ("source_attribution", "annotator_claims_only", "paragraph_boundaries", "ner")
_RANK = {"VERB": 0, "NOUN": 1, "PROPN": 1, "ADJ": 1}


def normalise(cue: str) -> str:
    return " ".join(cue.split()).lower()


def cue_lemmas(nlp: Language, cues: Iterable[str]) -> dict[str, str]:
    """The lemma of every distinct cue text (keys as given)."""
    by_key: dict[str, list[str]] = {}
    for cue in cues:
        by_key.setdefault(normalise(cue), []).append(cue)
    parsed = [key for key in by_key if any(ch.isalnum() for ch in key)]
    out = {cue: key for key, given in by_key.items() for cue in given}
    skipped = [name for name in _SKIPPED if name in nlp.pipe_names]
    with nlp.select_pipes(disable=skipped):
        for key, doc in zip(parsed, nlp.pipe(PREFIX + key for key in parsed), strict=True):
            lemma = _lemma(doc)
            for cue in by_key[key]:
                out[cue] = lemma
    return out


def _lemma(doc: Doc) -> str:
    cue = [token for token in doc if token.idx >= len(PREFIX)]
    if not cue:
        return doc.text[len(PREFIX) :]
    start, end = cue[0].i, cue[-1].i + 1

    def depth(token: Token) -> int:
        return sum(1 for _ in token.ancestors)

    head = min(cue, key=lambda t: (_RANK.get(t.pos_, 2), depth(t), t.i))
    words = [head]
    words += [t for t in head.children if t.dep_ == "prt" and start <= t.i < end]
    last = doc[end - 1]
    if last.head == head and last.dep_ == "prep" and last not in words:
        words.append(last)
    words.sort(key=lambda t: t.i)
    return " ".join(head.lemma_.lower() if t == head else t.lower_ for t in words)
