"""spaCy DocBin writer: one Doc per article with claim, source and cue spans for spancat.

The export is a folder of `.spacy` shards of at most `SHARD_DOCS` Docs each, which
`spacy train` reads as one corpus; memory holds one shard, whatever the corpus size.
Spans are labelled with the claim's human source_type (gold, or the one chosen
reviewer's); a claim with none is left out, so the machine's guesses never become
training data. Source and cue spans are the human `source_span` and `cue_span` labels,
which a reviewer saw on screen and saved (the machine's spans are only their starting
point): a claim whose labels hold no span answer gets no source or cue span, so a human
type is never paired with a machine span nobody confirmed. `doc.user_data["span_review"]`
says for each claim how its spans were reviewed. Docs are tokenised with
`spacy.blank("en")`; no model is loaded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

import spacy
import srsly.msgpack as srsly_msgpack
from spacy.tokens import Doc, DocBin, Span

from annotator.store.annotations import canonical_json

CUE_LABEL = "CUE"
SHARD_DOCS = 1_000
# Span group -> (the label holding the human span, the suggestion's span, its short name).
SPAN_GROUPS = {"sources": ("source_span", "source"), "cues": ("cue_span", "cue")}
# How a claim's source or cue was reviewed (doc.user_data["span_review"], sidecar counts):
# confirmed (the machine's span, kept), corrected (another span), none (no span, a human
# said so), disputed (reviewers split, no majority), unreviewed (no human span label).
EXPORTED_STATES = ("confirmed", "corrected")


@dataclass
class DocBinCounts:
    docs: int = 0
    claims: int = 0
    claims_without_label: int = 0
    # "sources"/"cues" -> review state -> claims, for the claims exported
    span_review: dict[str, Counter[str]] = field(
        default_factory=lambda: {group: Counter() for group in SPAN_GROUPS}
    )


def _human_labels(record: dict[str, Any], reviewer: str | None) -> dict[str, Any]:
    if reviewer is not None:
        return next((a["labels"] for a in record["annotations"] if a["reviewer"] == reviewer), {})
    return (record["gold"] or {}).get("labels") or {}


def _null_won(record: dict[str, Any], name: str) -> bool:
    """Whether "no span" strictly outvoted every span the reviewers gave."""
    votes = Counter(canonical_json(a["labels"][name]) for a in record["annotations"]
                    if name in a["labels"])  # fmt: skip
    ranked = votes.most_common(2)
    return (
        bool(ranked)
        and ranked[0][0] == "null"
        and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
    )


def span_review(
    record: dict[str, Any], labels: dict[str, Any], group: str, by_vote: bool
) -> tuple[str, tuple[int, int] | None]:
    """How one span of a claim was reviewed, and its offsets when a human gave one.

    ``by_vote``: the labels are a majority, whose null may be a tie rather than "no span".
    """
    name, machine_key = SPAN_GROUPS[group]
    if name not in labels:
        return "unreviewed", None
    value = labels[name]
    if value is None:
        return ("disputed" if by_vote and not _null_won(record, name) else "none"), None
    offsets = (value["start"], value["end"])
    machine = (record["suggestion"] or {}).get(machine_key)
    same = machine is not None and (machine["start"], machine["end"]) == offsets
    return ("confirmed" if same else "corrected"), offsets


def _spans(
    doc: Doc, record: dict[str, Any], label: str, labels: dict[str, Any], by_vote: bool
) -> tuple[list[tuple[str, Span]], dict[str, str]]:
    """The claim's spans by group, and how its source and cue were reviewed."""
    spans: list[tuple[str, Span]] = []
    claim = doc.char_span(record["start"], record["end"], label=label, alignment_mode="expand")
    if claim is not None:
        spans.append(("claims", claim))
    states: dict[str, str] = {}
    for group, span_label in (("sources", label), ("cues", CUE_LABEL)):
        state, offsets = span_review(record, labels, group, by_vote)
        states[group] = state
        if offsets is not None:
            span = doc.char_span(*offsets, label=span_label, alignment_mode="expand")
            if span is not None:
                spans.append((group, span))
    return spans, states


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
            labels = _human_labels(record, reviewer)
            label = labels.get("source_type")
            if not isinstance(label, str):
                counts.claims_without_label += 1
            else:
                labelled.append((record, label, labels))
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
        reviewed = []
        for record, label, labels in labelled:
            by_vote = reviewer is None and (record["gold"] or {}).get("method") == "majority"
            spans, states = _spans(doc, record, label, labels, by_vote)
            for name, span in spans:
                groups[name].setdefault((span.start, span.end, span.label_), span)
            for group_name, state in states.items():
                counts.span_review[group_name][state] += 1
            reviewed.append({"source": states["sources"], "cue": states["cues"]})
        for name, spans_by_key in groups.items():
            doc.spans[name] = list(spans_by_key.values())
        doc.user_data["article_id"] = article_id
        doc.user_data["claim_ids"] = [record["claim_id"] for record, _, _ in labelled]
        doc.user_data["span_review"] = reviewed
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
