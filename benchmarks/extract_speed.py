"""Extraction speed: bare spaCy ``nlp.pipe`` against full claim extraction.

Builds >= 1 MB of varied news-like text from templates (names, outlets, verbs, topics and
layouts combined at random with a fixed seed), then times the bare model and the full
extractor (paragraphs + source_attribution + records + page furniture) over the same
articles, and prints words/sec and the overhead. The target is an overhead of at most 10%.
Both runs use the same batch size (the Extractor's default unless --batch-size).

With one process the two are timed in paired rounds: each round runs the bare model and
the extractor on the same --round articles, taking turns to go first, and the figures are
the sums over all rounds. The machine is shared, and its speed drifts by 10-30% over
minutes; whole runs one after the other measure that drift, paired rounds cancel it. A
burst of other work inside one round still skews the sums, so the median and quartiles of
the per-round CPU overheads are printed too: the median is the figure to quote.
With worker processes (whose start-up a short round would swamp) each side runs over the
whole corpus, best of --repeat, taking turns to go first. CPU figures count this process
and spaCy's worker processes; the load average is printed before and after.

    python benchmarks/extract_speed.py                 # 1 and 2 processes
    python benchmarks/extract_speed.py --processes 1   # paired rounds only
    python benchmarks/extract_speed.py --processes 2 --size-mb 0.3
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import textwrap
import time
from collections.abc import Callable
from functools import partial

from annotator.nlp.pipeline import BATCH_SIZE, load_extractor, load_model
from annotator.records import Article

FIRST = [
    "Maria",
    "John",
    "Ahmed",
    "Li",
    "Olga",
    "Carlos",
    "Priya",
    "Kenji",
    "Fatima",
    "Tom",
    "Anna",
    "David",
    "Sofia",
    "Ivan",
    "Grace",
    "Omar",
    "Elena",
    "Samuel",
    "Aisha",
    "Lucas",
]
LAST = [
    "Lopez",
    "Smith",
    "Khan",
    "Wei",
    "Petrova",
    "Mendes",
    "Sharma",
    "Tanaka",
    "Haddad",
    "Brown",
    "Berg",
    "Miller",
    "Rossi",
    "Ivanov",
    "Okafor",
    "Farouk",
    "Novak",
    "Adeyemi",
]
TITLES = [
    "Finance Minister",
    "Sen.",
    "Chief Executive",
    "Mayor",
    "Gov.",
    "Prof.",
    "Dr.",
    "Defense Secretary",
    "Police Chief",
    "Ambassador",
]
ORGS = [
    "the Treasury",
    "Exxon Mobil",
    "the central bank",
    "the European Commission",
    "Siemens",
    "the health ministry",
    "the World Bank",
    "Toyota",
    "the city council",
    "the United Nations",
    "Pfizer",
    "the Pentagon",
    "Amazon",
    "the IMF",
]
PLACES = [
    "Berlin",
    "Ankara",
    "Lagos",
    "Jakarta",
    "Lima",
    "Chicago",
    "Madrid",
    "Seoul",
    "Nairobi",
    "Warsaw",
    "Manila",
    "Toronto",
    "Cairo",
    "Sydney",
]
TOPICS = [
    "interest rates",
    "the new tariff",
    "the rail strike",
    "vaccine supplies",
    "the merger",
    "water prices",
    "the border dispute",
    "chip exports",
    "the pension reform",
    "the budget deficit",
    "flood defenses",
    "the election law",
]
OUTCOMES = [
    "would rise sharply next year",
    "could be delayed until the autumn",
    "was not on the agenda",
    "had been agreed in principle",
    "would cost more than expected",
    "posed no risk to consumers",
    "was still under review",
    "might be scrapped entirely",
    "had already hurt small businesses",
    "would be decided by parliament",
]
ANON = [
    "two people familiar with the matter",
    "a senior official",
    "an official who declined to be named",
    "three diplomats speaking on condition of anonymity",
    "a source close to the negotiations",
    "officials",
]
UNNAMED = [
    "a local shopkeeper",
    "analysts",
    "witnesses",
    "critics",
    "a police officer",
    "residents",
    "economists",
    "an industry analyst",
]
VERBS = [
    "said",
    "told reporters",
    "warned",
    "argued",
    "noted",
    "added",
    "insisted",
    "confirmed",
    "claimed",
    "explained",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(TITLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"


def sentence(rng: random.Random) -> str:
    """One sentence from one of nine templates: attributed, anonymous, quoted, narrated."""
    topic, outcome = rng.choice(TOPICS), rng.choice(OUTCOMES)
    day = rng.choice(["Monday", "Friday", "Tuesday"])
    org, org2, place = rng.choice(ORGS), rng.choice(ORGS), rng.choice(PLACES)
    kind = rng.randrange(9)
    if kind == 0:
        return f"{person(rng)} {rng.choice(VERBS)} on {day} that {topic} {outcome}."
    if kind == 1:
        return f"{topic.capitalize()} {outcome}, {rng.choice(ANON)} said."
    if kind == 2:
        lead = rng.choice(["a report by ", "figures from ", ""])
        return f"According to {lead}{org}, {topic} {outcome}."
    if kind == 3:
        who = rng.choice(["he", "she"])
        return f"“We believe {topic} {outcome}. There is no alternative,” {who} said."
    if kind == 4:
        group = rng.choice(UNNAMED).capitalize()
        return f"{group} said {topic} {outcome}, while {org} argued it {rng.choice(OUTCOMES)}."
    if kind == 5:
        nth = rng.choice(["third", "fifth", "second"])
        return f"Prices in {place} climbed for a {nth} month as {topic} {outcome}."
    if kind == 6:
        return f"{place} says {topic} {outcome}."
    if kind == 7:
        return f"The decision on {topic}, which {org} says {outcome}, followed talks in {place}."
    verb = rng.choice(["expects", "reported", "announced"])
    return f"{org2.capitalize()} {verb} that {topic} {outcome}."


def article(rng: random.Random) -> str:
    """A headline and 4-9 paragraphs, laid out with blank lines, newlines or hard wraps."""
    verb = rng.choice(["Says", "Weighs", "Warns On", "Delays"])
    title = f"{rng.choice(PLACES)} {verb} {rng.choice(TOPICS).title()}"
    paras = [
        " ".join(sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(4, 9))
    ]
    layout = rng.randrange(3)
    if layout == 0:
        return "\n\n".join([title, *paras])
    if layout == 1:
        return "\n".join([title, *paras])
    return "\n".join([title, *(textwrap.fill(p, 72) for p in paras)])


def corpus(size_mb: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size_mb * 1_000_000:
        text = article(rng)
        out.append(text)
        total += len(text.encode("utf-8"))
    return out


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its finished children (spaCy's workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def timed(run: Callable[[], int]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, CPU seconds of this process alone) of one run. CPU time
    is the steadier figure on a machine shared with other jobs; wall time is what a user
    waits. With n_process > 1 this process only feeds the workers and rebuilds what they
    send back, and competes with them for the cores."""
    start, (main, kids) = time.perf_counter(), _cpu()
    run()
    main_after, kids_after = _cpu()
    main_cpu = main_after - main
    return time.perf_counter() - start, main_cpu + kids_after - kids, main_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument(
        "--processes",
        type=int,
        action="append",
        help="spaCy n_process (repeatable); default: 1 and 2",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=BATCH_SIZE,
        help=f"for both runs (default {BATCH_SIZE}, the Extractor's)",
    )
    parser.add_argument("--model", default=None)
    parser.add_argument(
        "--repeat", type=int, default=3, help="with worker processes: best of N runs (default 3)"
    )
    parser.add_argument(
        "--round", type=int, default=32, help="with one process: articles per paired round"
    )
    args = parser.parse_args()
    texts = corpus(args.size_mb)
    n_words = sum(len(t.split()) for t in texts)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"corpus: {len(texts)} articles, {size / 1e6:.2f} MB, {n_words} words")
    bare = load_model(args.model)
    extractor = load_extractor(args.model)
    articles = [Article(text=t) for t in texts]

    def run_bare(n: int, part: list[str] = texts) -> int:
        for _ in bare.pipe(part, n_process=n, batch_size=args.batch_size):
            pass
        return n_words

    def run_full(n: int, part: list[Article] = articles) -> int:
        claims = 0  # consumed so the generator runs to the end
        for _, found in extractor.extract(part, n_process=n, batch_size=args.batch_size):
            claims += len(found)
        return claims

    # Warm up both pipelines (lazy init, caches) on a few articles.
    list(bare.pipe(texts[:20]))
    list(extractor.extract(articles[:20]))
    for n in args.processes or [1, 2]:
        load = os.getloadavg()[0]
        per_round = ""
        if n == 1:
            bare_fig, full_fig, ratios = _paired(texts, articles, args.round, run_bare, run_full)
            how = f"paired rounds of {args.round} articles"
            per_round = _per_round(ratios)
        else:
            bare_fig, full_fig = _best_of(args.repeat, partial(run_bare, n), partial(run_full, n))
            how = f"best of {args.repeat}"
        (bare_wall, bare_cpu, bare_main), (full_wall, full_cpu, full_main) = bare_fig, full_fig
        main_cpu = f", main process {bare_main:.1f}s / {full_main:.1f}s" if n > 1 else ""
        print(
            f"n_process={n} ({how}): bare nlp.pipe {n_words / bare_wall:,.0f} words/s "
            f"({bare_wall:.1f}s wall, {bare_cpu:.1f}s cpu) | full extraction "
            f"{n_words / full_wall:,.0f} words/s ({full_wall:.1f}s wall, {full_cpu:.1f}s cpu) | "
            f"overhead wall {100 * (full_wall / bare_wall - 1):+.1f}%, "
            f"cpu {100 * (full_cpu / bare_cpu - 1):+.1f}%{main_cpu} | "
            f"load {load:.2f} -> {os.getloadavg()[0]:.2f}{per_round}"
        )


Figures = tuple[float, float, float]


def _paired(
    texts: list[str],
    articles: list[Article],
    size: int,
    run_bare: Callable[[int, list[str]], int],
    run_full: Callable[[int, list[Article]], int],
) -> tuple[Figures, Figures, list[float]]:
    """Sums over rounds of ``size`` articles, each timed bare and full, alternating order,
    and each round's CPU ratio full / bare."""
    sums = {"bare": [0.0, 0.0, 0.0], "full": [0.0, 0.0, 0.0]}
    ratios: list[float] = []
    for k, start in enumerate(range(0, len(texts), size)):
        runs = {
            "bare": partial(run_bare, 1, texts[start : start + size]),
            "full": partial(run_full, 1, articles[start : start + size]),
        }
        cpu: dict[str, float] = {}
        for name in ("bare", "full") if k % 2 == 0 else ("full", "bare"):
            figures = timed(runs[name])
            cpu[name] = figures[1]
            sums[name] = [a + b for a, b in zip(sums[name], figures, strict=True)]
        ratios.append(cpu["full"] / cpu["bare"])
    return _figures(sums["bare"]), _figures(sums["full"]), ratios


def _per_round(ratios: list[float]) -> str:
    """The median per-round CPU overhead and its quartiles (one round: its overhead)."""
    if len(ratios) < 2:
        return f" | per round: cpu overhead {100 * (ratios[0] - 1):+.1f}% (1 round)"
    low, mid, high = statistics.quantiles(ratios, n=4)
    return (
        f" | per round: median cpu overhead {100 * (mid - 1):+.1f}% "
        f"(quartiles {100 * (low - 1):+.1f}% to {100 * (high - 1):+.1f}%, {len(ratios)} rounds)"
    )


def _best_of(
    repeat: int, run_bare: Callable[[], int], run_full: Callable[[], int]
) -> tuple[Figures, Figures]:
    """The fastest of ``repeat`` whole runs of each, taking turns to go first."""
    best = {"bare": [float("inf")] * 3, "full": [float("inf")] * 3}
    runs = {"bare": run_bare, "full": run_full}
    for i in range(repeat):
        for name in ("bare", "full") if i % 2 == 0 else ("full", "bare"):
            figures = timed(runs[name])
            best[name] = [min(b, f) for b, f in zip(best[name], figures, strict=True)]
    return _figures(best["bare"]), _figures(best["full"])


def _figures(values: list[float]) -> Figures:
    wall, cpu, main_cpu = values
    return wall, cpu, main_cpu


if __name__ == "__main__":
    main()
