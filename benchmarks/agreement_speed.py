"""Time the agreement figures of `annotator audit` per level of measurement.

Made-up ratings (no database): claims labelled by three reviewers, twenty claims per
article; a nominal field of 7 values, an ordinal 1-5 scale, and a span field whose
answers are near each other (or null one time in five). Each field is timed with its
bootstrap interval (1,000 resamples), as the audit computes it.

    python benchmarks/agreement_speed.py [--claims 5000] [--resamples 1000]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from annotator.audit.agreement import FieldSpec, field_agreement

CLAIMS_PER_ARTICLE = 20
REVIEWERS = ("alice", "bob", "carol")


def ratings(claims: int, rng: np.random.Generator) -> dict[str, dict[str, dict[str, object]]]:
    """{field: {claim: {reviewer: value}}} for the three fields."""
    fields: dict[str, dict[str, dict[str, object]]] = {"type": {}, "scale": {}, "span": {}}
    for c in range(claims):
        claim = f"c{c}"
        truth_type, truth_scale = int(rng.integers(7)), int(rng.integers(1, 6))
        start = 100 * (c % CLAIMS_PER_ARTICLE)
        fields["type"][claim], fields["scale"][claim], fields["span"][claim] = {}, {}, {}
        for reviewer in REVIEWERS:
            noisy = rng.random() < 0.2
            fields["type"][claim][reviewer] = int(rng.integers(7)) if noisy else truth_type
            scale = truth_scale + int(rng.integers(-1, 2))
            fields["scale"][claim][reviewer] = min(5, max(1, scale))
            left = start + int(rng.integers(0, 3))
            span = {"start": left, "end": left + 10 + int(rng.integers(0, 5))}
            fields["span"][claim][reviewer] = None if rng.random() < 0.2 else span
    return fields


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=5_000)
    parser.add_argument("--resamples", type=int, default=1_000)
    args = parser.parse_args()
    data = ratings(args.claims, np.random.default_rng(1))
    article_of = {f"c{c}": f"a{c // CLAIMS_PER_ARTICLE}" for c in range(args.claims)}
    specs = {
        "type": FieldSpec("type", "nominal", tuple(range(7))),
        "scale": FieldSpec("scale", "ordinal", (1, 2, 3, 4, 5)),
        "span": FieldSpec("span", "span", ()),
    }
    for name, spec in specs.items():
        started, cpu = time.perf_counter(), time.process_time()
        result = field_agreement(data[name], spec, args.resamples, article_of=article_of)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        low, high = result.alpha_ci or (float("nan"), float("nan"))
        print(
            f"{spec.level:8} {result.claims} claims: alpha {result.alpha:.3f} "
            f"[{low:.3f}, {high:.3f}] in {seconds:.2f} s ({cpu:.2f} s CPU)"
        )


if __name__ == "__main__":
    main()
