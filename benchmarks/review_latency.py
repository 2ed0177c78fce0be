"""Review app latency on a 100,000-claim database (targets: start ≤ 1.0 s, rating p95 ≤ 30 ms).

Builds the database through the store API (no spaCy), then drives the app headless:

* start: from launching a fresh Python process (which imports the command line and
  the app, as `annotator review` does) to the first frame that shows a claim;
* rating: from a rating key reaching the app to the first frame after the next claim
  is shown (the save is committed in between).

Frames are taken where Textual hands a composed screen update to the terminal driver,
so the figures include layout and rendering, not Pilot's idle waiting.

    python benchmarks/review_latency.py [--db /tmp/review-bench.db] [--claims 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from annotator.records import Article, Evidence, ExtractedClaim, PipelineInfo, Span

CLAIMS_PER_ARTICLE = 100
REVIEWER = "bench"
WORDS = [
    "minister",
    "official",
    "said",
    "talks",
    "ankara",
    "washington",
    "missile",
    "delivery",
    "agreement",
    "report",
    "government",
    "source",
    "familiar",
    "matter",
    "according",
    "unnamed",
    "spokesperson",
    "defence",
    "budget",
    "vote",
    "election",
    "court",
    "ruling",
    "police",
    "witnesses",
    "critics",
    "analysts",
    "market",
    "prices",
    "rose",
    "fell",
    "week",
]


def _article(number: int, rng: random.Random) -> tuple[Article, list[ExtractedClaim]]:
    sentences = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 22))).capitalize() + "."
        for _ in range(CLAIMS_PER_ARTICLE)
    ]
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    text = f"Article {number}\n\n" + "\n\n".join(paragraphs)
    claims, position = [], 0
    for seq, sentence in enumerate(sentences):
        start = text.index(sentence, position)
        end = position = start + len(sentence)
        anonymous = rng.random() < 0.15
        first = sentence.split()[0]
        claims.append(
            ExtractedClaim(
                seq=seq,
                kind="statement",
                start=start,
                end=end,
                text=sentence,
                sentence_start=start,
                sentence_end=end,
                source_type="anonymous" if anonymous else rng.choice(["named_person", "document"]),
                anonymous_flag=anonymous,
                source=Span(first, start, start + len(first)),
                confidence=rng.random(),
                evidence=[Evidence("bench_rule", first, start, start + len(first), "benchmark")]
                if anonymous
                else [],
            )
        )
    return Article(text=text, title=f"Benchmark article {number}"), claims


def build(path: Path, n_claims: int) -> None:
    from annotator.store import Store

    rng = random.Random(4)
    info = PipelineInfo("benchmark 0", "none")
    started = time.perf_counter()
    with Store(path) as store:
        for number in range(n_claims // CLAIMS_PER_ARTICLE):
            store.add_article(*_article(number, rng), info)
        # A reviewer part-way through: the app must find the first unrated claim.
        for claim in store.claim_ids_in_order()[: min(500, n_claims // 10)]:
            store.add_annotation(claim, REVIEWER, {"credibility": 3}, schema_id=None)
    print(f"built {path} ({n_claims} claims) in {time.perf_counter() - started:.1f} s")


async def measure(path: Path, ratings: int, launched: float) -> dict[str, Any]:
    """Run in a fresh process; `launched` is the wall-clock time the parent started it."""
    from textual import events

    import annotator.cli  # noqa: F401  (`annotator review` loads every command first)
    from annotator.tui.app import make_app
    from annotator.tui.screens.claim import ClaimScreen

    imported = time.time() - launched

    shown: list[float] = []
    frames: list[float] = []
    show_claim = ClaimScreen.show_claim

    def timed_show(screen: ClaimScreen) -> None:
        show_claim(screen)
        shown.append(time.perf_counter())

    ClaimScreen.show_claim = timed_show  # type: ignore[method-assign]
    app = make_app(path, REVIEWER)
    display = app._display

    def timed_display(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is not None:
            frames.append(time.perf_counter())

    app._display = timed_display  # type: ignore[method-assign]

    async def next_frame_after_show(count: int) -> float:
        waited = time.perf_counter()
        while len(shown) <= count or not frames or frames[-1] < shown[count]:
            if time.perf_counter() - waited > 10:
                raise RuntimeError("no claim shown within 10 s of a rating key")
            await asyncio.sleep(0.0005)
        return next(f for f in frames if f >= shown[count])

    async with app.run_test(size=(100, 30)):
        first_frame = await next_frame_after_show(0)
        startup = time.time() - (time.perf_counter() - first_frame) - launched
        latencies = []
        driver = app._driver
        assert driver is not None
        for _ in range(ratings):
            await asyncio.sleep(0.1)  # a fast reviewer: ten claims a second
            count = len(shown)
            pressed = time.perf_counter()
            driver.send_message(events.Key("3", "3"))
            latencies.append(await next_frame_after_show(count) - pressed)
    ClaimScreen.show_claim = show_claim  # type: ignore[method-assign]
    return {"startup": startup, "imports": imported, "latencies": latencies}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/review-bench.db"))
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--ratings", type=int, default=200)
    parser.add_argument("--launched", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.launched is not None:  # the measuring child
        print(json.dumps(asyncio.run(measure(args.db, args.ratings, args.launched))))
        return 0
    from annotator.store import Store

    if not args.db.exists():
        build(args.db, args.claims)
    with Store(args.db) as store:
        claims = store.stats().claims
    command = [sys.executable, __file__, "--db", str(args.db), "--ratings", str(args.ratings)]
    child = subprocess.run(
        [*command, "--launched", repr(time.time())], capture_output=True, text=True, check=True
    )
    result = json.loads(child.stdout.strip().splitlines()[-1])
    startup, latencies = result["startup"], result["latencies"]
    p95 = statistics.quantiles(latencies, n=20)[-1] * 1000
    print(f"database: {claims} claims")
    print(
        f"start to first claim on screen: {startup:.3f} s (target ≤ 1.0 s), of which "
        f"interpreter and imports {result['imports']:.3f} s, "
        f"app {startup - result['imports']:.3f} s"
    )
    print(
        f"rating key to next claim rendered ({len(latencies)} ratings): "
        f"p50 {statistics.median(latencies) * 1000:.1f} ms, p95 {p95:.1f} ms, "
        f"max {max(latencies) * 1000:.1f} ms (target p95 ≤ 30 ms)"
    )
    return 0 if startup <= 1.0 and p95 <= 30 else 1


if __name__ == "__main__":
    sys.exit(main())
