"""Extraction time on text with no full stops: one paragraph, one "sentence" of many
thousand tokens, as text pulled from tables or PDFs, or hostile input, can be.

Prints seconds for the bare model and for the full extraction at growing sizes. Both should
grow roughly in proportion to the size (the parser itself grows a little faster); work in
the component that scanned the sentence once per verb made this quadratic (98 s at 72 KB).

    python benchmarks/long_sentence.py
    python benchmarks/long_sentence.py --sizes 50 200 800
"""

from __future__ import annotations

import argparse
import time

from annotator.nlp.pipeline import load_extractor, load_model
from annotator.records import Article

CLAUSE = (
    'officials said the bridge "was safe," Okonjo told supporters, the council, which met '
    "on Monday, said the plan was sound; critics say it is not, "
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[100, 400, 1600], help="clauses per text"
    )
    args = parser.parse_args()
    bare = load_model()
    extractor = load_extractor()
    for n in args.sizes:
        text = "Headline\n\n" + CLAUSE * n
        start = time.perf_counter()
        bare(text)
        bare_s = time.perf_counter() - start
        start = time.perf_counter()
        list(extractor.extract([Article(text=text)]))
        full_s = time.perf_counter() - start
        print(
            f"{len(text) / 1000:7.1f} KB: bare {bare_s:6.2f} s | full extraction {full_s:6.2f} s "
            f"| ratio {full_s / bare_s:.2f}"
        )


if __name__ == "__main__":
    main()
