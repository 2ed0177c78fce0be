"""`export_corpus`: pick a writer, stream the records into it, write the sidecar."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from annotator.errors import ExportError
from annotator.export.records import CORPUS_FORMAT, ExportOptions, iter_records
from annotator.export.sidecar import label_fields, write_sidecar
from annotator.store.core import utc_now
from annotator.store.corpus import CorpusMixin

FORMATS = ("jsonl", "csv", "parquet", "spacy")  # each also its file extension
STDOUT = "-"
STREAMABLE = ("jsonl", "csv")


@dataclass
class Tally:
    """What went into an export, counted as the records stream past."""

    records: int = 0
    articles: int = 0
    annotations: int = 0
    with_gold: int = 0
    _last_article: str | None = field(default=None, repr=False)

    def count(
        self, records: Iterable[dict[str, Any]], on_record: Callable[[], None] | None
    ) -> Iterator[dict[str, Any]]:
        for record in records:
            self.records += 1
            self.annotations += len(record["annotations"])
            self.with_gold += record["gold"] is not None
            if record["article_id"] != self._last_article:
                self.articles += 1
                self._last_article = record["article_id"]
            if on_record is not None:
                on_record()
            yield record


@dataclass(frozen=True)
class ExportResult:
    path: Path | None  # None when written to stdout
    sidecar: Path | None
    tally: Tally
    extra: dict[str, Any]


def default_output(db_path: str, fmt: str, today: date | None = None) -> Path:
    """`exports/<database name>-<YYYY-MM-DD>.<format>`."""
    stem = Path(db_path).stem or "annotations"
    return Path("exports") / f"{stem}-{(today or date.today()).isoformat()}.{fmt}"


def _write(
    store: CorpusMixin,
    fmt: str,
    records: Iterable[dict[str, Any]],
    out: BinaryIO | Path,
    options: ExportOptions,
    bom: bool,
) -> dict[str, Any]:
    """Hand the records to the writer of `fmt`; returns counts specific to it."""
    # Writers are imported here so a JSONL export never loads pyarrow or spaCy.
    if fmt == "jsonl":
        from annotator.export.jsonl import write_jsonl

        assert not isinstance(out, Path)
        write_jsonl(records, out)
    elif fmt == "csv":
        from annotator.export.csvfile import write_csv

        assert not isinstance(out, Path)
        reviewers = list(options.reviewers) or store.review_reviewers()
        write_csv(records, out, reviewers, label_fields(store.label_schema_rows()), bom=bom)
    elif fmt == "parquet":
        from annotator.export.parquet import write_parquet

        assert isinstance(out, Path)
        write_parquet(records, out)
    else:
        from annotator.export.docbin import write_docbin

        assert isinstance(out, Path)
        reviewer = options.reviewers[0] if len(options.reviewers) == 1 else None
        counts = write_docbin(records, out, store.article_text, reviewer)
        return {
            "docs": counts.docs,
            "claims_as_spans": counts.claims,
            "claims_without_label": counts.claims_without_label,
            "span_review": {
                group: dict(sorted(states.items())) for group, states in counts.span_review.items()
            },
            "span_labels_from": f"reviewer {reviewer}" if reviewer else f"gold ({options.gold})",
        }
    return {}


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _move_into_place(partial: Path, path: Path) -> None:
    """Give the finished export its name; a spaCy folder replaces an earlier spaCy export
    only, never some other folder."""
    if partial.is_dir() and path.exists():
        from annotator.export.docbin import is_shard

        if not path.is_dir() or not all(is_shard(p) for p in path.iterdir()):
            raise ExportError(
                f"{path}: exists and is not an annotator spaCy export; pass another --out"
            )
        shutil.rmtree(path)
    os.replace(partial, path)


def export_corpus(
    store: CorpusMixin,
    fmt: str,
    out: str | Path,
    options: ExportOptions | None = None,
    *,
    bom: bool = False,
    command: str | None = None,
    on_record: Callable[[], None] | None = None,
) -> ExportResult:
    """Export the corpus as `fmt` to `out` (a path, or "-" for stdout with jsonl/csv).

    A file is written beside its final name and moved into place when complete, then
    its sidecar is written; stdout gets no sidecar.
    """
    options = options or ExportOptions()
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "spacy" and len(options.reviewers) > 1:
        raise ExportError("spacy export labels spans from gold or from one --reviewer, not several")
    tally = Tally()
    records = tally.count(iter_records(store, options), on_record)
    if str(out) == STDOUT:
        if fmt not in STREAMABLE:
            raise ExportError(f"{fmt} cannot be written to stdout; pass --out FILE.{fmt}")
        extra = _write(store, fmt, records, sys.stdout.buffer, options, bom)
        sys.stdout.buffer.flush()
        return ExportResult(None, None, tally, extra)
    path = Path(out)
    partial = path.with_name(path.name + ".partial")
    try:
        _remove(partial)  # left by an export that was killed
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt in STREAMABLE:
            with partial.open("wb") as stream:
                extra = _write(store, fmt, records, stream, options, bom)
        else:
            extra = _write(store, fmt, records, partial, options, bom)
        _move_into_place(partial, path)
    except OSError as error:
        raise ExportError(
            f"{path}: cannot write the export ({error.strerror}); pass another --out"
        ) from error
    finally:
        _remove(partial)  # only left behind when the export failed
    counts = store.corpus_counts()
    meta = {
        "format": CORPUS_FORMAT,
        "file_format": fmt,
        "created_at": utc_now(),
        "command": command,
        "database": store.path,
        "options": {
            "reviewers": list(options.reviewers),
            "only_labelled": options.only_labelled,
            "gold": options.gold,
            "bom": bom,
        },
        "counts": {
            "records": tally.records,
            "articles": tally.articles,
            "annotations": tally.annotations,
            "records_with_gold": tally.with_gold,
            "database": {
                "articles": counts.articles,
                "claims": counts.claims,
                "annotations": counts.annotations,
                "reviewers": counts.reviewers,
            },
            **extra,
        },
        "label_schemas": [
            {k: s[k] for k in ("id", "name", "version", "content")}
            for s in store.label_schema_rows()
        ],
        "pipelines": store.pipeline_versions(),
    }
    return ExportResult(path, write_sidecar(path, meta), tally, extra)
