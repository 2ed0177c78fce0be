"""The task a Dask worker runs: extract one partition of articles and write its shard.

Imported on the workers by name, so it must not import Dask (nor anything the workers
lack). The model loads once per worker process and is kept for every later partition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.records import Article, PipelineInfo
from annotator.shards import Shard, write_shard

if TYPE_CHECKING:
    from annotator.nlp.pipeline import Extractor

_EXTRACTORS: dict[str | None, Extractor] = {}


def worker_extractor(model: str | None) -> Extractor:
    """This process's Extractor for ``model``, loaded on first use."""
    if model not in _EXTRACTORS:
        # spaCy loads in the workers only: the client that sends the task never needs it.
        from annotator.nlp.pipeline import load_extractor

        _EXTRACTORS[model] = load_extractor(model)
    return _EXTRACTORS[model]


def extract_shard(
    folder: str, name: str, articles: list[Article], model: str | None
) -> tuple[Shard, PipelineInfo]:
    """Extract ``articles`` and write them as shard ``name`` under ``folder``."""
    extractor = worker_extractor(model)
    extracted = list(extractor.extract(articles))
    return write_shard(folder, name, extracted, extractor.info), extractor.info
