"""import-labels over hostile files: no crash, bounded time, each bad line refused in one
line naming the file and line, only valid labels stored, the history chain intact, and a
second run of the same file adds nothing."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import closing
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import FIELD, JSON_VALUES, TEXT

from annotator.audit.chain import verify_chain
from annotator.importing import import_labels
from annotator.labels import load_schema
from annotator.records import Article, ExtractedClaim, PipelineInfo, claim_id
from annotator.store import Store

TEXT_OF_ARTICLE = "Officials said the bridge would close. The mayor said it would not."
ARTICLE = Article(text=TEXT_OF_ARTICLE)
CLAIMS = [claim_id(ARTICLE.id, 0, 38), claim_id(ARTICLE.id, 39, len(TEXT_OF_ARTICLE))]
SCHEMA = load_schema()
ONE_LINE = json.dumps({"claim": CLAIMS[0], "reviewer": "ana", "labels": {}}).replace(
    "}}", '}, "seconds": SECONDS}'
)

LABELS = st.one_of(
    st.fixed_dictionaries(
        {},
        optional={
            "credibility": st.sampled_from([1, 2, 3, 4, 5, "cant_judge", 0, 6, "5", None, 2.5]),
            "source_type": st.sampled_from(["anonymous", "named_person", "nobody", 1]),
            "anonymous_flag": st.sampled_from([True, False, "yes", 1, None]),
            "note": st.one_of(FIELD, st.integers()),
        },
    ),
    st.dictionaries(st.text(max_size=8), JSON_VALUES, max_size=3),
    JSON_VALUES,
)
ANNOTATIONS = st.fixed_dictionaries(
    {},
    optional={
        "claim": st.one_of(st.sampled_from(CLAIMS), st.text(max_size=16), JSON_VALUES),
        "reviewer": st.one_of(st.sampled_from(["ana", "bo"]), FIELD, JSON_VALUES),
        "labels": LABELS,
        "note": st.one_of(st.none(), FIELD, st.integers()),
        "seconds": st.one_of(
            st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(), FIELD
        ),
        "saved_at": st.one_of(st.none(), FIELD, st.just("2026-01-05T10:00:00.000000+00:00")),
    },
)
EXPORT_RECORDS = st.builds(
    lambda claim, annotations: {
        "format": "annotator.corpus.v1",
        "claim_id": claim,
        "annotations": annotations,
    },
    st.one_of(st.sampled_from(CLAIMS), JSON_VALUES),
    st.one_of(
        st.lists(st.builds(lambda a: {**a, "schema_id": SCHEMA.id}, ANNOTATIONS)), JSON_VALUES
    ),
)
LINES = st.one_of(
    ANNOTATIONS.map(json.dumps),
    EXPORT_RECORDS.map(json.dumps),
    JSON_VALUES.map(json.dumps),  # arrays, numbers, strings, null
    TEXT,  # not JSON
    st.just(""),
)
FILES = st.builds(
    lambda bom, lines: ("\ufeff" if bom else "") + "\n".join(lines),
    st.booleans(),
    st.lists(LINES, max_size=10),
)


def fresh_store(folder: Path) -> Store:
    store = Store(folder / "labels.db")
    claims = [
        ExtractedClaim(0, "statement", 0, 38, TEXT_OF_ARTICLE[:38], 0, 38),
        ExtractedClaim(1, "statement", 39, len(TEXT_OF_ARTICLE), TEXT_OF_ARTICLE[39:], 39, 67),
    ]
    store.add_article(ARTICLE, claims, PipelineInfo("prop 0", "none"))
    return store


def files(content: str) -> Iterator[tuple[Path, Path]]:
    folder = Path(tempfile.mkdtemp(prefix="annotator-prop-"))
    path = folder / "labels.jsonl"
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    yield folder, path


@settings(
    deadline=timedelta(seconds=30),
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(FILES)
@example(ONE_LINE.replace("SECONDS", "NaN"))  # JSON allows it; SQLite cannot store it
@example(ONE_LINE.replace("SECONDS", "1e400"))  # infinity
@example('[1]\n2\n"x"\nnull\n\ufeff{}\n{"claim": 5, "reviewer": " ", "labels": {}}\n\ufeff')
def test_import_labels(content: str) -> None:
    schema = SCHEMA
    for folder, path in files(content):
        with closing(fresh_store(folder)) as store:
            report = import_labels(store, path, schema)
            lines = content.removeprefix("\ufeff").split("\n")
            for error in report.errors:
                location, _, problem = error.partition(": ")
                file, _, number = location.rpartition(":")
                assert file == str(path) and lines[int(number) - 1].strip()  # names the line
                assert "\n" not in error and "\r" not in error and problem
            stored = list(store.iter_annotations())
            assert report.added == len(stored)
            for annotation in stored:
                assert annotation.labels is not None
                schema.validate_labels(annotation.labels)
            assert verify_chain(store.chain_rows()).ok
            again = import_labels(store, path, schema)  # a re-run is safe
            assert (again.added, again.present) == (0, report.added + report.present)
            assert again.errors == report.errors
