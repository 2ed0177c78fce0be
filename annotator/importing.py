"""`import_labels`: bring reviewers' labels in from a JSONL file, line by line.

A line is either one annotation, `{"claim": id, "reviewer": ..., "labels": {...},
"note": ...}` (optionally "seconds", "saved_at"), or a record of an
`annotator.corpus.v1` export, whose annotations keep their saved_at, seconds and
schema id. Labels are checked against their schema: every field, spans inside the
article, and the schema's constraints. A bad line is reported with its number and
skipped; the others go in.
Identical records already stored are not added twice, so re-running an import is safe.
"""

from __future__ import annotations

import json
import math
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, InputError
from annotator.export.records import CORPUS_FORMAT
from annotator.export.sidecar import sidecar_path
from annotator.labels import LabelSchema, _parse
from annotator.store import Store

IMPORT = "import"
CHUNK = 1_000  # lines per write transaction


class LineError(AnnotatorError):
    """One line of an import file cannot be imported."""


@dataclass
class ImportReport:
    """What an import did: records added, identical ones already present, bad lines."""

    added: int = 0
    present: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Item:
    claim_id: str
    reviewer: str
    labels: dict[str, Any]
    note: str | None
    seconds: float | None
    saved_at: str | None
    schema_id: str | None


def _schema_from_content(content: str, origin: str) -> LabelSchema:
    # labels.py parses files; a stored or sidecar schema is text, so parse it the same way.
    return _parse(tomllib.loads(content), Path(origin), content)


def _known_schemas(store: Store, schema: LabelSchema, source: Path) -> dict[str, LabelSchema]:
    """The schemas labels may be validated against: stored, given, and the export's sidecar."""
    schemas = {
        row["id"]: _schema_from_content(row["content"], f"label schema {row['id']}")
        for row in store.label_schema_rows()
    }
    meta = sidecar_path(source)
    if meta.is_file():
        try:
            rows = json.loads(meta.read_text(encoding="utf-8")).get("label_schemas", [])
            sidecar = {row["id"]: row["content"] for row in rows}
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
            raise InputError(
                str(meta), f"not an export sidecar ({error}); move it away or fix it"
            ) from error
        for schema_id, content in sidecar.items():
            if schema_id not in schemas:
                schemas[schema_id] = _schema_from_content(content, str(meta))
    schemas[schema.id] = schema
    return schemas


def _text(value: Any, name: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise LineError(f"{name!r} must be text or null")
    return value


def _items(data: Any, default_schema: str) -> Iterator[_Item]:
    """The annotations one parsed line stands for."""
    if not isinstance(data, dict):
        raise LineError("expected a JSON object")
    if data.get("format") == CORPUS_FORMAT:
        annotations = data.get("annotations") or []
        if not isinstance(annotations, list) or not all(isinstance(a, dict) for a in annotations):
            raise LineError('"annotations" must be a list of objects, as an export writes it')
        for one in annotations:
            yield _item(data.get("claim_id"), one, one.get("schema_id"))
    else:
        yield _item(data.get("claim"), data, default_schema)


def _item(claim: Any, data: dict[str, Any], schema_id: Any) -> _Item:
    if not isinstance(claim, str) or not claim:
        raise LineError('no claim id; give "claim": "<claim id>"')
    reviewer = data.get("reviewer")
    if not isinstance(reviewer, str) or not reviewer.strip():
        raise LineError('no reviewer; give "reviewer": "<name>"')
    labels = data.get("labels")
    if not isinstance(labels, dict):
        raise LineError('"labels" must be an object such as {"credibility": 4}')
    seconds = data.get("seconds")
    if seconds is not None and (
        not isinstance(seconds, int | float)
        or isinstance(seconds, bool)
        or not math.isfinite(seconds)  # JSON's NaN and 1e400 cannot be stored, nor hashed
    ):
        raise LineError("'seconds' must be a finite number or null")
    return _Item(
        claim_id=claim,
        reviewer=reviewer,
        labels=labels,
        note=_text(data.get("note"), "note"),
        seconds=None if seconds is None else float(seconds),
        saved_at=_text(data.get("saved_at"), "saved_at"),
        schema_id=_text(schema_id, "schema_id"),
    )


def _check(item: _Item, store: Store, schemas: dict[str, LabelSchema], default: str) -> None:
    """Raise naming what is wrong: the claim, the schema, a field, a span outside the
    article, or a rule of the schema the labels break."""
    article_length = store.claim_article_length(item.claim_id)
    if article_length is None:
        raise LineError(f"unknown claim id {item.claim_id!r}; ingest its article first")
    schema = schemas.get(item.schema_id or default)
    if schema is None:
        raise LineError(
            f"label schema {item.schema_id!r} is unknown; pass it with --schema "
            "or keep the export's .meta.json beside the file"
        )
    schema.validate_labels(item.labels, article_length)


def _write(store: Store, items: list[_Item], report: ImportReport) -> None:
    with store.transaction():
        for item in items:
            added = store.append_annotation(
                claim_id=item.claim_id,
                reviewer=item.reviewer,
                action=IMPORT,
                labels=item.labels,
                note=item.note,
                seconds=item.seconds,
                saved_at=item.saved_at,
                schema_id=item.schema_id,
            )
            report.added += added
            report.present += not added


def import_labels(store: Store, path: str | Path, schema: LabelSchema) -> ImportReport:
    """Import every good line of `path`; bad lines are listed in the report, not raised."""
    source = Path(path)
    try:
        lines = source.open("rb")  # decoded per line, so one bad line is one error
    except OSError as error:
        raise InputError(str(source), f"cannot read ({error.strerror})") from error
    schemas = _known_schemas(store, schema, source)
    used: set[str] = set()
    report = ImportReport()
    pending: list[_Item] = []
    with lines:
        for number, raw in enumerate(lines, start=1):
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                report.errors.append(f"{source}:{number}: not UTF-8 text")
                continue
            if not line.strip():  # blank, or only a byte-order mark
                continue
            try:
                items = list(_items(json.loads(line), schema.id))
                for item in items:
                    _check(item, store, schemas, schema.id)
            except json.JSONDecodeError as error:
                report.errors.append(f"{source}:{number}: not valid JSON ({error.msg})")
                continue
            except AnnotatorError as error:
                report.errors.append(f"{source}:{number}: {error}")
                continue
            for item in items:
                if item.schema_id and item.schema_id not in used:
                    used.add(item.schema_id)
                    found = schemas[item.schema_id]
                    store.register_schema(found.id, found.name, found.version, found.content)
            pending.extend(items)
            if len(pending) >= CHUNK:
                _write(store, pending, report)
                pending = []
    if pending:
        _write(store, pending, report)
    return report
