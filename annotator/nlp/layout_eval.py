"""How well ingest reads real articles: titles, header fields and page furniture.

Two figures are the targets: titles right (at least 95%) and the share of queued claims
(those a reviewer is asked about) that are page furniture (at most 2%). A third keeps the
furniture classifier honest: claims kept out of review that are no expected furniture.

Expectations name each article by its file name without extension and come from a JSONL
file, one object per article::

    {"file": "x.txt", "title": "...", "fields": {"published": "..."},
     "furniture": ["Advertisement", "Date: March 4, 2024", ...]}

(``furniture`` lists the article's furniture, header lines included, exactly as it
stands in the text: whole lines, stripped, or a part of a line such as a credit after a
caption), or from a TSV file with ``filename`` and ``title``
columns, such as PolNeAR's metadata.tsv (titles only).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.nlp.evaluate import add_counts, ratio
from annotator.nlp.furniture import HEADER_FIELDS
from annotator.records import FURNITURE_KINDS, Article, ExtractedClaim


@dataclass(frozen=True)
class Expectation:
    title: str | None = None  # None: the title is not scored
    fields: dict[str, str] = field(default_factory=dict)
    furniture: tuple[str, ...] | None = None  # None: the furniture is not known


@dataclass
class LayoutScore:
    """Counts over one or more articles; ``+=`` adds another's."""

    articles: int = 0
    titles: int = 0
    titles_right: int = 0
    fields: int = 0
    fields_right: int = 0
    queued: int = 0  # queued claims of articles whose furniture is known
    queued_furniture: int = 0  # ... lying on an expected furniture line
    kept_out: int = 0  # claims made furniture (any article)
    kept_out_known: int = 0  # ... in articles whose furniture is known
    kept_out_wrongly: int = 0  # ... on no expected furniture line
    by_rule: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def __iadd__(self, other: LayoutScore) -> LayoutScore:
        add_counts(self, other)
        self.by_rule += other.by_rule
        self.misses += other.misses
        return self

    def summary(self) -> dict[str, Any]:
        """The figures as plain data (`annotator evaluate --layout --json`)."""
        return {
            "articles": self.articles,
            "titles_right": ratio(self.titles_right, self.titles),
            "fields_right": ratio(self.fields_right, self.fields),
            "queued_furniture": ratio(self.queued_furniture, self.queued),
            "kept_out": self.kept_out,
            "kept_out_wrongly": ratio(self.kept_out_wrongly, self.kept_out_known),
            "kept_out_by_rule": dict(sorted(self.by_rule.items())),
        }


def same_title(found: str | None, expected: str) -> bool:
    """Titles compare without regard to case, punctuation and spacing."""
    return _words(found or "") == _words(expected)


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", text.casefold()).split()


def read_expectations(path: str | Path) -> dict[str, Expectation]:
    """Expectations by file stem, from a .jsonl or a .tsv file (see the module's doc)."""
    path = Path(path)
    try:
        content = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError(str(path), f"cannot read ({error.strerror}); check the path") from None
    if path.suffix.lower() == ".tsv":
        rows = csv.DictReader(content.splitlines(), delimiter="\t")
        if not {"filename", "title"} <= set(rows.fieldnames or ()):
            raise InputError(str(path), 'no "filename" and "title" columns; name them so')
        return {Path(r["filename"]).stem: Expectation(title=r["title"]) for r in rows}
    out: dict[str, Expectation] = {}
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            furniture = record.get("furniture")
            out[Path(record["file"]).stem] = Expectation(
                title=record.get("title"),
                fields=dict(record.get("fields") or {}),
                furniture=None if furniture is None else tuple(furniture),
            )
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            raise InputError(
                str(path), f'not an expectation ({error}); write {{"file": ..., ...}}', number
            ) from None
    return out


def score_article(
    article: Article, claims: Sequence[ExtractedClaim], expected: Expectation | None
) -> LayoutScore:
    """Score one article's title, fields and furniture claims against what was expected."""
    name = Path(article.origin or article.id).name
    score = LayoutScore(articles=1)
    kept = [c for c in claims if c.kind in FURNITURE_KINDS]
    score.kept_out = len(kept)
    score.by_rule.update(c.evidence[0].rule if c.evidence else c.kind for c in kept)
    if expected is None:
        return score
    if expected.title is not None:
        score.titles = 1
        score.titles_right = same_title(article.title, expected.title)
        if not score.titles_right:
            score.misses.append(f"{name}: title {article.title!r}, expected {expected.title!r}")
    for key, value in expected.fields.items():
        found = _field(article, key)
        score.fields += 1
        score.fields_right += found == value
        if found != value:
            score.misses.append(f"{name}: {key} {found!r}, expected {value!r}")
    if expected.furniture is not None:
        mask = _furniture_mask(article.text, expected.furniture, name)
        for claim in claims:
            on_furniture = all(
                mask[i] for i in range(claim.start, claim.end) if article.text[i].isalnum()
            )
            if claim.kind in FURNITURE_KINDS:
                score.kept_out_known += 1
                if not on_furniture:
                    score.kept_out_wrongly += 1
                    score.misses.append(f"{name}: kept out of review: {claim.text!r}")
            else:
                score.queued += 1
                if on_furniture:
                    score.queued_furniture += 1
                    score.misses.append(f"{name}: furniture queued: {claim.text!r}")
    return score


def _field(article: Article, key: str) -> str | None:
    if key not in HEADER_FIELDS:
        raise InputError(key, f"unknown field; expect one of {', '.join(HEADER_FIELDS)}")
    if key in ("published", "url", "outlet"):
        return getattr(article, key)
    value = article.metadata.get(key)
    return None if value is None else str(value)


def _furniture_mask(text: str, furniture: Sequence[str], name: str) -> bytearray:
    """1 for every character of the text inside an expected piece of furniture: each line
    equal to an entry, or else each occurrence of the entry (a credit after a caption)."""
    mask = bytearray(len(text))
    lines: dict[str, list[int]] = {}
    pos = 0
    for raw in text.split("\n"):
        lines.setdefault(raw.strip(), []).append(pos + len(raw) - len(raw.lstrip()))
        pos += len(raw) + 1
    for entry in {e.strip() for e in furniture}:
        starts = lines.get(entry) or [m.start() for m in re.finditer(re.escape(entry), text)]
        if not starts:
            raise InputError(name, f"expected furniture not in the text: {entry!r}")
        for start in starts:
            mask[start : start + len(entry)] = b"\x01" * len(entry)
    return mask
