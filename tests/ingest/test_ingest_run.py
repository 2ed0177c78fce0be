"""`ingest_paths`: what lands in the database, what is skipped, and what a crash leaves."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SEEDS

from annotator.ingest import IngestStep, ingest_paths
from annotator.nlp import pipeline
from annotator.nlp.pipeline import Extractor
from annotator.records import Article, ExtractedClaim
from annotator.store import Store

pytest_plugins = ["model_fixtures"]  # the real spaCy model, loaded once

GOOD = ["good.md", "good.html", "good.jsonl", "good.csv", "latin1.txt"]
BAD = [
    "binary.txt",
    "blank.md",
    "control.txt",
    "empty.txt",
    "empty_text.csv",
    "empty_text.jsonl",
    "malformed.jsonl",
    "no_article.html",
    "no_text_column.csv",
    "no_text_field.jsonl",
    "not_object.jsonl",
    "undecodable.txt",
]


def test_seed_ingested_twice_is_stored_once(store: Store, model: Extractor) -> None:
    first = ingest_paths(store, [SEEDS])
    second = ingest_paths(store, [SEEDS])
    assert (first.added, first.already_present, first.failed) == (1, 0, [])
    assert first.claims_added > 10
    assert (second.added, second.already_present, second.claims_added) == (0, 1, 0)
    assert store.stats().articles == 1
    assert store.stats().claims == first.claims_added
    assert store.integrity_check() == "ok"


def test_claim_offsets_index_the_stored_text_exactly(store: Store, model: Extractor) -> None:
    ingest_paths(store, [SEEDS, *(DATA / name for name in GOOD)])
    texts = {row["id"]: row["text"] for row in store.db["articles"].rows}
    assert len(texts) == 8  # the seed, .md, .html, 2 from .jsonl, 2 from .csv, latin1
    claims = list(store.db["claims"].rows)
    assert len({c["article_id"] for c in claims}) == 8
    for claim in claims:
        assert texts[claim["article_id"]][claim["start"] : claim["end"]] == claim["text"]


def test_bad_files_are_reported_by_name_while_good_ones_ingest(
    store: Store, model: Extractor
) -> None:
    report = ingest_paths(store, [DATA])
    # 7 good articles, the 2 good lines of malformed.jsonl, and the folder's README.md
    assert report.added == 10
    assert len(report.failed) == len(BAD)
    for name, line in zip(BAD, sorted(report.failed), strict=True):
        assert line.startswith(str(DATA / name))
    origins = {row["origin"] for row in store.db["articles"].rows}
    assert f"{DATA / 'malformed.jsonl'}:3" in origins
    assert store.integrity_check() == "ok"


def test_the_same_article_twice_in_one_run_counts_as_already_present(
    store: Store, model: Extractor
) -> None:
    report = ingest_paths(store, [DATA / "good.md", DATA / "good.md"])
    assert (report.added, report.already_present) == (1, 1)


def test_progress_hears_of_every_article_and_error_as_it_happens(
    store: Store, model: Extractor
) -> None:
    steps: list[IngestStep] = []
    ingest_paths(store, [DATA / "good.md", DATA / "empty.txt"], progress=steps.append)
    assert sorted(step.outcome for step in steps) == ["added", "failed"]


def test_an_ingest_run_is_logged_as_an_event(store: Store, model: Extractor) -> None:
    ingest_paths(store, [DATA / "good.md", DATA / "empty.txt"])
    [event] = store.db["events"].rows_where("kind = 'ingest'")
    assert '"added": 1' in event["detail"]
    assert '"failed": 1' in event["detail"]


class FaultyExtractor:
    """The real model, but the second article gets two claims with the same seq."""

    def __init__(self, real: Extractor) -> None:
        self.real = real
        self.info = real.info

    def extract(
        self, articles: Iterable[Article], n_process: int = 1
    ) -> Iterator[tuple[Article, list[ExtractedClaim]]]:
        for n, (article, claims) in enumerate(self.real.extract(articles, n_process)):
            if n == 1:
                claims = [*claims, replace(claims[-1], start=0, end=1, text=article.text[0])]
            yield article, claims


def test_a_failure_while_writing_an_article_leaves_none_of_it(
    store: Store, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "load_extractor", lambda model=None: FaultyExtractor(extractor))
    report = ingest_paths(store, [DATA / "good.jsonl"])
    assert report.added == 1
    [failure] = report.failed
    assert failure.startswith(f"{DATA / 'good.jsonl'}:2: cannot store this article (UNIQUE")
    assert {row["origin"] for row in store.db["articles"].rows} == {f"{DATA / 'good.jsonl'}:1"}
    assert {row["article_id"] for row in store.db["claims"].rows} == {
        row["id"] for row in store.db["articles"].rows
    }
    assert store.db["attributions"].count == store.db["claims"].count
    assert store.integrity_check() == "ok"
    # Once the fault is gone, the article that failed ingests whole.
    monkeypatch.setattr(pipeline, "load_extractor", lambda model=None: extractor)
    again = ingest_paths(store, [DATA / "good.jsonl"])
    assert (again.added, again.already_present) == (1, 1)


def test_rerunning_on_ingested_files_never_imports_spacy(db_path: Path, model: Extractor) -> None:
    first = Store(db_path)
    ingest_paths(first, [SEEDS])
    first.close()
    code = (
        "import sys\n"
        "from annotator.ingest import ingest_paths\n"
        "from annotator.store import Store\n"
        f"report = ingest_paths(Store({str(db_path)!r}), [{str(SEEDS)!r}])\n"
        "assert report.already_present == 1, report\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "False"


def test_windows_line_ends_stay_control_characters_go_and_offsets_still_hold(
    store: Store, model: Extractor, tmp_path: Path
) -> None:
    seed = (SEEDS / "turkey-s400-postponing-not-on-agenda.txt").read_text(encoding="utf-8")
    text = seed.replace("\n", "\r\n")
    (tmp_path / "crlf.txt").write_bytes(("\x07" + text.replace(" said", " \x1b[1msaid")).encode())
    assert ingest_paths(store, [tmp_path]).added == 1
    [row] = store.db["articles"].rows
    assert row["text"] == text
    removed = 1 + len("\x1b[1m") * seed.count(" said")
    assert json.loads(row["metadata"])["control_characters_removed"] == removed
    for claim in store.db["claims"].rows:
        assert row["text"][claim["start"] : claim["end"]] == claim["text"]


def test_an_escape_code_inside_a_sentence_no_longer_breaks_its_parse(
    store: Store, model: Extractor, tmp_path: Path
) -> None:
    (tmp_path / "escape.txt").write_text(
        "Road to close\n\nThe mayor said \x1b[2J the road will close next week.\n",
        encoding="utf-8",
    )
    ingest_paths(store, [tmp_path])
    claims = {c["text"]: c["id"] for c in store.db["claims"].rows}
    [(text, claim)] = [(t, i) for t, i in claims.items() if "road will close" in t]
    assert "\x1b" not in text
    [attribution] = store.db["attributions"].rows_where("claim_id = ?", [claim])
    assert attribution["source_text"] == "The mayor"


def test_an_article_too_long_to_parse_is_one_error_and_the_batch_goes_on(
    store: Store, model: Extractor, tmp_path: Path
) -> None:
    """A 1 MB single-line article (hostile or a broken export) must not stop the run."""
    from annotator.records import MAX_ARTICLE_CHARS

    long_file = tmp_path / "one_long_line.txt"
    words = "the minister said prices would rise again "
    long_file.write_text("Title\n\n" + words * (MAX_ARTICLE_CHARS // len(words) + 1))
    report = ingest_paths(store, [long_file, SEEDS])
    assert report.added == 1  # the seed article
    assert len(report.failed) == 1
    assert report.failed[0].startswith(f"{long_file}: article is ")
    assert "split it into several articles" in report.failed[0]
