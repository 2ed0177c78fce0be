"""The Dask path: partitions of articles extracted on a cluster's workers into shards.

Needs the optional extra `annotator[dask]`; without it the command says in one line how
to install it. The client reads the inputs and sends each partition to a worker with
the task; workers write their shards straight to the shard folder, so that folder must
be one they all reach (a shared filesystem, or object storage through fsspec).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError
from annotator.records import Article, PipelineInfo
from annotator.scale.partition import partitions
from annotator.scale.worker import extract_shard
from annotator.shards import Shard, shard_name

if TYPE_CHECKING:
    from distributed import Client

INSTALL_HINT = "pip install 'annotator[dask]' (in a checkout: pip install -e '.[dask]')"
# Partitions queued per worker thread beyond the one it runs: enough to keep every worker
# busy, few enough that the client never holds the whole corpus in memory.
QUEUED_PER_THREAD = 2


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as error:
        raise AnnotatorError(
            f"--scheduler needs Dask, which is not installed: {INSTALL_HINT}"
        ) from error
    return distributed


@contextlib.contextmanager
def cluster_client(scheduler: str, workers: int) -> Iterator[Client]:
    """A client of a new local cluster (``"local"``: ``workers`` processes of one thread
    each) or of the scheduler at ``scheduler`` (``tcp://host:8786``)."""
    distributed = _distributed()
    if scheduler == "local":
        # Any free port for the scheduler's web pages: 8787 may be another cluster's.
        with (
            distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = distributed.Client(scheduler, timeout="15s")
    except (OSError, ValueError) as error:
        raise AnnotatorError(
            f"cannot reach the Dask scheduler at {scheduler} ({error}); check the address "
            "and that `dask scheduler` is running there"
        ) from error
    with client:
        yield client


def extract_on_cluster(
    client: Client,
    articles: Iterable[Article],
    folder: str,
    *,
    model: str | None,
    shard_size: int,
    on_shard: Callable[[Shard], None],
) -> tuple[list[Shard], PipelineInfo | None]:
    """Send ``articles`` to the workers ``shard_size`` at a time; each writes one shard.

    Returns the shards in name order and the pipeline every worker ran."""
    distributed = _distributed()
    threads = sum(client.nthreads().values()) or 1
    running = distributed.as_completed()
    names: dict[Any, str] = {}
    shards: list[Shard] = []
    infos: set[PipelineInfo] = set()

    def collect(future: Any) -> None:
        try:
            shard, info = future.result()
        except AnnotatorError:
            raise
        except Exception as error:
            raise AnnotatorError(
                f"shard {names[future]}: a worker failed ({type(error).__name__}: {error}); "
                "see the worker's log"
            ) from error
        shards.append(shard)
        infos.add(info)
        on_shard(shard)

    for index, partition in enumerate(partitions(articles, shard_size)):
        name = shard_name(index)
        future = client.submit(extract_shard, folder, name, partition, model, pure=False)
        names[future] = name
        running.add(future)
        while running.count() > threads * (1 + QUEUED_PER_THREAD):
            collect(next(running))
    for future in running:
        collect(future)
    if len(infos) > 1:
        found = "; ".join(sorted(f"{i.pipeline} with {i.model}" for i in infos))
        raise AnnotatorError(
            f"the workers run different pipelines ({found}); install the same annotator "
            "and model on every worker"
        )
    return sorted(shards, key=lambda s: s.name), next(iter(infos), None)
