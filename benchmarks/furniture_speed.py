"""Time the page-furniture pass (header lines, then every pattern on every line) per article.

It runs after extraction on every article (and its head is read at ingest for the title),
so its cost adds to ingest time; a pattern that backtracks badly shows up here first.
Reads every .txt file of the folders given (default: the check set), best of three runs;
also prints the slowest pattern on a single line (best of three too).

    python benchmarks/furniture_speed.py
    python benchmarks/furniture_speed.py ../shared/polnear/train/text
"""

from __future__ import annotations

import argparse
import time
import timeit
from functools import partial
from pathlib import Path

from annotator.ingest import read_paths
from annotator.nlp.furniture import bare_line, furniture_lines, load_furniture
from annotator.records import Article

CHECKSET = (
    Path(__file__).resolve().parents[1] / "tests" / "ingest" / "data" / "checkset" / "articles"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", default=[str(CHECKSET)])
    args = parser.parse_args()
    texts = [a.text for a in read_paths(args.folders) if isinstance(a, Article)]
    lexicon = load_furniture(None)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for text in texts:
            furniture_lines(text, lexicon)
        best = min(best, time.perf_counter() - start)
    chars = sum(map(len, texts)) / max(1, len(texts))
    print(f"{len(texts)} articles, {chars:,.0f} characters each on average")
    print(f"furniture pass: {1000 * best / max(1, len(texts)):.2f} ms per article (best of 3)")
    slowest = (0.0, "", 0)
    for text in texts:
        for line in text.split("\n"):
            bare = bare_line(line)
            for name, pattern in lexicon.patterns:
                # best of three: one slow run is the machine, three are the pattern
                run = partial(pattern.fullmatch, bare)
                took = min(timeit.repeat(run, number=1, repeat=3))
                if took > slowest[0]:
                    slowest = (took, name, len(bare))
    print(
        f"slowest pattern on one line: {slowest[1]}, {1e6 * slowest[0]:.0f} µs ({slowest[2]} chars)"
    )


if __name__ == "__main__":
    main()
