"""`merge_databases`: combine reviewers' databases into one team database.

Articles and claims are identified by content hash, so the same article is kept once.
Label schemas and reviewers are copied when missing; nothing already in the target is
overwritten. Annotations are copied oldest saved_at first and re-chained onto the
target's own hash chain (a chain is per database); a record identical to one already
present is skipped, so merging the same file twice adds nothing. Each source database
is merged in one transaction.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import MergeError
from annotator.store import Store
from annotator.store.corpus import labels_of
from annotator.store.faults import corrupt
from annotator.store.migrations import SCHEMA_VERSION


@dataclass
class MergeCounts:
    """What one source database added to the target (and what it already had)."""

    source: str
    articles_added: int = 0
    articles_present: int = 0
    claims_added: int = 0
    schemas_added: int = 0
    reviewers_added: int = 0
    annotations_added: int = 0
    annotations_present: int = 0
    annotations_without_claim: int = 0


def _open_source(path: Path) -> Store:
    # Read-only and not migrated: merging leaves a reviewer's file exactly as it is.
    source = Store(path, migrate=False, read_only=True)
    if not 1 <= source.schema_version <= SCHEMA_VERSION:
        source.close()
        raise MergeError(
            f"{path}: database schema version {source.schema_version} cannot be merged by "
            f"this annotator (knows 1..{SCHEMA_VERSION}); open it with annotator first"
        )
    # A damaged file is refused before anything of it reaches the target.
    problems = source.page_problems(quick=True, limit=1)
    if problems:
        source.close()
        raise corrupt(str(path), problems[0])
    return source


def _merge_one(target: Store, source: Store, counts: MergeCounts) -> None:
    with target.transaction():
        for row in source.label_schema_rows():
            counts.schemas_added += target.copy_label_schema(row)
        for row in source.reviewer_rows():
            counts.reviewers_added += target.copy_reviewer(row)
        for article, claims, attributions in source.iter_article_bundles():
            evidence = source.evidence_rows([c["id"] for c in claims])
            new, added = target.copy_article(article, claims, attributions, evidence)
            counts.articles_added += new
            counts.articles_present += not new
            counts.claims_added += added
        known: set[str] = set()
        for row in source.iter_annotation_rows_by_time():
            if row["claim_id"] not in known:
                if not target.known_claim_ids([row["claim_id"]]):
                    counts.annotations_without_claim += 1
                    continue
                known.add(row["claim_id"])
            added = target.append_annotation(
                claim_id=row["claim_id"],
                reviewer=row["reviewer"],
                action=row["action"],
                labels=labels_of(row),
                note=row["note"],
                seconds=row["seconds"],
                saved_at=row["saved_at"],
                schema_id=row["schema_id"],
            )
            counts.annotations_added += added
            counts.annotations_present += not added


def merge_databases(sources: list[str | Path], into: str | Path) -> list[MergeCounts]:
    """Merge each source database into `into` (created if missing); one count per source."""
    target_path = Path(into)
    paths = [Path(s) for s in sources]
    for path in paths:  # checked before the target is created
        if not path.is_file():
            raise MergeError(f"{path}: no such database; check the path")
        if target_path.exists() and path.resolve() == target_path.resolve():
            raise MergeError(f"{path}: is also the --into database; merge into another file")
    results = []
    with closing(Store(target_path)) as target:
        for path in paths:
            source = _open_source(path)
            try:
                counts = MergeCounts(source=str(path))
                _merge_one(target, source, counts)
            finally:
                source.close()
            target.log_event("merge", None, **vars(counts))
            results.append(counts)
    return results
