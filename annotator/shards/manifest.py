"""The manifest of a shard folder: the inputs, the pipeline, and every shard file.

Written last, after every shard is complete; `annotator ingest` checks each file against
it, so a missing, truncated or altered shard is refused by name.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

import fsspec

from annotator import __version__
from annotator.errors import InputError
from annotator.records import PipelineInfo
from annotator.shards.write import Shard, ShardFile

MANIFEST = "manifest.json"
FORMAT = "annotator.shards.v1"


@dataclass
class Manifest:
    """What `annotator extract --out` wrote, and from what."""

    inputs: list[str]
    pipeline: PipelineInfo
    shards: list[Shard]
    errors: list[str] = field(default_factory=list)  # inputs that could not be read
    command: str = ""
    scheduler: str = ""
    created_at: str = ""

    @property
    def articles(self) -> int:
        return sum(s.articles.rows for s in self.shards)

    @property
    def claims(self) -> int:
        return sum(s.claims.rows for s in self.shards)


def manifest_path(folder: str) -> str:
    return f"{folder.rstrip('/')}/{MANIFEST}"


def write_manifest(folder: str, manifest: Manifest) -> None:
    content: dict[str, Any] = {
        "format": FORMAT,
        "annotator_version": __version__,
        **asdict(manifest),
        "shards": [asdict(s) for s in sorted(manifest.shards, key=lambda s: s.name)],
        "articles": manifest.articles,
        "claims": manifest.claims,
    }
    with fsspec.open(manifest_path(folder), "w", encoding="utf-8") as out:
        out.write(json.dumps(content, indent=2, ensure_ascii=False) + "\n")


def read_manifest(folder: str) -> Manifest:
    """The manifest of ``folder``; an InputError naming it when missing or unreadable."""
    path = manifest_path(folder)
    try:
        with fsspec.open(path, "r", encoding="utf-8") as stream:
            content = json.load(stream)
    except FileNotFoundError as error:
        raise InputError(
            path,
            "missing: the extract run that wrote these shards did not finish; run it again",
        ) from error
    except (OSError, ValueError) as error:
        raise InputError(path, f"cannot be read ({error}); run the extract again") from error
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise InputError(path, f"not an annotator shard manifest (format {FORMAT!r} expected)")
    try:
        return Manifest(
            inputs=list(content["inputs"]),
            pipeline=PipelineInfo(**content["pipeline"]),
            shards=[
                Shard(
                    s["name"],
                    ShardFile(**s["articles"]),
                    ShardFile(**s["claims"]),
                )
                for s in content["shards"]
            ],
            errors=list(content.get("errors", [])),
            command=content.get("command", ""),
            scheduler=content.get("scheduler", ""),
            created_at=content.get("created_at", ""),
        )
    except (KeyError, TypeError) as error:
        raise InputError(
            path, f"incomplete manifest (missing {error}); run the extract again"
        ) from error
