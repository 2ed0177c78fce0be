"""The SQLite dataset: the only package that writes SQL.

`Store(path)` opens (and migrates) a database; its methods are grouped by topic in
the mixin modules of this package.
"""

from annotator.store.annotations import Annotation, AnnotationsMixin
from annotator.store.articles import ArticlesMixin, ArticleSummary, StoreStats
from annotator.store.audit import AuditMixin
from annotator.store.core import StoreBase
from annotator.store.corpus import CorpusMixin
from annotator.store.maintenance import MaintenanceMixin, Snapshot
from annotator.store.queues import QueuesMixin, QueueStats
from annotator.store.review import ArticleRow, ReviewClaim, ReviewMixin


class Store(
    ArticlesMixin,
    ReviewMixin,
    QueuesMixin,
    AuditMixin,
    CorpusMixin,
    AnnotationsMixin,
    MaintenanceMixin,
    StoreBase,
):
    """One connection to an annotator database (one per thread or process)."""


__all__ = [
    "Annotation",
    "ArticleRow",
    "ArticleSummary",
    "QueueStats",
    "ReviewClaim",
    "Snapshot",
    "Store",
    "StoreStats",
]
