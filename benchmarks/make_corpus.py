"""Write a deterministic JSONL corpus of realistic-looking news articles for benchmarks.

Each article mixes the sourcing patterns annotator must tell apart: named officials,
organisations, documents, anonymous and vague sources, quotes and the writer's own
voice. Same seed, same corpus.

    python benchmarks/make_corpus.py --articles 1000 --seed 7 -o /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = [
    "Turkey",
    "Brazil",
    "Kenya",
    "Poland",
    "Indonesia",
    "Canada",
    "Chile",
    "Vietnam",
    "Nigeria",
    "Norway",
    "Mexico",
    "Egypt",
    "Japan",
    "Greece",
    "Peru",
    "Ghana",
]
TOPICS = [
    ("energy", "a new gas pipeline", "pipeline"),
    ("defence", "the purchase of air defence systems", "deal"),
    ("trade", "tariffs on imported steel", "tariffs"),
    ("health", "a national vaccination campaign", "campaign"),
    ("transport", "a high-speed rail link", "project"),
    ("finance", "a sovereign bond issue", "bond sale"),
    ("climate", "a coal phase-out plan", "plan"),
    ("labour", "a minimum wage increase", "increase"),
    ("housing", "a public housing programme", "programme"),
    ("technology", "rules for artificial intelligence", "rules"),
]
FIRST = [
    "Maria",
    "Ahmed",
    "Elena",
    "Tomasz",
    "Grace",
    "Kenji",
    "Lucia",
    "Samuel",
    "Ingrid",
    "Rafael",
    "Amina",
    "Daniel",
    "Sofia",
    "Kwame",
    "Nadia",
    "Pablo",
    "Hannah",
    "Yusuf",
]
LAST = [
    "Okafor",
    "Siddiqui",
    "Marsh",
    "Kowalski",
    "Mensah",
    "Tanaka",
    "Ferreira",
    "Lindqvist",
    "Haddad",
    "Novak",
    "Castillo",
    "Osei",
    "Papadopoulos",
    "Reyes",
    "Brennan",
    "Demir",
]
TITLES = [
    "Foreign Minister",
    "Finance Minister",
    "Energy Minister",
    "Prime Minister",
    "Transport Minister",
    "central bank governor",
    "opposition leader",
    "Health Minister",
]
ORGS = [
    "the finance ministry",
    "the central bank",
    "the state energy company",
    "the national statistics office",
    "the competition authority",
    "the port authority",
]
OUTLETS = [
    "Bloomberg",
    "Reuters",
    "the Financial Times",
    "Al Jazeera",
    "the local press",
    "state television",
    "a regional newspaper",
]
DOCUMENTS = [
    "a draft budget",
    "an internal memo",
    "a letter to lawmakers",
    "a court filing",
    "minutes of the meeting",
    "a government report",
]
ANON = [
    "a senior {c_adj} official",
    "two people familiar with the matter",
    "a source close to the negotiations",
    "three officials who asked not to be named",
    "a diplomat briefed on the talks",
    "an aide to the {title}",
]
REASONS = [
    "speaking on condition of anonymity because the talks are private",
    "who declined to be named because they were not authorised to speak publicly",
    "who asked not to be identified discussing internal deliberations",
]
VAGUE = ["according to reports", "it is understood", "sources say", "according to local media"]
ADJ = {
    "Turkey": "Turkish",
    "Brazil": "Brazilian",
    "Kenya": "Kenyan",
    "Poland": "Polish",
    "Indonesia": "Indonesian",
    "Canada": "Canadian",
    "Chile": "Chilean",
    "Vietnam": "Vietnamese",
    "Nigeria": "Nigerian",
    "Norway": "Norwegian",
    "Mexico": "Mexican",
    "Egypt": "Egyptian",
    "Japan": "Japanese",
    "Greece": "Greek",
    "Peru": "Peruvian",
    "Ghana": "Ghanaian",
}
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "this week"]
VERBS = [
    "said",
    "told reporters",
    "said in a statement",
    "told a news conference",
    "wrote on social media",
    "told parliament",
]
QUOTES = [
    "We will not delay {thing}, whatever the pressure from abroad",
    "The numbers speak for themselves: {pct} percent of the work is already done",
    "Nobody has shown us a better offer than this {short}",
    "We expect a decision before the end of {month}, and we are ready either way",
    "This {short} protects jobs and it protects our independence",
    "Our partners know our position and it has not changed since {month}",
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def _person(rng: random.Random) -> tuple[str, str]:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return name, rng.choice(TITLES)


def _paragraph(rng: random.Random, country: str, thing: str, short: str) -> str:
    name, title = _person(rng)
    values = {
        "c_adj": ADJ[country],
        "title": title,
        "thing": thing,
        "short": short,
        "pct": rng.randint(12, 95),
        "month": rng.choice(MONTHS),
    }
    quote = rng.choice(QUOTES).format(**values)
    day, verb, year = rng.choice(DAYS), rng.choice(VERBS), rng.randint(2026, 2031)
    money = f"{rng.randint(2, 90)}.{rng.randint(0, 9)} billion dollars"
    kind = rng.randrange(8)
    if kind == 0:
        return f"{country} will go ahead with {thing}, {title} {name} {verb} {day}."
    if kind == 1:
        return f"“{quote},” {name} {verb}, adding that talks with lenders would resume {day}."
    if kind == 2:
        source = rng.choice(ANON).format(**values)
        return (
            f"The government could revise the {short} before {year}, {source} said, "
            f"{rng.choice(REASONS)}."
        )
    if kind == 3:
        return (
            f"According to {rng.choice(DOCUMENTS)} seen by {rng.choice(OUTLETS)}, the {short} "
            f"would cost about {money} over {rng.randint(3, 12)} years."
        )
    if kind == 4:
        source = rng.choice(ANON).format(**values)
        return (
            f"{source.capitalize()} cited by {rng.choice(OUTLETS)} said {country} had "
            f"rejected a rival offer worth {money}."
        )
    if kind == 5:
        return (
            f"{rng.choice(ORGS).capitalize()} said {day} that it expected the {short} to "
            f"add {rng.randint(1, 9)}.{rng.randint(0, 9)} percent to output by {year}."
        )
    if kind == 6:
        return (
            f"The {short}, {rng.choice(VAGUE)}, has divided the governing coalition since "
            f"{rng.choice(MONTHS)} {year - 3}."
        )
    return (
        f"{country} first announced {thing} in {rng.choice(MONTHS)} {year - 4}, when "
        f"{rng.randint(2, 40)} regional governments signed up to it."
    )


def make_article(rng: random.Random, n: int) -> dict[str, object]:
    country = rng.choice(COUNTRIES)
    section, thing, short = rng.choice(TOPICS)
    name, title = _person(rng)
    headline = rng.choice(
        [
            f"{country} says it will not back down on {thing}",
            f"{title.capitalize()} defends {thing} as criticism mounts",
            f"{country} weighs changes to {thing}, officials say",
            f"Doubts grow over {thing} in {country}",
        ]
    )
    lede = f"{country} {rng.choice(['is discussing', 'has ruled out', 'is reviewing'])} {thing}, {title} {name} said {rng.choice(DAYS)}."  # noqa: E501
    body = [_paragraph(rng, country, thing, short) for _ in range(rng.randint(6, 12))]
    published = date(2026, 1, 1) + timedelta(days=rng.randrange(330))
    outlet = rng.choice(["Despardes News Monitor", "The Harbour Gazette", "City Daily"])
    return {
        "id": f"bench-{n:05d}",
        "title": headline,
        "outlet": outlet,
        "published": published.isoformat(),
        "url": f"https://news.example/{section}/{n:05d}",
        "section": section,
        "text": "\n\n".join([headline, lede, *body]),
    }


def write_corpus(path: Path, articles: int, seed: int = 7) -> None:
    """Write ``articles`` articles to ``path`` as JSONL (what the other benchmarks ingest)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            out.write(json.dumps(make_article(rng, n), ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, default=Path("corpus.jsonl"))
    args = parser.parse_args()
    write_corpus(args.output, args.articles, args.seed)
    print(f"{args.output}: {args.articles} articles (seed {args.seed})")


if __name__ == "__main__":
    main()
