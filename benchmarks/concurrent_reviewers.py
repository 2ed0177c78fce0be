"""Reviewers saving at once: N processes, each saving ratings through the review session
(the code path of the review screen: `ReviewSession.save`, committed before it returns).

For each writer count it prints saves per second (all writers together) and the p50,
p99 and worst save latency, then checks that every save is in the database and that
the history chain verifies. The writer counts are a parameter (`--writers 1,4,8,16`).
`--pace S` makes each reviewer pause between saves, S seconds on average (uniform from 0
to 2S, so writers drift apart as people do); without it they save as fast as they can.

    python benchmarks/concurrent_reviewers.py [--writers 1,4,8] [--saves 1000]
                                              [--synchronous full|normal] [--dir /tmp]
                                              [--pace 0.5]
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from annotator.audit.chain import verify_chain
from annotator.labels import load_schema
from annotator.records import Article, ExtractedClaim, PipelineInfo
from annotator.store import Store
from annotator.tui.session import ReviewSession

ARTICLES = 100
CLAIMS_PER_ARTICLE = 20
INFO = PipelineInfo("benchmark 0", "none")


def build(path: Path) -> None:
    with Store(path) as store:
        for n in range(ARTICLES):
            sentences = [
                f"Official {n} said on day {s} that the budget would rise."
                for s in range(CLAIMS_PER_ARTICLE)
            ]
            text = " ".join(sentences)
            claims, start = [], 0
            for seq, sentence in enumerate(sentences):
                end = start + len(sentence)
                claims.append(ExtractedClaim(seq, "statement", start, end, sentence, start, end))
                start = end + 1
            store.add_article(Article(text=text), claims, INFO)


def reviewer(
    path: str,
    name: str,
    saves: int,
    synchronous: str,
    pace: float,
    start: Barrier,
    results: Any,
) -> None:
    """One reviewer: rate, save (committed), move on; `saves` times."""
    rng = random.Random(name)
    with Store(path) as store:
        store.conn.execute(f"PRAGMA synchronous = {synchronous}")
        session = ReviewSession(store, name, load_schema())
        session.open_first()
        latencies, hashes = [], []
        start.wait()
        began = time.perf_counter()
        for n in range(saves):
            session.answers.set("credibility", 1 + n % 5)
            before = time.perf_counter()
            session.save()
            latencies.append(time.perf_counter() - before)
            assert session._current is not None
            hashes.append(session._current.hash)
            session.move(1) if session.index + 1 < len(session.view) else session.open(0)
            if pace:
                time.sleep(rng.uniform(0, 2 * pace))
        results.put((name, time.perf_counter() - began, latencies, hashes))


def run(
    writers: int, saves: int, synchronous: str, folder: Path, pace: float = 0.0
) -> dict[str, Any]:
    path = folder / f"reviewers-{writers}.db"
    for leftover in folder.glob(f"{path.name}*"):
        leftover.unlink()
    build(path)
    context = multiprocessing.get_context("spawn")  # separate processes, as reviewers are
    start, results = context.Barrier(writers), context.Queue()
    processes = [
        context.Process(
            target=reviewer,
            args=(str(path), f"r{i}", saves, synchronous, pace, start, results),
        )
        for i in range(writers)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=3600) for _ in processes]
    for process in processes:
        process.join()
    latencies = sorted(x for _, _, lats, _ in outcomes for x in lats)
    wall = max(seconds for _, seconds, _, _ in outcomes)
    saved = {h for _, _, _, hashes in outcomes for h in hashes}
    with Store(path, read_only=True) as store:
        stored = {row["hash"] for row in store.chain_rows()}
        chain = verify_chain(store.chain_rows())
    return {
        "writers": writers,
        "saves": len(latencies),
        "per_second": len(latencies) / wall,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * latencies[int(0.99 * (len(latencies) - 1))],
        "max_ms": 1000 * latencies[-1],
        "lost": len(saved - stored),
        "chain_ok": chain.ok and chain.records == len(latencies),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", default="1,4,8", help="writer counts, comma-separated")
    parser.add_argument("--saves", type=int, default=1000, help="saves per writer")
    parser.add_argument("--synchronous", choices=["full", "normal"], default="full")
    parser.add_argument("--dir", type=Path, default=None, help="where the databases go")
    parser.add_argument(
        "--pace", type=float, default=0.0, help="mean pause between a writer's saves, seconds"
    )
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="reviewers-bench-"))
    print(
        f"synchronous={args.synchronous}, {args.saves} saves per writer, pace {args.pace:g} s,"
        f" in {folder}"
    )
    print("writers  saves  saves/s   p50 ms   p99 ms   max ms  lost  chain")
    failed = False
    for writers in (int(w) for w in args.writers.split(",")):
        r = run(writers, args.saves, args.synchronous, folder, args.pace)
        print(
            f"{r['writers']:>7}  {r['saves']:>5}  {r['per_second']:>7.0f}  {r['p50_ms']:>7.2f}"
            f"  {r['p99_ms']:>7.2f}  {r['max_ms']:>7.1f}  {r['lost']:>4}  "
            + ("ok" if r["chain_ok"] else "BROKEN")
        )
        failed = failed or r["lost"] > 0 or not r["chain_ok"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
