"""Golden files for every export format, built from the small fixed corpus in conftest.

Regenerate after an intended change with `UPDATE_GOLDEN=1 python -m pytest tests/export`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from export_corpus_data import GOLDEN

from annotator.errors import ExportError
from annotator.export import ExportOptions, export_corpus
from annotator.export.sidecar import file_sha256
from annotator.store import Store

UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
ADJUDICATED = ExportOptions(gold="adjudicated")


def check_golden(name: str, content: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(content)
    assert content == path.read_bytes(), f"{name} differs from its golden file"


def check_golden_json(name: str, value: Any) -> None:
    text = json.dumps(value, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    check_golden(name, text.encode("utf-8"))


@pytest.mark.parametrize("gold", ["majority", "adjudicated"])
def test_jsonl_matches_golden(store: Store, tmp_path: Path, gold: str) -> None:
    out = tmp_path / "corpus.jsonl"
    export_corpus(store, "jsonl", out, ExportOptions(gold=gold))
    check_golden(f"corpus.{gold}.jsonl", out.read_bytes())


def test_csv_matches_golden(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "corpus.csv"
    export_corpus(store, "csv", out, ADJUDICATED)
    check_golden("corpus.csv", out.read_bytes())


def test_parquet_content_matches_golden(store: Store, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "corpus.parquet"
    export_corpus(store, "parquet", out, ADJUDICATED)
    rows = pq.read_table(out).to_pylist()
    check_golden_json("corpus.parquet.json", rows)
    jsonl = tmp_path / "corpus.jsonl"
    export_corpus(store, "jsonl", jsonl, ADJUDICATED)
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    for row, record in zip(rows, records, strict=True):  # the JSONL record, labels as JSON text
        assert [json.loads(a["labels"]) for a in row["annotations"]] == [
            a["labels"] for a in record["annotations"]
        ]
        assert row["suggestion"] == record["suggestion"]


def test_parquet_loads_with_pandas(store: Store, tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    out = tmp_path / "corpus.parquet"
    export_corpus(store, "parquet", out, ADJUDICATED)
    frame = pandas.read_parquet(out)
    assert list(frame["seq"]) == [0, 1, 2, 3, 0, 1]
    assert frame["gold"][2]["adjudicator"] == "dana"


def test_parquet_loads_with_datasets(store: Store, tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "corpus.parquet"
    export_corpus(store, "parquet", out, ADJUDICATED)
    loaded = datasets.load_dataset(
        "parquet", data_files=str(out), split="train", cache_dir=str(tmp_path / "cache")
    )
    assert loaded.num_rows == 6
    assert loaded[1]["suggestion"]["evidence"][0]["rule"] == "anonymous_noun"
    assert loaded[2]["gold"]["adjudicator"] == "dana"


def test_parquet_of_an_empty_database_has_the_schema(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    with Store(tmp_path / "empty.db") as empty:
        export_corpus(empty, "parquet", tmp_path / "empty.parquet")
    table = pq.read_table(tmp_path / "empty.parquet")
    assert table.num_rows == 0
    assert "annotations" in table.column_names


def test_spacy_docbin_matches_golden_spans(store: Store, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = tmp_path / "corpus.spacy"
    result = export_corpus(store, "spacy", out, ADJUDICATED)
    assert [p.name for p in out.iterdir()] == ["part-00000.spacy"]
    docs = list(DocBin().from_disk(out / "part-00000.spacy").get_docs(spacy.blank("en").vocab))
    content = [
        {
            "article_id": doc.user_data["article_id"],
            "claim_ids": doc.user_data["claim_ids"],
            "span_review": doc.user_data["span_review"],
            **{
                group: [[s.text, s.start_char, s.end_char, s.label_] for s in doc.spans[group]]
                for group in ("claims", "sources", "cues")
            },
        }
        for doc in docs
    ]
    check_golden_json("corpus.spacy.json", content)
    assert result.extra["claims_without_label"] == 2  # no human label: left out of training
    # The adjudicator decided claim 2 without spans: its machine spans are not exported.
    assert result.extra["span_review"] == {
        "cues": {"confirmed": 1, "none": 1, "unreviewed": 2},
        "sources": {"confirmed": 1, "none": 1, "unreviewed": 2},
    }


def test_spacy_spans_are_the_reviewers_never_the_machines_alone(
    store: Store, tmp_path: Path
) -> None:
    """By majority: a source two reviewers split on is left out ("disputed"), a cue they
    agree on is kept; a reviewer's corrected span is exported as given."""
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    def docs(out: Path, options: ExportOptions) -> list:  # type: ignore[type-arg]
        export_corpus(store, "spacy", out, options)
        shard = DocBin().from_disk(out / "part-00000.spacy")
        return list(shard.get_docs(spacy.blank("en").vocab))

    first = docs(tmp_path / "majority.spacy", ExportOptions())[0]
    assert list(first.user_data["span_review"][:2]) == [
        {"source": "confirmed", "cue": "confirmed"},
        {"source": "disputed", "cue": "confirmed"},
    ]
    assert [s.text for s in first.spans["sources"]] == ["Two unnamed Turkish officials"]
    assert [s.text for s in first.spans["cues"]] == ["said", "told reporters"]
    alice = docs(tmp_path / "alice.spacy", ExportOptions(reviewers=("alice",)))[0]
    assert alice.user_data["span_review"][1] == {"source": "corrected", "cue": "confirmed"}
    assert [s.text for s in alice.spans["sources"]] == [
        "Two unnamed Turkish officials",
        "Mevlut Cavusoglu",
    ]


def test_spacy_spans_from_one_reviewer(store: Store, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = tmp_path / "alice.spacy"
    export_corpus(store, "spacy", out, ExportOptions(reviewers=("alice",)))
    docs = list(DocBin().from_disk(out / "part-00000.spacy").get_docs(spacy.blank("en").vocab))
    assert [[s.label_ for s in d.spans["claims"]] for d in docs] == [["anonymous", "named_person"]]


def test_spacy_export_is_shards_that_spacy_reads_as_one_corpus(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory holds one shard at a time; `spacy train` reads the folder as one corpus."""
    spacy = pytest.importorskip("spacy")
    from spacy.training import Corpus

    from annotator.export import docbin

    monkeypatch.setattr(docbin, "SHARD_DOCS", 1)
    out = tmp_path / "train.spacy"
    result = export_corpus(store, "spacy", out, ADJUDICATED)
    shards = sorted(p.name for p in out.iterdir())
    assert len(shards) == result.extra["docs"] > 1
    docs = [ex.reference for ex in Corpus(out)(spacy.blank("en"))]
    assert len(docs) == result.extra["docs"]
    meta = json.loads(result.sidecar.read_text(encoding="utf-8"))
    assert meta["sha256"] == file_sha256(out)
    # Exporting again replaces the earlier shards; another folder is never replaced.
    export_corpus(store, "spacy", out, ADJUDICATED)
    assert sorted(p.name for p in out.iterdir()) == shards
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "todo.txt").write_text("keep me")
    with pytest.raises(ExportError, match="is not an annotator spaCy export"):
        export_corpus(store, "spacy", precious, ADJUDICATED)
    assert (precious / "todo.txt").read_text() == "keep me"


def test_same_data_gives_same_bytes_and_sidecar_has_sha256(store: Store, tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    result = export_corpus(store, "jsonl", first, command="annotator export")
    export_corpus(store, "jsonl", second)
    assert first.read_bytes() == second.read_bytes()
    assert result.sidecar == tmp_path / "a.jsonl.meta.json"
    meta = json.loads(result.sidecar.read_text(encoding="utf-8"))
    assert meta["sha256"] == file_sha256(first)
    assert meta["format"] == "annotator.corpus.v1"
    assert meta["command"] == "annotator export"
    assert meta["counts"]["records"] == 6
    assert meta["label_schemas"][0]["name"] == "export-test"
    assert meta["pipelines"] == [
        {"pipeline": "annotator.source_attribution 0.1.0", "model": "test-model 1.0"}
    ]
    assert "created_at" in meta
    assert not (tmp_path / "a.jsonl.partial").exists()


def test_only_labelled_and_reviewer_filter(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "bob.jsonl"
    export_corpus(store, "jsonl", out, ExportOptions(reviewers=("bob",), only_labelled=True))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["seq"] for r in records] == [1, 2, 3]
    assert {a["reviewer"] for r in records for a in r["annotations"]} == {"bob"}
    # bob alone decides the majority, so no tie on credibility
    assert records[1]["gold"]["labels"]["credibility"] == 5
