"""A fingerprint of extraction output, for changes that must not change it.

Not a speed figure: it runs ``annotator extract``'s records (the JSONL contract) over every
article given and prints one sha256 per folder, plus a total, so a refactor of the detection
engine can show that its output is byte-identical before and after. With ``--out DIR`` it
also writes each folder's records as JSONL, to diff when the digests differ.

    python benchmarks/extraction_digest.py tests/nlp/data/devset* seeds
    python benchmarks/extraction_digest.py ../shared/polnear/train/text --limit 200 --out /tmp/a
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from annotator.ingest import read_paths
from annotator.nlp.pipeline import load_extractor
from annotator.records import Article

SUFFIXES = {".txt", ".md", ".html", ".htm"}


def articles_of(folder: Path, limit: int | None) -> list[Article]:
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES)
    if limit is not None:
        files = files[:limit]
    out: list[Article] = []
    for item in read_paths(files):
        if isinstance(item, Article):
            out.append(item)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, help="at most this many files per folder")
    parser.add_argument("--out", type=Path, help="also write each folder's records here")
    args = parser.parse_args()
    extractor = load_extractor()
    total = hashlib.sha256()
    for folder in args.folders:
        articles = articles_of(folder, args.limit)
        digest = hashlib.sha256()
        lines: list[str] = []
        for article, claims in extractor.extract(articles):
            # Paths relative to the folder, so the digest does not depend on how it was named.
            path = str(Path(article.origin or "").relative_to(folder))
            for claim in claims:
                line = json.dumps(claim.to_json(article.id, path), ensure_ascii=False)
                digest.update(line.encode() + b"\n")
                lines.append(line)
        total.update(digest.digest())
        if args.out is not None:
            args.out.mkdir(parents=True, exist_ok=True)
            name = "_".join(folder.parts[-2:]).replace("/", "_")
            (args.out / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{digest.hexdigest()[:16]}  {len(articles):4d} articles  {folder}")
    print(f"{total.hexdigest()[:16]}  total")


if __name__ == "__main__":
    main()
