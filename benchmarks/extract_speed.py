"""Extraction speed: bare spaCy ``nlp.pipe`` against full claim extraction.

Builds >= 1 MB of varied news-like text from templates (names, outlets, verbs, topics and
layouts combined at random with a fixed seed), then times the bare model and the full
extractor (paragraphs + source_attribution + records) over the same articles, and prints
words/sec and the overhead. The target is an overhead of at most 15%. Both runs use the
same batch size (the Extractor's default unless --batch-size) and take turns going first;
CPU figures count this process and spaCy's worker processes, and the load average is
printed before and after each pair of figures.

    python benchmarks/extract_speed.py                 # 1 and 2 processes
    python benchmarks/extract_speed.py --processes 2 --size-mb 0.3
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import textwrap
import time
from collections.abc import Callable

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
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = parser.parse_args()
    texts = corpus(args.size_mb)
    n_words = sum(len(t.split()) for t in texts)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"corpus: {len(texts)} articles, {size / 1e6:.2f} MB, {n_words} words")
    bare = load_model(args.model)
    extractor = load_extractor(args.model)
    articles = [Article(text=t) for t in texts]

    def run_bare(n: int) -> int:
        for _ in bare.pipe(texts, n_process=n, batch_size=args.batch_size):
            pass
        return n_words

    def run_full(n: int) -> int:
        claims = 0  # consumed so the generator runs to the end
        for _, found in extractor.extract(articles, n_process=n, batch_size=args.batch_size):
            claims += len(found)
        return claims

    # Warm up both pipelines (lazy init, caches) on a few articles.
    list(bare.pipe(texts[:20]))
    list(extractor.extract(articles[:20]))
    for n in args.processes or [1, 2]:
        load = os.getloadavg()[0]
        # Best of --repeat runs, alternating which goes first, because the machine is shared.
        best = {"bare": [float("inf")] * 3, "full": [float("inf")] * 3}
        runs = {"bare": run_bare, "full": run_full}
        for i in range(args.repeat):
            for name in ("bare", "full") if i % 2 == 0 else ("full", "bare"):
                figures = timed(lambda run=runs[name], n=n: run(n))
                best[name] = [min(b, f) for b, f in zip(best[name], figures, strict=True)]
        (bare_wall, bare_cpu, bare_main), (full_wall, full_cpu, full_main) = best.values()
        main_cpu = f", main process {bare_main:.1f}s / {full_main:.1f}s" if n > 1 else ""
        print(
            f"n_process={n}: bare nlp.pipe {n_words / bare_wall:,.0f} words/s "
            f"({bare_wall:.1f}s wall, {bare_cpu:.1f}s cpu) | full extraction "
            f"{n_words / full_wall:,.0f} words/s ({full_wall:.1f}s wall, {full_cpu:.1f}s cpu) | "
            f"overhead wall {100 * (full_wall / bare_wall - 1):+.1f}%, "
            f"cpu {100 * (full_cpu / bare_cpu - 1):+.1f}%{main_cpu} | "
            f"load {load:.2f} -> {os.getloadavg()[0]:.2f}"
        )


if __name__ == "__main__":
    main()
