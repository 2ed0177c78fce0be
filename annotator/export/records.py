"""The `annotator.corpus.v1` record: one per claim, shared by every export format.

Records hold only stored data (no export or ingest time), in a fixed key order, so
the same database gives the same bytes. See docs/export.md for the fields.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.export.sidecar import span_fields
from annotator.gold import Decision, GoldMethod, gold_label
from annotator.store.annotations import Annotation
from annotator.store.corpus import CorpusMixin

CORPUS_FORMAT = "annotator.corpus.v1"
BATCH_SIZE = 1_000


@dataclass(frozen=True)
class ExportOptions:
    """Which claims and labels an export holds."""

    reviewers: tuple[str, ...] = ()  # empty: every reviewer
    only_labelled: bool = False  # only claims with a current label by a chosen reviewer
    gold: GoldMethod = "majority"


def _span(text: str | None, start: int | None, end: int | None) -> dict[str, Any] | None:
    return None if text is None else {"text": text, "start": start, "end": end}


def _suggestion(row: dict[str, Any], evidence: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not row["has_attribution"]:
        return None
    reason = row["anonymity_reason_given"]
    return {
        "source_type": row["source_type"],
        "anonymous_flag": bool(row["anonymous_flag"]),
        "anonymity_reason_given": None if reason is None else bool(reason),
        "source": _span(row["source_text"], row["source_start"], row["source_end"]),
        "cue": _span(row["cue_text"], row["cue_start"], row["cue_end"]),
        "resolved_to": _span(row["resolved_text"], row["resolved_start"], row["resolved_end"]),
        "relayed_by": _span(row["relayed_text"], row["relayed_start"], row["relayed_end"]),
        "confidence": row["confidence"],
        "evidence": evidence,
        "pipeline": row["pipeline"],
        "model": row["model"],
    }


def build_record(
    row: dict[str, Any],
    evidence: list[dict[str, Any]],
    reviews: Sequence[dict[str, Any]],
    adjudication: Annotation | None,
    gold: GoldMethod,
    null_answers: Collection[str] = (),
) -> dict[str, Any]:
    """One claim's record from its stored rows.

    ``reviews`` are the current labelled records, by reviewer, in the record's own shape;
    ``null_answers`` the span fields, whose null is a vote ("no span") for the gold.
    """
    adjudicated = None
    if adjudication is not None and adjudication.labels is not None:
        adjudicated = Decision(adjudication.reviewer, adjudication.labels, adjudication.note)
    labels = [r["labels"] for r in reviews]
    return {
        "format": CORPUS_FORMAT,
        "claim_id": row["claim_id"],
        "article_id": row["article_id"],
        "title": row["title"],
        "outlet": row["outlet"],
        "seq": row["seq"],
        "kind": row["kind"],
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "sentence": {
            "text": row["sentence"] if row["sentence_start"] is not None else None,
            "start": row["sentence_start"],
            "end": row["sentence_end"],
        },
        "suggestion": _suggestion(row, evidence),
        "annotations": list(reviews),
        "gold": gold_label(gold, labels, adjudicated, null_answers),
    }


def iter_records(store: CorpusMixin, options: ExportOptions) -> Iterator[dict[str, Any]]:
    """Every claim's record in reading order, reading the database a batch at a time."""
    reviewers = options.reviewers or None
    spans = span_fields(store.label_schema_rows())
    for batch in store.iter_claim_rows(BATCH_SIZE):
        ids = [row["claim_id"] for row in batch]
        evidence = store.evidence_for(ids)
        reviews = store.current_reviews_for(ids, reviewers)
        adjudications = store.adjudications_for(ids) if options.gold == "adjudicated" else {}
        for row in batch:
            cid = row["claim_id"]
            labelled = [r for r in reviews.get(cid, ()) if r["labels"] is not None]
            if options.only_labelled and not labelled:
                continue
            yield build_record(
                row, evidence.get(cid, []), labelled, adjudications.get(cid), options.gold, spans
            )
