"""Corpus scale: extraction into Parquet shards with 1 process, 2 processes and a 2-worker
Dask LocalCluster, then the bulk load of the shards into a database.

Builds the corpus with benchmarks/make_corpus.py (10,000 articles by default), runs
`annotator extract CORPUS --out SHARDS` three ways through the installed command (model
loading included, as a user sees it), checks the three runs wrote the same claims, and
prints articles per minute, the peak memory of the largest process (per worker for the
cluster), and the rate of `annotator ingest SHARDS`.

The cluster is started before its run is timed (its start, about 5 s, is not counted)
so that its workers' peak memory can be asked for afterwards; the command reaches it by
address, exactly as it would a real cluster. Needs the dask extra.

    python benchmarks/corpus_scale.py                   # 10,000 articles
    python benchmarks/corpus_scale.py --articles 500    # a quick look
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from make_corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
ANNOTATOR = [sys.executable, "-m", "annotator"]


def run(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of the largest process of ``command``'s tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")  # type: ignore[union-attr]
    return seconds, usage.ru_maxrss / 1024  # KB on Linux


def claims(folder: Path) -> pa.Table:
    return pa.concat_tables(
        pq.read_table(path) for path in sorted((folder / "claims").glob("*.parquet"))
    )


def worker_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--shard-size", type=int, default=500)
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        write_corpus(corpus, args.articles)
        print(f"corpus: {args.articles:,} articles, {corpus.stat().st_size / 1e6:.1f} MB")
        print(f"load average before: {os.getloadavg()[0]:.2f}")
        extract = [*ANNOTATOR, "extract", str(corpus), "--shard-size", str(args.shard_size)]
        runs: dict[str, Path] = {}
        for processes in (1, 2):
            out = work / f"shards-{processes}"
            seconds, peak = run([*extract, "--out", str(out), "--processes", str(processes)])
            runs[f"{processes} process(es)"] = out
            print(
                f"{processes} process(es): {args.articles * 60 / seconds:,.0f} articles/min "
                f"({seconds:.0f} s); peak memory of the largest process {peak:,.0f} MB"
            )
        with (
            LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            Client(cluster) as client,
        ):
            out = work / "shards-cluster"
            seconds, peak = run(
                [*extract, "--out", str(out), "--scheduler", cluster.scheduler_address]
            )
            runs["2-worker LocalCluster"] = out
            peaks = sorted(client.run(worker_peak_mb).values())
            print(
                f"2-worker LocalCluster: {args.articles * 60 / seconds:,.0f} articles/min "
                f"({seconds:.0f} s); peak memory per worker "
                + ", ".join(f"{p:,.0f} MB" for p in peaks)
                + f"; client {peak:,.0f} MB"
            )
        print(f"load average after the extractions: {os.getloadavg()[0]:.2f}")
        tables = {name: claims(folder) for name, folder in runs.items()}
        reference = tables["1 process(es)"]
        same = all(table.equals(reference) for table in tables.values())
        print(f"claims: {reference.num_rows:,}; identical in all three runs: {same}")
        db = work / "bulk.db"
        seconds, peak = run([*ANNOTATOR, "ingest", str(runs["1 process(es)"]), "--db", str(db)])
        print(
            f"bulk load (annotator ingest SHARDS): {args.articles * 60 / seconds:,.0f} "
            f"articles/min ({seconds:.1f} s, {peak:,.0f} MB peak)"
        )
        seconds, _ = run([*ANNOTATOR, "ingest", str(runs["1 process(es)"]), "--db", str(db)])
        print(f"loading the same shards again (adds nothing): {seconds:.1f} s")


if __name__ == "__main__":
    main()
