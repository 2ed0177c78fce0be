"""Extraction over hostile text, read from a file and stored: no crash, an end in bounded
time per article, and every offset the store keeps indexes the stored text."""

from __future__ import annotations

import json
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import ARTICLE_RECORDS, FIVE_MB_LINE, TEXT

from annotator.errors import InputError
from annotator.ingest import read_paths
from annotator.nlp.pipeline import Extractor
from annotator.records import CLAIM_KINDS, SOURCE_TYPES
from annotator.store import Store

pytest_plugins = ["model_fixtures"]  # the real spaCy model, loaded once

pytestmark = pytest.mark.slow

SPANS = ("source", "cue", "resolved", "relayed")


def stored_offsets_index_the_text(store: Store) -> int:
    """Check every stored offset against its article's text; returns the claims checked."""
    texts = dict(store.conn.execute("SELECT id, text FROM articles"))
    claims = store.conn.execute(
        'SELECT c.id, c.article_id, c.seq, c.start, c."end", c.text, c.kind, '
        "c.sentence_start, c.sentence_end, t.* FROM claims AS c "
        "JOIN attributions AS t ON t.claim_id = c.id ORDER BY c.article_id, c.seq"
    )
    names = [column[0] for column in claims.description]
    count = 0
    for row in claims:
        claim = dict(zip(names, row, strict=False))
        text = texts[claim["article_id"]]
        start, end = claim["start"], claim["end"]
        assert 0 <= start < end <= len(text)
        assert text[start:end] == claim["text"]
        if claim["sentence_start"] is not None:
            assert 0 <= claim["sentence_start"] <= start
            assert end <= claim["sentence_end"] <= len(text)
        for span in SPANS:
            left, right = claim[f"{span}_start"], claim[f"{span}_end"]
            if left is not None:
                assert 0 <= left <= right <= len(text)
                assert text[left:right] == claim[f"{span}_text"]
        assert claim["kind"] in CLAIM_KINDS
        assert claim["source_type"] in SOURCE_TYPES
        assert 0.0 <= claim["confidence"] <= 1.0
        count += 1
    for claim_id, text_of, start, end, evidence in store.conn.execute(
        'SELECT e.claim_id, a.text, e.start, e."end", e.text FROM evidence AS e '
        "JOIN claims AS c ON c.id = e.claim_id JOIN articles AS a ON a.id = c.article_id"
    ):
        if start is not None:
            assert text_of[start:end] == evidence, claim_id
    return count


def extract_and_store(extractor: Extractor, content: str, suffix: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="annotator-prop-"))
    path = folder / f"article{suffix}"
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    articles = []
    for item in read_paths([path]):
        if isinstance(item, InputError):
            assert "\n" not in str(item) and str(item).startswith(str(path))
        else:
            articles.append(item)
    with Store(":memory:") as store:
        for article, claims in extractor.extract(articles):
            store.add_article(article, claims, extractor.info)
        stored_offsets_index_the_text(store)
    path.unlink()
    folder.rmdir()


EXTRACTION_SETTINGS = settings(
    deadline=timedelta(seconds=60),  # a bound that catches a hang, not a speed goal
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@EXTRACTION_SETTINGS
@given(TEXT)
@example(FIVE_MB_LINE)
@example('"We will go on," the minister said.\u202e Officials\u200b said\x00 so.\x1b[2J')
@example("Ms. Smith said:\n\n\n\u2028\u2029\x0c\x85“It is false,” she added.\r\n")
def test_text_files(extractor: Extractor, text: str) -> None:
    extract_and_store(extractor, text, ".txt")


@EXTRACTION_SETTINGS
@given(st.lists(ARTICLE_RECORDS, min_size=1, max_size=3))
def test_jsonl_records(extractor: Extractor, records: list[dict[str, object]]) -> None:
    extract_and_store(extractor, "\n".join(json.dumps(r) for r in records), ".jsonl")


def test_the_checks_see_claims(extractor: Extractor) -> None:
    """The property above holds vacuously if nothing is stored: the seed article is."""
    seed = Path(__file__).resolve().parents[2] / "seeds"
    with Store(":memory:") as store:
        for article, claims in extractor.extract(
            item for item in read_paths([seed]) if not isinstance(item, InputError)
        ):
            store.add_article(article, claims, extractor.info)
        assert stored_offsets_index_the_text(store) > 20
