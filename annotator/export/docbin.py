"""spaCy DocBin writer: one Doc per article with claim, source and cue spans for spancat.

The export is a folder of `.spacy` shards of at most `SHARD_DOCS` Docs each, which
`spacy train` reads as one corpus; memory holds one shard, whatever the corpus size.
Spans are labelled with the claim's human source_type (gold, or the one chosen
reviewer's); a claim with none is left out, so the machine's guesses never become
training data. Docs are tokenised with `spacy.blank("en")`; no model is loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

import spacy
import srsly.msgpack as srsly_msgpack
from spacy.tokens import Doc, DocBin, Span

CUE_LABEL = "CUE"
SHARD_DOCS = 1_000


@dataclass
class DocBinCounts:
    docs: int = 0
    claims: int = 0
    claims_without_label: int = 0


def _source_type(record: dict[str, Any], reviewer: str | None) -> str | None:
    labels: dict[str, Any]
    if reviewer is not None:
        labels = next((a["labels"] for a in record["annotations"] if a["reviewer"] == reviewer), {})
    else:
        labels = (record["gold"] or {}).get("labels") or {}
    value = labels.get("source_type")
    return value if isinstance(value, str) else None


def _spans(doc: Doc, record: dict[str, Any], label: str) -> Iterator[tuple[str, Span]]:
    claim = doc.char_span(record["start"], record["end"], label=label, alignment_mode="expand")
    if claim is not None:
        yield "claims", claim
    suggestion = record["suggestion"] or {}
    for key, group, span_label in (("source", "sources", label), ("cue", "cues", CUE_LABEL)):
        found = suggestion.get(key)
        if found is not None:
            span = doc.char_span(
                found["start"], found["end"], label=span_label, alignment_mode="expand"
            )
            if span is not None:
                yield group, span


def iter_docs(
    records: Iterable[dict[str, Any]],
    article_text: Callable[[str], str | None],
    counts: DocBinCounts,
    reviewer: str | None = None,
) -> Iterator[Doc]:
    """One Doc per article that has at least one claim with a human source_type."""
    nlp = spacy.blank("en")
    for article_id, group in groupby(records, key=lambda r: r["article_id"]):
        labelled = []
        for record in group:
            label = _source_type(record, reviewer)
            if label is None:
                counts.claims_without_label += 1
            else:
                labelled.append((record, label))
        text = article_text(article_id) if labelled else None
        if text is None:
            continue
        doc = nlp.make_doc(text)
        # Keyed by position and label: claims that share a source or cue give one span.
        groups: dict[str, dict[tuple[int, int, str], Span]] = {
            "claims": {},
            "sources": {},
            "cues": {},
        }
        for record, label in labelled:
            for name, span in _spans(doc, record, label):
                groups[name].setdefault((span.start, span.end, span.label_), span)
        for name, spans in groups.items():
            doc.spans[name] = list(spans.values())
        doc.user_data["article_id"] = article_id
        doc.user_data["claim_ids"] = [record["claim_id"] for record, _ in labelled]
        counts.docs += 1
        counts.claims += len(labelled)
        yield doc


@contextmanager
def _msgpack_registries_cached() -> Iterator[None]:
    """Look srsly's msgpack encoders and decoders up once, not on every pack.

    DocBin.add packs each Doc's spans and user data with srsly, whose Packer asks
    catalogue for its registries every time: a scan of every registered function and
    of every installed package's entry points, several milliseconds per Doc.
    """
    registries = (srsly_msgpack.msgpack_encoders, srsly_msgpack.msgpack_decoders)
    for registry in registries:
        found = registry.get_all()
        registry.get_all = lambda found=found: found
    try:
        yield
    finally:
        for registry in registries:
            del registry.get_all  # back to the class's method


def shard_name(index: int) -> str:
    return f"part-{index:05d}.spacy"


def is_shard(path: Path) -> bool:
    return path.is_file() and path.name.startswith("part-") and path.suffix == ".spacy"


def write_docbin(
    records: Iterable[dict[str, Any]],
    folder: Path,
    article_text: Callable[[str], str | None],
    reviewer: str | None = None,
) -> DocBinCounts:
    """Write the Docs as `.spacy` shards into `folder` (made here); returns what went in."""
    counts = DocBinCounts()
    folder.mkdir()

    def new_shard() -> DocBin:
        # A blank pipeline sets only the words (and spaces, always kept): store nothing else.
        return DocBin(attrs=["ORTH"], store_user_data=True)

    shard, written = new_shard(), 0
    with _msgpack_registries_cached():
        for doc in iter_docs(records, article_text, counts, reviewer):
            shard.add(doc)
            if len(shard) == SHARD_DOCS:
                shard.to_disk(folder / shard_name(written))
                shard, written = new_shard(), written + 1
        if len(shard) or not written:  # an empty corpus still gives one (empty) shard
            shard.to_disk(folder / shard_name(written))
    return counts
