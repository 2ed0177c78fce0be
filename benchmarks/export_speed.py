"""Time `annotator export` of 100,000 labelled claims, and its peak memory, per format.

Builds the database through the store API (no spaCy: claims are made up, ten per
article, each labelled by one or two reviewers), then exports it once per format, each
in its own process so its peak resident memory (ru_maxrss) is its own.

    python benchmarks/export_speed.py [--claims 100000] [--formats jsonl,csv,parquet,spacy]
                                      [--db bench.db]   (kept, and reused when it exists)
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

from annotator.export import FORMATS, export_corpus
from annotator.export.sidecar import export_files
from annotator.labels import load_schema
from annotator.records import Article, ExtractedClaim, PipelineInfo, Span, claim_id
from annotator.store import Store

CLAIMS_PER_ARTICLE = 10
INFO = PipelineInfo(pipeline="benchmark 0", model="none")
SENTENCE = "Officials in city {a} said on day {s} that the budget would rise by {s} percent."


def _article(n: int) -> tuple[Article, list[ExtractedClaim]]:
    sentences = [SENTENCE.format(a=n, s=s) for s in range(CLAIMS_PER_ARTICLE)]
    text = " ".join(sentences)
    claims, start = [], 0
    for seq, sentence in enumerate(sentences):
        end = start + len(sentence)
        cue = start + sentence.index("said")
        claims.append(
            ExtractedClaim(
                seq=seq,
                kind="statement",
                start=start,
                end=end,
                text=sentence,
                sentence_start=start,
                sentence_end=end,
                source_type="unnamed_group",
                source=Span(sentence[:9], start, start + 9),
                cue=Span("said", cue, cue + 4),
                confidence=0.8,
            )
        )
        start = end + 1
    return Article(text=text, title=f"Budget {n}", outlet="Bench"), claims


def build(db: Path, claims: int) -> None:
    schema = load_schema()
    with closing(Store(db)) as store:
        store.register_schema(schema.id, schema.name, schema.version, schema.content)
        for n in range(claims // CLAIMS_PER_ARTICLE):
            article, extracted = _article(n)
            store.add_article(article, extracted, INFO)
            with store.transaction():  # one transaction per article's labels
                for claim in extracted:
                    cid = claim_id(article.id, claim.start, claim.end)
                    reviewers = ("alice", "bob") if claim.seq % 3 == 0 else ("alice",)
                    for reviewer in reviewers:
                        store.append_annotation(
                            claim_id=cid,
                            reviewer=reviewer,
                            action="label",
                            labels={"source_type": "unnamed_group", "credibility": 3},
                            note=None,
                            seconds=2.5,
                            saved_at=f"2026-01-01T00:00:00.{n:06d}+00:00",
                            schema_id=schema.id,
                        )


def run_one(db: Path, fmt: str, out: Path) -> None:
    """Child process: export once, print seconds and peak RSS as JSON."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu = time.perf_counter(), time.process_time()
    with closing(Store(db)) as store:
        result = export_corpus(store, fmt, out)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {
                "format": fmt,
                "seconds": seconds,
                "cpu_seconds": cpu,  # the wall clock suffers on a shared machine
                "records": result.tally.records,
                "peak_mb": peak / 1024,
                "before_mb": before / 1024,
                "bytes": sum(f.stat().st_size for f in export_files(out)),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--db", type=Path, help="database to build once and reuse")
    parser.add_argument("--child", nargs=3, metavar=("DB", "FORMAT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        db, fmt, out = args.child
        run_one(Path(db), fmt, Path(out))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            started = time.perf_counter()
            build(db, args.claims)
            print(f"built {args.claims} labelled claims in {time.perf_counter() - started:.1f} s")
        for fmt in args.formats.split(","):
            out = Path(tmp) / f"bench.{fmt}"
            child = [sys.executable, __file__, "--child", str(db), fmt, str(out)]
            figures = json.loads(subprocess.run(child, check=True, capture_output=True).stdout)
            print(
                f"{fmt:8} {figures['records']} records in {figures['seconds']:.2f} s "
                f"({figures['cpu_seconds']:.2f} s CPU), "
                f"peak RSS {figures['peak_mb']:.0f} MB "
                f"(at start {figures['before_mb']:.0f} MB), "
                f"{figures['bytes'] / 1e6:.1f} MB written"
            )


if __name__ == "__main__":
    main()
