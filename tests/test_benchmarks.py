"""Every script in benchmarks/ runs to the end at a tiny size, so none rots unnoticed.

The figures at this size mean nothing; the scripts print them, and that is checked.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
SEEDS = BENCHMARKS.parent / "seeds"

# Script -> (arguments for a tiny run, a line its output must hold, exit codes allowed).
# review_latency exits 1 when its speed targets are missed, which a loaded test machine
# may do; that still shows it ran.
TINY: dict[str, tuple[list[str], str, tuple[int, ...]]] = {
    "make_corpus.py": (["--articles", "3", "-o", "{tmp}/corpus.jsonl"], "3 articles", (0,)),
    "review_latency.py": (
        ["--db", "{tmp}/review.db", "--claims", "200", "--ratings", "5"],
        "rating key to next claim rendered",
        (0, 1),
    ),
    "export_speed.py": (["--claims", "40", "--db", "{tmp}/export.db"], "jsonl", (0,)),
    "extract_speed.py": (
        ["--size-mb", "0.01", "--processes", "1", "--repeat", "1"],
        "overhead",
        (0,),
    ),
    "ingest_speed.py": (["--articles", "2"], "corpus: 2 articles", (0,)),
    "long_sentence.py": (["--sizes", "2"], "full extraction", (0,)),
    "extraction_digest.py": ([str(SEEDS)], "seeds", (0,)),
    "furniture_speed.py": ([str(SEEDS)], "furniture pass", (0,)),
    "agreement_speed.py": (["--claims", "60", "--resamples", "20"], "span", (0,)),
    # Three extractions (one on a 2-worker LocalCluster) that must agree claim for claim.
    "corpus_scale.py": (
        ["--articles", "6", "--shard-size", "3"],
        "identical in all three runs: True",
        (0,),
    ),
    # Exits 1 when a save is lost or the chain breaks: that must not happen at any size.
    "concurrent_reviewers.py": (
        ["--writers", "1,2", "--saves", "20", "--dir", "{tmp}"],
        "0  ok",
        (0,),
    ),
}


def test_every_benchmark_has_a_tiny_run() -> None:
    scripts = {p.name for p in BENCHMARKS.glob("*.py")}
    assert scripts <= set(TINY), f"give {sorted(scripts - set(TINY))} a tiny run here"


@pytest.mark.parametrize("script", sorted(TINY))
def test_benchmark_runs_at_a_tiny_size(script: str, tmp_path: Path) -> None:
    if not (BENCHMARKS / script).is_file():
        pytest.skip(f"{script} is not in this checkout")
    args, expected, codes = TINY[script]
    command = [sys.executable, str(BENCHMARKS / script), *(a.format(tmp=tmp_path) for a in args)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert done.returncode in codes, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert expected in done.stdout, done.stdout[-2000:]
