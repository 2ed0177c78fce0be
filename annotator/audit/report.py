"""Build the whole audit of a database: the one object every report format renders."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.audit.agreement import FieldAgreement, field_agreement, fields_from_schema
from annotator.audit.bootstrap import RESAMPLES
from annotator.audit.chain import ChainReport, verify_chain
from annotator.audit.detector import DetectorQuality, detector_quality
from annotator.audit.disputes import DisputeCounts, count_disputes
from annotator.audit.gold_view import gold_view
from annotator.audit.profile import ArticleProfile, article_profiles
from annotator.audit.reviewers import FAST_SECONDS, ReviewerStats, reviewer_stats
from annotator.gold import GoldMethod
from annotator.labels import LabelSchema
from annotator.store.audit import AuditMixin, CurrentLabel

FORMAT = "annotator.audit.v2"


@dataclass(frozen=True)
class AuditReport:
    database: str
    schema: str  # "name vVERSION (id)"
    gold: GoldMethod
    fast_seconds: float
    claims_labelled: int  # claims with at least one reviewer's current label
    claims_multi: int  # claims labelled by two or more reviewers
    chain: ChainReport
    disputes: DisputeCounts
    agreement: tuple[FieldAgreement, ...]
    reviewers: tuple[ReviewerStats, ...]
    detector: DetectorQuality
    articles: tuple[ArticleProfile, ...]


def ratings_by_claim(labels: list[CurrentLabel]) -> dict[str, dict[str, dict[str, object]]]:
    """{claim: {reviewer: labels}} of the current labels."""
    result: dict[str, dict[str, dict[str, object]]] = {}
    for label in labels:
        result.setdefault(label.claim_id, {})[label.reviewer] = label.labels
    return result


def build_report(
    store: AuditMixin,
    schema: LabelSchema,
    *,
    gold: GoldMethod = "adjudicated",
    fast: float = FAST_SECONDS,
    resamples: int = RESAMPLES,
    pinned: str | None = None,
) -> AuditReport:
    """Everything `annotator audit` reports, computed from the database in one pass."""
    labels = store.current_labels()
    machine = store.machine_suggestions()
    adjudications = store.adjudications()
    by_claim = ratings_by_claim(labels)
    multi = {c: by for c, by in by_claim.items() if len(by) > 1}
    specs = fields_from_schema(schema)
    article_of = store.claim_articles()
    agreement = tuple(
        field_agreement(
            # Only the reviewers who answered: a span's null is an answer ("no span").
            {c: {r: v[s.name] for r, v in by.items() if s.name in v} for c, by in multi.items()},
            s,
            resamples,
            article_of=article_of,
        )
        for s in specs
    )
    # Adjudicated gold first where any claim has it; the majority always.
    views = [gold_view(labels, adjudications, "majority")]
    if adjudications:
        views.insert(0, gold_view(labels, adjudications, "adjudicated"))
    chosen = next(v for v in views if v.method == gold or len(views) == 1)
    return AuditReport(
        database=store.path,
        schema=f"{schema.name} v{schema.version} ({schema.id})",
        gold=chosen.method,
        fast_seconds=fast,
        claims_labelled=len(by_claim),
        claims_multi=len(multi),
        chain=verify_chain(store.chain_rows(), pinned),
        disputes=count_disputes(
            {c: list(by.values()) for c, by in multi.items()}, schema, adjudications.keys()
        ),
        agreement=agreement,
        reviewers=tuple(reviewer_stats(labels, store.seconds_per_claim(), machine, specs, fast)),
        detector=detector_quality(machine, views, chosen.method),
        articles=tuple(article_profiles(machine, chosen.labels, store.article_titles())),
    )
