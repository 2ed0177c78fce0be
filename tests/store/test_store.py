"""The SQLite store: WAL, migrations from older databases, one transaction per article."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.records import Article, ExtractedClaim, PipelineInfo, claim_id
from annotator.store import Store
from annotator.store.migrations import MIGRATIONS, SCHEMA_VERSION

INFO = PipelineInfo(pipeline="test 0", model="none")


def make_claims(text: str) -> list[ExtractedClaim]:
    claims, start = [], 0
    for seq, sentence in enumerate(text.split(". ")):
        end = start + len(sentence)
        claims.append(
            ExtractedClaim(
                seq=seq,
                kind="statement",
                start=start,
                end=end,
                text=text[start:end],
                sentence_start=start,
                sentence_end=end,
            )
        )
        start = end + 2
    return claims


def test_new_database_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_same_article_twice_is_stored_once(tmp_path: Path) -> None:
    article = Article(text="Prices rose. The minister said so. Nobody knows why")
    with Store(tmp_path / "a.db") as store:
        assert store.add_article(article, make_claims(article.text), INFO) is True
        # Same text with Windows line ends and trailing blanks: same article.
        again = Article(text=article.text + "  \r\n")
        assert again.id == article.id
        assert store.add_article(again, make_claims(again.text), INFO) is False
        assert store.stats().articles == 1
        assert store.stats().claims == 3


def test_failed_article_leaves_nothing_behind(tmp_path: Path) -> None:
    """A constraint failure half-way through an article rolls the whole article back."""
    article = Article(text="One claim. Another claim")
    claims = make_claims(article.text)
    claims[1].seq = claims[0].seq  # duplicate (article, seq): the second insert fails
    with Store(tmp_path / "a.db") as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.add_article(article, claims, INFO)
        assert store.stats().articles == 0
        assert store.stats().claims == 0
        assert store.integrity_check() == "ok"


def test_claim_text_is_searchable(tmp_path: Path) -> None:
    article = Article(text="Turkey will buy the missiles\n\nOfficials denied talks")
    with Store(tmp_path / "a.db") as store:
        store.add_article(article, make_claims(article.text.replace("\n\n", ". ")), INFO)
        found = store.search_claim_keys("missile")  # porter stemming
        assert [store.review_claim(k).text for k in found] == ["Turkey will buy the missiles"]


def test_older_database_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    """A database made at schema version 1 (before claim search) opens and gains search."""
    path = tmp_path / "old.db"
    old = Database(path)
    MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    text = "Officials said the talks collapsed"
    aid = Article(text=text).id
    old["articles"].insert({"id": aid, "text": text, "ingested_at": "2025-01-01T00:00:00"})
    old["claims"].insert(
        {
            "id": claim_id(aid, 0, len(text)),
            "article_id": aid,
            "seq": 0,
            "start": 0,
            "end": len(text),
            "text": text,
            "kind": "statement",
        }
    )
    old.conn.commit()
    old.close()

    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        [key] = store.search_claim_keys("talks")
        assert store.review_claim(key).text == text
        events = [r["kind"] for r in store.db.query("SELECT kind FROM events")]
        assert "migrate" in events


def test_version_2_database_gains_queues_and_search_in_context_and_notes(tmp_path: Path) -> None:
    """Claims stored before version 3 are found by words of their paragraph, source and
    antecedent, and by a reviewer's note; the database gains reviewer queues."""
    path = tmp_path / "v2.db"
    old = Database(path)
    for migration in MIGRATIONS[:2]:
        migration(old)
    old.execute("PRAGMA user_version = 2")
    text = "Rail strike called off. The union said members would vote again, a spokesman said."
    aid = Article(text=text).id
    old["articles"].insert({"id": aid, "text": text, "ingested_at": "2025-01-01T00:00:00"})
    cid = claim_id(aid, 0, 23)
    old["claims"].insert(
        {"id": cid, "article_id": aid, "seq": 0, "start": 0, "end": 23, "text": text[:23],
         "kind": "headline", "sentence_start": 0, "sentence_end": 23}
    )  # fmt: skip
    old["attributions"].insert(
        {"claim_id": cid, "source_type": "named_organization", "anonymous_flag": 0,
         "confidence": 0.5, "source_text": "The union", "source_start": 24, "source_end": 33,
         "resolved_text": "Transport Workers Union"}
    )  # fmt: skip
    old["reviewers"].insert({"name": "ana", "first_seen": "2025-01-01"})
    old["annotations"].insert(
        {"claim_id": cid, "reviewer": "ana", "action": "label", "labels": "{}",
         "note": "check the ballot date", "saved_at": "2025-01-01", "hash": "x"}
    )  # fmt: skip
    old.conn.commit()
    old.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        key = store.claim_key(cid)
        for words in ("members vote", "union", "transport workers", "ballot"):
            assert store.search_claim_keys(words) == {key}, words
        assert store.search_claim_keys("pension") == set()
        assert not store.has_assignments()
        assert store.review_claim(key).phrases == ()  # none stored before version 3


def test_annotations_are_appended_and_chained(tmp_path: Path) -> None:
    article = Article(text="A claim. Another")
    with Store(tmp_path / "a.db") as store:
        store.add_article(article, make_claims(article.text), INFO)
        store.register_schema("s1", "default", "1", "content")
        cid = claim_id(article.id, 0, 7)
        first = store.add_annotation(cid, "ana", {"credibility": 2}, schema_id="s1")
        second = store.add_annotation(cid, "ana", {"credibility": 4}, schema_id="s1")
        assert second.prev_hash == first.hash
        current = store.current_annotation(cid, "ana")
        assert current is not None and current.labels == {"credibility": 4}
        assert [a.labels for a in store.claim_history(cid)] == [
            {"credibility": 2},
            {"credibility": 4},
        ]
        store.add_annotation(cid, "lead", {"credibility": 1}, schema_id="s1", action="adjudicate")
        current = store.current_annotation(cid, "lead")
        assert current is None  # an adjudication is not the adjudicator's own label
        assert store.stats().annotations_by_reviewer == {"ana": 1}


def test_a_second_connection_sees_committed_work(tmp_path: Path) -> None:
    """Two reviewers on one file: what one saved, the other reads at once (WAL)."""
    article = Article(text="A claim. Another")
    path = tmp_path / "a.db"
    with Store(path) as writer, Store(path) as reader:
        writer.add_article(article, make_claims(article.text), INFO)
        writer.register_schema("s1", "default", "1", "content")
        cid = claim_id(article.id, 0, 7)
        writer.add_annotation(cid, "ana", {"credibility": 5}, schema_id="s1")
        seen = reader.current_annotation(cid, "ana")
        assert seen is not None and seen.labels == {"credibility": 5}
