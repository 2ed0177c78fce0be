"""`annotator ingest FOLDER` for a folder of Parquet shards: a bulk load, one transaction
per shard, checked against the manifest first.

Idempotent: articles are keyed by their content hash, so a shard loaded twice adds
nothing. A shard that is missing, cut short or changed is refused by name and the other
shards still load.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.errors import InputError
from annotator.ingest.run import IngestReport, IngestStep, Outcome
from annotator.shards import MANIFEST, read_manifest, read_shard
from annotator.store import Store


def is_shard_folder(path: str) -> bool:
    """A folder written by `annotator extract --out` (finished or not), or a URL."""
    if "://" in path:
        return True
    folder = Path(path)
    return (folder / MANIFEST).is_file() or (folder / "claims").is_dir()


def shard_articles(folder: str) -> int:
    """How many articles the manifest of ``folder`` lists (0 when it cannot be read)."""
    try:
        return read_manifest(folder).articles
    except InputError:
        return 0


def ingest_shards(
    store: Store, folder: str, *, progress: Callable[[IngestStep], None] | None = None
) -> IngestReport:
    """Load every shard of ``folder`` into ``store``, each shard in one transaction."""
    report = IngestReport()

    def record(step: IngestStep) -> None:
        report.record(step)
        if progress is not None:
            progress(step)

    try:
        manifest = read_manifest(folder)
    except InputError as error:
        record(IngestStep("failed", error.path, error=error))
        return report
    for shard in manifest.shards:
        try:
            extracted = read_shard(folder, shard)
        except InputError as error:
            record(IngestStep("failed", error.path, error=error))
            continue
        added = store.add_articles(extracted, manifest.pipeline)
        for article, claims in extracted:
            new = article.id in added
            outcome: Outcome = "added" if new else "present"
            claims_added = len(claims) if new else 0
            record(IngestStep(outcome, article.origin, claims_added, article_id=article.id))
    store.log_event(
        "ingest",
        actor=None,
        paths=[folder],
        shards=len(manifest.shards),
        added=report.added,
        already_present=report.already_present,
        failed=len(report.failed),
        claims_added=report.claims_added,
        pipeline=manifest.pipeline.pipeline,
        model=manifest.pipeline.model,
    )
    return report
