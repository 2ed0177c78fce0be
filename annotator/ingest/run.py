"""`ingest_paths`: read files, skip what the store already holds, extract, store.

spaCy is loaded only once a new article turns up, so re-running an ingest over
files already in the database is quick and never imports spaCy.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from annotator.errors import InputError
from annotator.ingest.size import DEFAULT_MAX_BYTES
from annotator.ingest.walk import read_paths
from annotator.records import Article
from annotator.store import Store

# Articles asked about in one `known_article_ids` query.
LOOKUP_BATCH = 200

Outcome = Literal["added", "present", "failed"]


@dataclass(frozen=True)
class IngestStep:
    """What happened to one article or input (passed to the progress callback)."""

    outcome: Outcome
    origin: str | None
    claims: int = 0
    error: InputError | None = None
    article_id: str | None = None  # of an article added or already present
    warnings: tuple[str, ...] = ()  # what reading the article was unsure of (an encoding)


@dataclass
class IngestReport:
    """The outcome of one ingest run."""

    added: int = 0
    already_present: int = 0
    failed: list[str] = field(default_factory=list)  # one error line each
    claims_added: int = 0
    article_ids: list[str] = field(default_factory=list)  # added or already present
    warnings: list[str] = field(default_factory=list)  # one line each, each said once

    def record(self, step: IngestStep) -> None:
        """Count one article's (or input's) outcome."""
        if step.outcome == "added":
            self.added += 1
            self.claims_added += step.claims
            # A JSONL or CSV file's warning comes with each of its articles: said once.
            self.warnings.extend(w for w in step.warnings if w not in self.warnings)
        elif step.outcome == "present":
            self.already_present += 1
        else:
            assert step.error is not None
            self.failed.append(str(step.error))
        if step.article_id is not None:
            self.article_ids.append(step.article_id)

    def merge(self, other: IngestReport) -> None:
        self.added += other.added
        self.already_present += other.already_present
        self.failed += other.failed
        self.claims_added += other.claims_added
        self.article_ids += other.article_ids
        self.warnings.extend(w for w in other.warnings if w not in self.warnings)

    def summary(self) -> str:
        line = (
            f"added {self.added}, already present {self.already_present}, "
            f"failed {len(self.failed)} ({self.claims_added} claims)"
        )
        if self.warnings:
            line += f"; {len(self.warnings)} warning{'s' if len(self.warnings) > 1 else ''}"
        return line


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    model: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    n_process: int = 1,
    progress: Callable[[IngestStep], None] | None = None,
) -> IngestReport:
    """Ingest every article under ``paths`` into ``store``, one transaction per article.

    An article whose text the store (or this run) already holds counts as already
    present. Bad files and lines are reported in ``IngestReport.failed`` and the
    rest still ingest; a crash leaves every stored article complete. A guessed
    encoding of an added article is reported in ``IngestReport.warnings``.
    """
    paths = [str(p) for p in paths]
    report = IngestReport()

    def record(step: IngestStep) -> None:
        report.record(step)
        if progress is not None:
            progress(step)

    new = _new_articles(store, read_paths(paths, max_bytes=max_bytes), record)
    first = next(new, None)
    info = None
    if first is not None:
        from annotator.nlp.pipeline import load_extractor  # spaCy: only when needed

        extractor = load_extractor(model)
        info = extractor.info
        pairs = extractor.extract(itertools.chain([first], new), n_process=n_process)
        for article, claims in pairs:
            try:
                stored = store.add_article(article, claims, info)
            except sqlite3.IntegrityError as error:
                # Claims that break a constraint are an extraction bug: the article's
                # transaction is rolled back whole, and the run goes on.
                problem = f"cannot store this article ({error}); please report this as a bug"
                record(
                    IngestStep(
                        "failed",
                        article.origin,
                        error=InputError.at(article.origin or article.id, problem),
                    )
                )
                continue
            outcome: Outcome = "added" if stored else "present"
            record(
                IngestStep(
                    outcome,
                    article.origin,
                    claims=len(claims) if stored else 0,
                    article_id=article.id,
                    # a guessed encoding is said for the articles it is stored with
                    warnings=tuple(article.warnings) if stored else (),
                )
            )
    store.log_event(
        "ingest",
        actor=None,
        paths=paths,
        added=report.added,
        already_present=report.already_present,
        failed=len(report.failed),
        claims_added=report.claims_added,
        pipeline=info.pipeline if info else None,
        model=info.model if info else None,
    )
    return report


def _new_articles(
    store: Store,
    items: Iterator[Article | InputError],
    record: Callable[[IngestStep], None],
) -> Iterator[Article]:
    """The articles neither in the store nor earlier in this run; records the others."""
    seen: set[str] = set()
    while batch := list(itertools.islice(items, LOOKUP_BATCH)):
        articles = [item for item in batch if isinstance(item, Article)]
        known = store.known_article_ids(a.id for a in articles)
        for item in batch:
            if isinstance(item, InputError):
                record(IngestStep("failed", item.path, error=item))
            elif item.id in known or item.id in seen:
                record(IngestStep("present", item.origin, article_id=item.id))
            else:
                seen.add(item.id)
                yield item
