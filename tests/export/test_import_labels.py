"""import-labels: per-line errors, duplicates skipped, and the export round trip."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_corpus_data import add_corpus

from annotator.cli import main
from annotator.errors import InputError
from annotator.export import export_corpus
from annotator.importing import import_labels
from annotator.labels import LabelSchema, load_schema
from annotator.store import Store


def write_lines(path: Path, lines: list[object]) -> Path:
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )
    return path


def test_bad_lines_are_named_and_the_rest_go_in(tmp_path: Path, schema: LabelSchema) -> None:
    with closing(Store(tmp_path / "fresh.db")) as store:
        ids = add_corpus(store)
        file = write_lines(
            tmp_path / "labels.jsonl",
            [
                {"claim": ids[0], "reviewer": "eve", "labels": {"credibility": 4}},
                {"claim": ids[1], "reviewer": "eve", "labels": {"credibility": 7}},
                {"claim": "0000000000000000", "reviewer": "eve", "labels": {}},
                "{not json",
                {"claim": ids[2], "reviewer": "eve", "labels": {"mood": "happy"}},
                "",
                {
                    "claim": ids[3],
                    "reviewer": "eve",
                    "labels": {"source_type": "anonymous"},
                    "note": "subset of the questions is fine",
                },
            ],
        )
        report = import_labels(store, file, schema)
        assert report.added == 2
        assert report.errors[0] == (
            f"{file}:2: label 'credibility': 7 is not one of 1, 2, 3, 4, 5, 'cant_judge'"
        )
        assert report.errors[1].startswith(f"{file}:3: unknown claim id '0000000000000000'")
        assert report.errors[2].startswith(f"{file}:4: not valid JSON")
        assert report.errors[3].startswith(f"{file}:5: unknown label field 'mood'")
        record = store.current_annotation(ids[3], "eve")
        assert record is not None and record.action == "import"
        assert record.note == "subset of the questions is fine"


@pytest.mark.parametrize("saved_at", [{}, {"saved_at": ""}], ids=["no saved_at", "empty"])
def test_reimporting_adds_nothing(
    tmp_path: Path, schema: LabelSchema, saved_at: dict[str, str]
) -> None:
    # A line without a time gets the time of its first import; the same line again is
    # that record, whether the time is missing or empty.
    with closing(Store(tmp_path / "fresh.db")) as store:
        ids = add_corpus(store)
        line = {"claim": ids[0], "reviewer": "eve", "labels": {"credibility": 4}, "seconds": 3}
        file = write_lines(tmp_path / "labels.jsonl", [line | saved_at])
        assert import_labels(store, file, schema).added == 1
        again = import_labels(store, file, schema)
        assert (again.added, again.present) == (0, 1)


def test_cli_exits_1_when_a_line_failed(tmp_path: Path, schema: LabelSchema) -> None:
    db = tmp_path / "fresh.db"
    with closing(Store(db)) as store:
        ids = add_corpus(store)
    file = write_lines(
        tmp_path / "labels.jsonl",
        [
            {"claim": ids[0], "reviewer": "eve", "labels": {"credibility": 4}},
            {"claim": ids[1], "reviewer": "eve", "labels": {"credibility": 7}},
        ],
    )
    schema_file = str(Path(schema.path))
    result = CliRunner().invoke(
        main, ["import-labels", str(file), "--db", str(db), "--schema", schema_file]
    )
    assert result.exit_code == 1
    assert f"{file}:2: label 'credibility': 7 is not one of" in result.output
    assert "1 annotations added" in result.output


def test_round_trip_export_import_export_is_byte_identical(
    store: Store, tmp_path: Path, schema: LabelSchema
) -> None:
    first = tmp_path / "first.jsonl"
    export_corpus(store, "jsonl", first)
    with closing(Store(tmp_path / "fresh.db")) as fresh:
        add_corpus(fresh)  # same articles, same claims, no labels
        # The schema comes from first.jsonl.meta.json; the default one given is another.
        other = LabelSchema("other", "1", "", schema.questions, "0" * 16, "", "x")
        report = import_labels(fresh, first, other)
        assert report.errors == []
        assert report.added == 6
        second = tmp_path / "second.jsonl"
        export_corpus(fresh, "jsonl", second)
        assert second.read_bytes() == first.read_bytes()
        assert import_labels(fresh, first, other).added == 0


def test_a_bom_and_a_broken_sidecar(tmp_path: Path, schema: LabelSchema) -> None:
    with closing(Store(tmp_path / "fresh.db")) as store:
        ids = add_corpus(store)
        file = tmp_path / "excel.jsonl"
        line = json.dumps({"claim": ids[0], "reviewer": "eve", "labels": {"credibility": 2}})
        file.write_bytes(b"\xef\xbb\xbf" + line.encode("utf-8") + b"\n")
        assert import_labels(store, file, schema).added == 1
        (tmp_path / "excel.jsonl.meta.json").write_text("[1, 2]", encoding="utf-8")
        with pytest.raises(InputError, match=r"excel\.jsonl\.meta\.json: not an export sidecar"):
            import_labels(store, file, schema)


def test_spans_and_rules_are_checked_line_by_line(tmp_path: Path) -> None:
    """Spans must lie inside the article; a line breaking a rule of the schema is refused,
    named by its number and the rule (the default schema declares the rules)."""
    default = load_schema()
    with closing(Store(tmp_path / "fresh.db")) as store:
        ids = add_corpus(store)
        officials = {"start": 20, "end": 49}
        file = write_lines(
            tmp_path / "labels.jsonl",
            [
                {"claim": ids[1], "reviewer": "eve", "labels": {"source_span": officials}},
                {"claim": ids[1], "reviewer": "eve",
                 "labels": {"source_span": {"start": 20, "end": 999}}},
                {"claim": ids[1], "reviewer": "eve",
                 "labels": {"cue_span": {"start": 9, "end": 3}}},
                {"claim": ids[1], "reviewer": "eve",
                 "labels": {"source_type": "anonymous", "anonymous_flag": False}},
                {"claim": ids[3], "reviewer": "eve",
                 "labels": {"source_type": "unattributed", "source_span": officials}},
            ],
        )  # fmt: skip
        report = import_labels(store, file, default)
        assert report.added == 1
        assert report.errors == [
            f"{file}:2: label 'source_span': end 999 is past the end of the article "
            "(204 characters)",
            f"{file}:3: label 'cue_span': start 9 must be at least 0 and below end 3",
            f"{file}:4: label 'anonymous_flag' breaks the rule: source_type = anonymous "
            "implies anonymous_flag = true",
            f"{file}:5: label 'source_span' breaks the rule: source_type = unattributed "
            "implies anonymous_flag = false and no source_span",
        ]
        record = store.current_annotation(ids[1], "eve")
        assert record is not None and record.labels == {"source_span": officials}
