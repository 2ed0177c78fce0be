"""merge: articles once, every record kept and re-chained, a second merge adds nothing."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from click.testing import CliRunner
from export_corpus_data import add_corpus, corpus_claim_ids, label_corpus

from annotator.cli import main
from annotator.export import export_corpus
from annotator.importing import import_labels
from annotator.labels import LabelSchema
from annotator.merge import merge_databases
from annotator.store import Store
from annotator.store.annotations import GENESIS_HASH, annotation_hash, canonical_json


def chain_is_intact(store: Store) -> bool:
    prev = GENESIS_HASH
    for record in store.iter_annotations():
        row = {**record.__dict__}
        row["labels"] = None if record.labels is None else canonical_json(record.labels)
        if record.prev_hash != prev or annotation_hash(prev, row) != record.hash:
            return False
        prev = record.hash
    return True


def labelled_and_exported(folder: Path, schema: LabelSchema) -> Path:
    """`full.db`, the labelled corpus, and its JSONL export `full.jsonl` beside it."""
    full = folder / "full.db"
    with closing(Store(full)) as store:
        label_corpus(store, add_corpus(store), schema)
        export_corpus(store, "jsonl", folder / "full.jsonl")
    return full


def make_reviewer_db(path: Path, schema: LabelSchema, reviewer: str, minute: int) -> Path:
    with closing(Store(path)) as store:
        ids = add_corpus(store)
        store.register_schema(schema.id, schema.name, schema.version, schema.content)
        for n, credibility in enumerate((1, 2, 3)):
            store.add_annotation(
                ids[n],
                reviewer,
                {"credibility": credibility},
                schema_id=schema.id,
                saved_at=f"2026-01-06T09:{minute + n:02d}:00.000000+00:00",
            )
    return path


def test_merge_keeps_everything_once(tmp_path: Path, schema: LabelSchema) -> None:
    full = tmp_path / "full.db"
    with closing(Store(full)) as store:
        label_corpus(store, add_corpus(store), schema)
    erin = make_reviewer_db(tmp_path / "erin.db", schema, "erin", 30)
    team = tmp_path / "team.db"
    counts = merge_databases([full, erin], team)
    assert [c.articles_added for c in counts] == [2, 0]
    assert [c.annotations_added for c in counts] == [10, 3]
    assert counts[1].articles_present == 2
    with closing(Store(team)) as merged:
        assert merged.corpus_counts().articles == 2
        assert merged.corpus_counts().claims == 6
        assert merged.corpus_counts().annotations == 13
        assert chain_is_intact(merged)
        assert merged.has_label_schema(schema.id)
        history = merged.claim_history(corpus_claim_ids()[1], "alice")
        assert [a.saved_at[11:16] for a in history] == ["10:01", "10:02"]
        events = merged.conn.execute("SELECT count(*) FROM events WHERE kind = 'merge'")
        assert events.fetchone()[0] == 2
        # Merged claims are searchable by their paragraph and notes.
        assert len(merged.search_claim_keys("Finland")) == 2  # article two's two claims
        assert len(merged.search_claim_keys("changed mind")) == 1

    again = merge_databases([full, erin], team)
    assert sum(c.annotations_added + c.articles_added + c.claims_added for c in again) == 0
    with closing(Store(team)) as merged:
        assert merged.corpus_counts().annotations == 13


def test_merged_export_matches_the_source_for_its_reviewers(
    tmp_path: Path, schema: LabelSchema
) -> None:
    full = labelled_and_exported(tmp_path, schema)
    result = CliRunner().invoke(main, ["merge", str(full), "--into", str(tmp_path / "team.db")])
    assert result.exit_code == 0, result.output
    with closing(Store(tmp_path / "team.db")) as merged:
        export_corpus(merged, "jsonl", tmp_path / "team.jsonl")
    assert (tmp_path / "team.jsonl").read_bytes() == (tmp_path / "full.jsonl").read_bytes()


def test_merge_refuses_the_target_as_a_source(tmp_path: Path, schema: LabelSchema) -> None:
    db = make_reviewer_db(tmp_path / "erin.db", schema, "erin", 0)
    result = CliRunner().invoke(main, ["merge", str(db), "--into", str(db)])
    assert result.exit_code == 1
    assert "is also the --into database" in result.output


def test_a_missing_source_is_reported_before_the_target_is_made(tmp_path: Path) -> None:
    team = tmp_path / "team.db"
    result = CliRunner().invoke(main, ["merge", str(tmp_path / "nope.db"), "--into", str(team)])
    assert result.exit_code == 1
    assert (
        result.output.strip() == f"Error: {tmp_path / 'nope.db'}: no such database; check the path"
    )
    assert not team.exists()


def test_merging_a_copy_rebuilt_from_its_own_export_adds_nothing(
    tmp_path: Path, schema: LabelSchema
) -> None:
    """The export's labels come back as `import` records; they are still the same ratings."""
    full = labelled_and_exported(tmp_path, schema)
    rebuilt = tmp_path / "rebuilt.db"
    with closing(Store(rebuilt)) as store:
        add_corpus(store)
        assert import_labels(store, tmp_path / "full.jsonl", schema).added == 6
    counts = merge_databases([full, rebuilt], tmp_path / "team.db")
    assert [(c.annotations_added, c.annotations_present) for c in counts] == [(10, 0), (0, 6)]
    with closing(Store(tmp_path / "team.db")) as merged:
        assert merged.corpus_counts().annotations == 10
        assert chain_is_intact(merged)


def test_importing_a_database_own_export_adds_nothing(tmp_path: Path, schema: LabelSchema) -> None:
    full = labelled_and_exported(tmp_path, schema)
    with closing(Store(full)) as store:
        report = import_labels(store, tmp_path / "full.jsonl", schema)
        assert (report.added, report.present) == (0, 6)
        assert store.corpus_counts().annotations == 10
