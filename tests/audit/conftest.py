"""A small three-reviewer database built through the store API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.labels import LabelSchema, load_schema
from annotator.records import Article, ExtractedClaim, PipelineInfo, Span
from annotator.store import Store

# (text, machine source_type, machine anonymous flag, source text)
CLAIMS = [
    ("A senior official said the talks had stalled.", "anonymous", True, "A senior official"),
    ("The ministry said exports rose 4%.", "named_organization", False, "The ministry"),
    ("Ali Veli said the deal was close.", "named_person", False, "Ali Veli"),
    ("A report found prices doubled.", "document", False, "A report"),
    ("Witnesses said the <b>crowd</b> grew.", "unnamed_person", False, "Witnesses"),
    ("The economy will recover soon.", "unattributed", False, None),
]
TITLE = "Talks <stall> & [bold]markup[/bold]"
# Each reviewer's labels per claim: (source_type, anonymous_flag, credibility, claim_kind).
LABELS: dict[str, list[tuple[str, bool, Any, str]]] = {
    "alice": [
        ("anonymous", True, 2, "fact"),
        ("named_organization", False, 4, "fact"),
        ("named_person", False, 3, "fact"),
        ("document", False, 4, "fact"),
        ("unnamed_group", False, 3, "fact"),
        ("unattributed", False, "cant_judge", "prediction"),
    ],
    "bob": [
        ("anonymous", True, 2, "fact"),
        ("named_organization", False, 4, "fact"),
        ("named_person", False, 4, "opinion"),
        ("document", False, 5, "fact"),
        ("unnamed_person", False, 3, "fact"),
        ("unattributed", False, 2, "prediction"),
    ],
    "carol": [
        ("anonymous", True, 3, "fact"),
        ("named_organization", False, 3, "fact"),
        ("named_person", False, 3, "fact"),
        ("unnamed_group", False, 3, "fact"),
        ("unnamed_group", False, 3, "fact"),
        ("unattributed", False, 3, "opinion"),
    ],
}
SECONDS = {"alice": 12.0, "bob": 6.5, "carol": 1.0}


def article_text() -> str:
    return " ".join(text for text, *_ in CLAIMS)


def add_article(store: Store, title: str = TITLE) -> list[str]:
    text = article_text()
    claims = []
    for seq, (claim, source_type, flag, source) in enumerate(CLAIMS):
        start = text.index(claim)
        claims.append(
            ExtractedClaim(
                seq=seq,
                kind="statement",
                start=start,
                end=start + len(claim),
                text=claim,
                sentence_start=start,
                sentence_end=start + len(claim),
                source_type=source_type,
                anonymous_flag=flag,
                anonymity_reason_given=False if flag else None,
                source=None if source is None else Span(source, start, start + len(source)),
            )
        )
    article = Article(text=text, title=title)
    store.add_article(article, claims, PipelineInfo("test 0", "none"))
    return store.claim_ids_in_order()


def fill(store: Store, schema: LabelSchema, title: str = TITLE) -> list[str]:
    """Three reviewers label every claim; saved_at is fixed so hashes are reproducible."""
    store.register_schema(schema.id, schema.name, schema.version, schema.content)
    ids = add_article(store, title)
    minute = 0
    for reviewer, rows in LABELS.items():
        for cid, (source_type, flag, credibility, kind) in zip(ids, rows, strict=True):
            minute += 1
            store.add_annotation(
                cid,
                reviewer,
                {
                    "source_type": source_type,
                    "anonymous_flag": flag,
                    "credibility": credibility,
                    "claim_kind": kind,
                },
                schema_id=schema.id,
                note=f"{reviewer}'s note",
                seconds=SECONDS[reviewer],
                saved_at=f"2026-01-01T00:{minute:02d}:00.000000+00:00",
            )
    return ids


@pytest.fixture
def schema() -> LabelSchema:
    return load_schema()


@pytest.fixture
def db_path(tmp_path: Path, schema: LabelSchema) -> Path:
    path = tmp_path / "team.db"
    with Store(path) as store:
        fill(store, schema)
    return path


LONG_TITLE = "Officials say " + "very " * 60 + "long negotiations ended at dawn"


@pytest.fixture
def long_title_db(tmp_path: Path, schema: LabelSchema) -> Path:
    """The three-reviewer database, with an article title far wider than any screen."""
    path = tmp_path / "long.db"
    with Store(path) as store:
        fill(store, schema, LONG_TITLE)
    return path


@pytest.fixture
def mixed_db(tmp_path: Path, schema: LabelSchema) -> Path:
    """alice and bob label through the store API, carol's labels come in by import-labels."""
    path = tmp_path / "mixed.db"
    with Store(path) as store:
        store.register_schema(schema.id, schema.name, schema.version, schema.content)
        ids = add_article(store)
        for reviewer in ("alice", "bob"):
            for cid, (source_type, flag, credibility, kind) in zip(
                ids, LABELS[reviewer], strict=True
            ):
                labels = {"source_type": source_type, "anonymous_flag": flag}
                labels |= {"credibility": credibility, "claim_kind": kind}
                store.add_annotation(
                    cid, reviewer, labels, schema_id=schema.id, seconds=SECONDS[reviewer]
                )
    lines = [
        {
            "claim": cid,
            "reviewer": "carol",
            "labels": {"source_type": s, "anonymous_flag": f, "credibility": c, "claim_kind": k},
            "seconds": SECONDS["carol"],
        }
        for cid, (s, f, c, k) in zip(ids, LABELS["carol"], strict=True)
    ]
    ratings = tmp_path / "carol.jsonl"
    ratings.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = CliRunner().invoke(main, ["import-labels", str(ratings), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path
