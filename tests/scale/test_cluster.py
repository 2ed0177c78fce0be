"""The Dask path: a LocalCluster of 2 workers extracts exactly what one process does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from scale_inputs import INPUTS, shard_records

from annotator.cli import main
from annotator.scale import worker

distributed = pytest.importorskip("distributed", reason="the annotator[dask] extra")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as local,
        distributed.Client(local) as client,
    ):
        yield client


def models_loaded() -> list[str | None]:
    """Runs on a worker: the models its process has loaded."""
    return list(worker._EXTRACTORS)


def test_two_workers_extract_claim_for_claim_what_one_process_does(
    cluster: Any, tmp_path: Path, reference_records: list[dict[str, Any]]
) -> None:
    out = tmp_path / "shards"
    address = cluster.scheduler.address
    result = CliRunner().invoke(
        main,
        ["extract", *INPUTS, "--out", str(out), "--scheduler", address, "--shard-size", "1"],
    )
    assert result.exit_code == 0, result.output
    assert "8 shard(s)" in result.stderr
    assert shard_records(out) == reference_records  # same ids, spans, types, flags, evidence
    # Both workers took partitions, each loading the model once for all of its shards.
    assert sorted(cluster.run(models_loaded).values()) == [[None], [None]]


def test_a_remote_cluster_sizes_itself(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["extract", INPUTS[0], "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1",
         "--processes", "2"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--processes sets the workers of --scheduler local" in result.stderr


def test_scheduler_local_starts_a_cluster_of_its_own(
    tmp_path: Path, reference_records: list[dict[str, Any]]
) -> None:
    out = tmp_path / "shards"
    result = CliRunner().invoke(
        main,
        ["extract", *INPUTS, "--out", str(out), "--scheduler", "local", "--processes", "1",
         "--shard-size", "4"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert shard_records(out) == reference_records
