"""Time `annotator ingest` of the seed article and of a 1,000-article corpus.

Each run goes into a fresh database through the installed command (model loading
included, as a user sees it), then is repeated to time the already-ingested path.

    python benchmarks/ingest_speed.py [--articles 1000] [--processes 1]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from make_corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]


def timed_ingest(paths: list[Path], db: Path, processes: int) -> float:
    command = [sys.executable, "-m", "annotator", "ingest", *map(str, paths), "--db", str(db)]
    started = time.perf_counter()
    subprocess.run([*command, "--processes", str(processes)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def report(label: str, paths: list[Path], articles: int, work: Path, processes: int) -> None:
    db = work / f"{label}.db"
    first = timed_ingest(paths, db, processes)
    again = timed_ingest(paths, db, processes)
    size = db_bytes(db)
    # Per 1,000 articles only for a corpus: one article's database is mostly schema.
    per_thousand = (
        f", {size / articles / 1000:.2f} MB per 1,000 articles" if articles >= 100 else ""
    )
    print(
        f"{label}: {articles} articles in {first:.2f} s ({articles / first:.1f} articles/s); "
        f"re-run (all already present) {again:.2f} s; database {size / 1e6:.2f} MB"
        f"{per_thousand}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        write_corpus(corpus, args.articles)
        report("seed", [ROOT / "seeds"], 1, work, args.processes)
        report("corpus", [corpus], args.articles, work, args.processes)


if __name__ == "__main__":
    main()
