"""`annotator extract --out FOLDER`: extract articles into Parquet shards and a manifest,
in this process (with spaCy's worker processes) or on a Dask cluster."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime

import fsspec

from annotator.errors import AnnotatorError, InputError
from annotator.ingest import read_paths
from annotator.records import Article, ExtractedClaim, PipelineInfo
from annotator.scale.partition import partitions
from annotator.shards import MANIFEST, Manifest, Shard, shard_name, write_manifest, write_shard

DEFAULT_SHARD_SIZE = 500  # articles per shard (and per task sent to a Dask worker)


def check_empty(folder: str) -> None:
    """Refuse a folder that already holds shards: two runs must not mix in one manifest."""
    fs, root = fsspec.core.url_to_fs(folder)
    root = root.rstrip("/")
    if any(fs.exists(f"{root}/{name}") for name in (MANIFEST, "claims", "articles")):
        raise AnnotatorError(
            f"{folder}: already holds shards; pass an empty or new folder to --out"
        )


def extract_to_shards(
    paths: Iterable[str],
    folder: str,
    *,
    scheduler: str | None,
    model: str | None,
    n_process: int = 1,
    shard_size: int = DEFAULT_SHARD_SIZE,
    command: str = "",
    on_articles: Callable[[int], None] = lambda n: None,
    on_error: Callable[[InputError], None] = lambda error: None,
) -> Manifest:
    """Extract every article under ``paths`` into shards under ``folder``, then write the
    manifest. ``scheduler``: None for this process, ``"local"`` for a new local Dask
    cluster of ``n_process`` workers, or a Dask scheduler's address."""
    paths = list(paths)
    check_empty(folder)
    errors: list[str] = []

    def articles() -> Iterator[Article]:
        for item in read_paths(paths):
            if isinstance(item, InputError):
                errors.append(str(item))
                on_error(item)
            else:
                yield item

    def shard_done(shard: Shard) -> None:
        on_articles(shard.articles.rows)

    info: PipelineInfo | None
    if scheduler is None:
        shards, info = _extract_here(articles(), folder, model, n_process, shard_size, on_articles)
    else:
        from annotator.scale.cluster import cluster_client, extract_on_cluster

        with cluster_client(scheduler, n_process) as client:
            shards, info = extract_on_cluster(
                client, articles(), folder, model=model, shard_size=shard_size, on_shard=shard_done
            )
    manifest = Manifest(
        inputs=paths,
        pipeline=info or PipelineInfo("", ""),
        shards=shards,
        errors=errors,
        command=command,
        scheduler=scheduler or f"this process, {n_process} spaCy process(es)",
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    write_manifest(folder, manifest)
    return manifest


def _extract_here(
    articles: Iterator[Article],
    folder: str,
    model: str | None,
    n_process: int,
    shard_size: int,
    on_articles: Callable[[int], None],
) -> tuple[list[Shard], PipelineInfo | None]:
    first = next(articles, None)
    if first is None:
        return [], None
    from annotator.nlp.pipeline import load_extractor  # spaCy: only when there is work

    extractor = load_extractor(model)
    extracted = extractor.extract(itertools.chain([first], articles), n_process=n_process)

    def counted() -> Iterator[tuple[Article, list[ExtractedClaim]]]:
        for pair in extracted:
            on_articles(1)
            yield pair

    shards = [
        write_shard(folder, shard_name(index), chunk, extractor.info)
        for index, chunk in enumerate(partitions(counted(), shard_size))
    ]
    return shards, extractor.info
