"""Team queues: split the articles nobody is assigned to among reviewers.

Whole articles go to one reviewer; a given share of them (`overlap`) to two, so the
team's agreement can be measured. Each article goes to the reviewers whose queues hold
the fewest claims so far (a reviewer who already labelled some of its claims first, so
no work done changes hands). Articles assigned before are never moved: assigning again
after an ingest only extends the queues. The same seed gives the same split.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.errors import AnnotatorError
from annotator.store import Store


class AssignError(AnnotatorError):
    """Queues cannot be assigned as asked."""


@dataclass(frozen=True)
class AssignResult:
    articles: int  # articles newly assigned
    doubled: int  # of which to two reviewers
    seed: int
    pairs: tuple[tuple[str, str], ...]  # (article id, reviewer)


def plan(
    articles: Sequence[tuple[str, int]],
    reviewers: Sequence[str],
    overlap: float,
    seed: int,
    loads: Mapping[str, int] | None = None,
    labelled_by: Mapping[str, set[str]] | None = None,
) -> list[tuple[str, str]]:
    """(article id, reviewer) for each of `articles` ((id, claims) in reading order)."""
    rng = random.Random(seed)
    # Half up (Python's round() would give 0 for one article at 0.5).
    shared = min(len(articles), int(overlap * len(articles) + 0.5))
    doubled = set(rng.sample(range(len(articles)), shared))
    load = {reviewer: (loads or {}).get(reviewer, 0) for reviewer in reviewers}
    tie_break = {reviewer: rng.random() for reviewer in reviewers}
    pairs = []
    for index, (article_id, claims) in enumerate(articles):
        worked = (labelled_by or {}).get(article_id, set())
        ranked = sorted(reviewers, key=lambda r: (r not in worked, load[r], tie_break[r]))
        for reviewer in ranked[: 2 if index in doubled else 1]:
            pairs.append((article_id, reviewer))
            load[reviewer] += claims
    return pairs


def check_request(reviewers: Sequence[str], overlap: float) -> None:
    if not reviewers or any(not r.strip() for r in reviewers):
        raise AssignError("give reviewer names: --reviewers alice,bob,carol")
    if len(set(reviewers)) != len(reviewers):
        raise AssignError(f"a reviewer is named twice in --reviewers {','.join(reviewers)}")
    if not 0 <= overlap <= 1:
        raise AssignError(f"--overlap {overlap} must be a share between 0 and 1, such as 0.2")
    if overlap > 0 and len(reviewers) < 2:
        raise AssignError("--overlap needs two reviewers or more; pass --overlap 0 for one")


def assign_queues(
    store: Store, reviewers: Sequence[str], overlap: float, seed: int
) -> AssignResult:
    """Assign every unassigned article with claims; committed in one transaction."""
    check_request(reviewers, overlap)
    articles = store.unassigned_articles()
    ids = [article_id for article_id, _ in articles]
    pairs = plan(articles, reviewers, overlap, seed, store.queue_loads(), store.labelled_by(ids))
    store.assign(pairs, run=f"seed {seed}")
    return AssignResult(len(articles), len(pairs) - len(articles), seed, tuple(pairs))
