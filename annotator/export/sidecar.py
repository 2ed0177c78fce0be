"""The `<export>.meta.json` sidecar: what an export holds, how it was made, its sha256.

Everything that changes from run to run (created_at, the command) lives here, never in
the records, so two exports of the same data differ only in their sidecars.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

from annotator import __version__

SIDECAR_SUFFIX = ".meta.json"


def sidecar_path(export: Path) -> Path:
    """`exports/team.jsonl` -> `exports/team.jsonl.meta.json`."""
    return export.with_name(export.name + SIDECAR_SUFFIX)


def export_files(export: Path) -> list[Path]:
    """The files an export consists of: itself, or a folder's files in name order."""
    return sorted(p for p in export.iterdir() if p.is_file()) if export.is_dir() else [export]


def file_sha256(path: Path) -> str:
    """sha256 of a file, or of a folder's files read one after another in name order."""
    digest = hashlib.sha256()
    for file in export_files(path):
        with file.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()


def label_fields(schemas: list[dict[str, Any]]) -> list[str]:
    """The question names of these stored label schemas, in file order, each once."""
    fields: dict[str, None] = {}
    for schema in schemas:
        for question in tomllib.loads(schema["content"]).get("questions", []):
            fields.setdefault(str(question["name"]), None)
    return list(fields)


def span_fields(schemas: list[dict[str, Any]]) -> frozenset[str]:
    """The span questions of these stored label schemas (their null answers "no span")."""
    return frozenset(
        str(question["name"])
        for schema in schemas
        for question in tomllib.loads(schema["content"]).get("questions", [])
        if question.get("kind") == "span"
    )


def write_sidecar(export: Path, meta: dict[str, Any]) -> Path:
    """Write the sidecar next to `export`, adding the export's sha256 and size."""
    path = sidecar_path(export)
    full = {
        **meta,
        "file": export.name,
        "bytes": sum(f.stat().st_size for f in export_files(export)),
        "sha256": file_sha256(export),
        "annotator_version": __version__,
    }
    path.write_text(json.dumps(full, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
