"""The audit report of a three-reviewer database in text, JSON and HTML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.audit.adjudication import adjudicate
from annotator.audit.report import FORMAT, build_report
from annotator.cli import main
from annotator.labels import LabelSchema
from annotator.store import Store


def run(*args: str) -> str:
    # A wide terminal, so no table cell is cut short.
    result = CliRunner(env={"COLUMNS": "200"}).invoke(
        main, ["audit", *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_report_figures(mixed_db: Path, schema: LabelSchema) -> None:
    with Store(mixed_db) as store:
        report = build_report(store, schema, resamples=200)
    assert report.claims_multi == 6 and report.chain.ok
    by_field = {f.field: f for f in report.agreement}
    assert by_field["anonymous_flag"].alpha == pytest.approx(1.0)
    assert by_field["credibility"].claims == 6  # alice's cant_judge leaves two values there
    carol = next(r for r in report.reviewers if r.reviewer == "carol")
    assert carol.fast_claims == 6 and carol.longest_run == 6
    assert carol.distribution["credibility"] == {"3": 6}
    alice = next(r for r in report.reviewers if r.reviewer == "alice")
    assert (alice.machine_accepted, alice.machine_compared) == (5, 6)
    # The machine said unnamed_person where the majority said unnamed_group.
    d = report.detector
    row, column = d.types.index("unnamed_group"), d.types.index("unnamed_person")
    assert d.confusion[row][column] == 1
    assert report.gold == d.gold == "majority"  # no adjudication yet: the majority is the gold
    (figure,) = d.accuracies
    assert figure.accuracy == pytest.approx(5 / 6) and figure.ties == 0
    (article,) = report.articles
    assert article.cites_anonymous and article.single_anonymous_claims == 1


def test_text_output(mixed_db: Path) -> None:
    out = run("--db", str(mixed_db))
    assert "History: OK, 18 records chained" in out
    for heading in ("Agreement", "Cohen's kappa", "Reviewers", "confusion matrix", "Sourcing"):
        assert heading in out
    assert re.search(r"anonymous_flag\s*│\s*nominal\s*│\s*6\s*│\s*1\.000", out)
    assert "[bold]markup[/bold]" in out  # article title shown literally, not as markup


def test_json_output_is_stable_and_versioned(mixed_db: Path) -> None:
    first, second = (
        run("--db", str(mixed_db), "--format", "json"),
        run("--db", str(mixed_db), "--format", "json"),
    )
    assert first == second
    data = json.loads(first)
    assert data["format"] == FORMAT == "annotator.audit.v2"
    assert list(data) == sorted(data)
    assert data["chain"]["ok"] is True and data["chain"]["first_break"] is None
    assert {r["reviewer"] for r in data["reviewers"]} == {"alice", "bob", "carol"}
    assert data["detector"]["types"][0] == "named_person"


def test_html_is_self_contained_with_charts(mixed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "audit.html"
    result = CliRunner().invoke(
        main, ["audit", "--db", str(mixed_db), "--format", "html", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert not re.search(r"https?:", page)
    assert "<script" not in page and "<link" not in page
    svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    titles = [ET.fromstring(svg).findtext("title") for svg in svgs]  # each chart is valid XML
    assert "Labels given: source_type" in titles
    assert "Seconds per claim (median, 10th percentile)" in titles
    assert "Source type: majority gold (rows) vs machine (columns)" in titles
    # Each type against the rest: a 2 x 2 matrix per source type.
    assert "anonymous: gold (rows) vs machine (columns)" in titles
    assert "Talks &lt;stall&gt; &amp; [bold]markup[/bold]" in page
    assert "<stall>" not in page


def test_a_missing_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["audit", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output and "Traceback" not in result.output


def test_detector_figures_count_ties_and_put_adjudicated_gold_first(
    db_path: Path, schema: LabelSchema
) -> None:
    """The three-reviewer database, plus dave on claim 4 (document 2 : unnamed_group 2).

    Majority gold: claims 1, 2, 3, 6 right, claim 5 wrong (unnamed_group, machine said
    unnamed_person), claim 4 tied: 4/5 with the tie left out, 4/6 counted as an error.
    Adjudicating claim 4 as document and claim 5 as unnamed_person (both the machine's)
    gives 6/6 against adjudicated gold: 2 claims adjudicated, 4 by majority, no tie.
    """
    with Store(db_path) as store:
        ids = store.claim_ids_in_order()
        store.add_annotation(
            ids[3], "dave", {"source_type": "unnamed_group"}, schema_id=schema.id, seconds=5.0
        )
        majority_only = build_report(store, schema, resamples=10).detector
        adjudicate(store, schema, ids[3], "editor", {"source_type": "document"})
        adjudicate(store, schema, ids[4], "editor", {"source_type": "unnamed_person"})
    (figure,) = majority_only.accuracies
    assert (figure.claims, figure.ties) == (5, 1)
    assert figure.accuracy == pytest.approx(4 / 5)
    assert figure.accuracy_ties_as_errors == pytest.approx(4 / 6)
    data = json.loads(run("--db", str(db_path), "--format", "json"))
    adjudicated, majority = data["detector"]["accuracies"]
    assert data["gold"] == data["detector"]["gold"] == "adjudicated"
    assert adjudicated == {
        "gold": "adjudicated",
        "claims": 6,
        "adjudicated": 2,
        "majority": 4,
        "ties": 0,
        "accuracy": 1.0,
        "accuracy_ties_as_errors": 1.0,
    }
    assert majority["gold"] == "majority" and majority["ties"] == 1
    assert majority["accuracy"] == pytest.approx(0.8)
    out = run("--db", str(db_path))
    first = out.index(
        "Source type against adjudicated gold where present, else majority (2 adjudicated, "
        "4 majority, 0 ties): accuracy 100% with ties left out"
    )
    second = out.index(
        "Source type against majority gold (5 claims, 1 tie): accuracy 80% with ties left "
        "out, 67% with ties counted as errors"
    )
    assert first < second
    html = run("--db", str(db_path), "--format", "html")
    assert html.index("against adjudicated gold where") < html.index("against majority gold (5")


def test_pairs_sharing_fewer_than_ten_claims_are_too_few_to_judge(mixed_db: Path) -> None:
    data = json.loads(run("--db", str(mixed_db), "--format", "json"))
    kappas = [k for field in data["agreement"] for k in field["kappas"]]
    assert kappas and all(k["too_few"] and k["kappa"] is None for k in kappas)
    assert {k["claims"] for k in kappas} == {5, 6}  # alice's cant_judge leaves 5 on credibility
    out = run("--db", str(mixed_db))
    assert re.search(r"source_type\s*│\s*alice · bob\s*│\s*too few to judge\s*│\s*6", out)


def test_span_labels_are_compared_by_overlap(db_path: Path, schema: LabelSchema) -> None:
    """The default schema's span question, source_span, answered by alice and bob on
    three claims of one article; carol does not answer it.

    claim 1: 0-17 and 2-17 (15 of 17 characters shared: difference 2/17)
    claim 2: no source twice; claim 3: 100-108 twice.
    n = 6 (2 nulls, 4 spans). Observed: 2 * 2/17 = 4/17. Expected: null against span
    2 * 2 * 4 = 16, span pairs (2/17 + 4 other pairs of 1) * 2 = 140/17: 412/17 in all.
    alpha = 1 - 5 * (4/17) / (412/17) = 392/412.
    """
    with_span = schema  # the default schema asks for the source span
    spans = {
        "alice": [{"start": 0, "end": 17}, None, {"start": 100, "end": 108}],
        "bob": [{"start": 2, "end": 17}, None, {"start": 100, "end": 108}],
    }
    with Store(db_path) as store:
        current = {(c.claim_id, c.reviewer): c.labels for c in store.current_labels()}
        ids = store.claim_ids_in_order()
        for reviewer, answers in spans.items():
            for claim, answer in zip(ids, answers, strict=False):
                labels = {**current[(claim, reviewer)], "source_span": answer}
                store.add_annotation(claim, reviewer, labels, schema_id=schema.id)
        report = build_report(store, with_span, resamples=50)
    (span_field,) = [f for f in report.agreement if f.field == "source_span"]
    assert (span_field.level, span_field.claims) == ("span", 3)
    assert span_field.alpha == pytest.approx(392 / 412)
    assert span_field.percent_agreement == pytest.approx(2 / 3)
    assert report.disputes.by_question["source_span"] == 1  # claim 1 only
    assert all("source_span" not in r.distribution for r in report.reviewers)
