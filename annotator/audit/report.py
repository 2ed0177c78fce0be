"""Build the whole audit of a database: the one object every report format renders."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.audit.agreement import RESAMPLES, FieldAgreement, field_agreement, fields_from_schema
from annotator.audit.chain import ChainReport, verify_chain
from annotator.audit.detector import DetectorQuality, detector_quality
from annotator.audit.gold_view import gold_labels
from annotator.audit.profile import ArticleProfile, article_profiles
from annotator.audit.reviewers import FAST_SECONDS, ReviewerStats, reviewer_stats
from annotator.gold import GoldMethod
from annotator.labels import LabelSchema
from annotator.store.audit import AuditMixin, CurrentLabel

FORMAT = "annotator.audit.v1"


@dataclass(frozen=True)
class AuditReport:
    database: str
    schema: str  # "name vVERSION (id)"
    gold: GoldMethod
    fast_seconds: float
    claims_labelled: int  # claims with at least one reviewer's current label
    claims_multi: int  # claims labelled by two or more reviewers
    chain: ChainReport
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
    gold: GoldMethod = "majority",
    fast: float = FAST_SECONDS,
    resamples: int = RESAMPLES,
    pinned: str | None = None,
) -> AuditReport:
    """Everything `annotator audit` reports, computed from the database in one pass."""
    labels = store.current_labels()
    machine = store.machine_suggestions()
    by_claim = ratings_by_claim(labels)
    specs = fields_from_schema(schema)
    agreement = tuple(
        field_agreement(
            {
                c: {r: v.get(s.name) for r, v in by.items()}
                for c, by in by_claim.items()
                if len(by) > 1
            },
            s,
            resamples,
        )
        for s in specs
    )
    gold_by_claim = gold_labels(labels, store.adjudications(), gold)
    return AuditReport(
        database=store.path,
        schema=f"{schema.name} v{schema.version} ({schema.id})",
        gold=gold,
        fast_seconds=fast,
        claims_labelled=len(by_claim),
        claims_multi=sum(len(by) > 1 for by in by_claim.values()),
        chain=verify_chain(store.chain_rows(), pinned),
        agreement=agreement,
        reviewers=tuple(reviewer_stats(labels, store.seconds_per_claim(), machine, specs, fast)),
        detector=detector_quality(machine, gold_by_claim),
        articles=tuple(article_profiles(machine, gold_by_claim, store.article_titles())),
    )
