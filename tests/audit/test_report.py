"""The audit report of a three-reviewer database in text, JSON and HTML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

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
    assert d.accuracy == pytest.approx(5 / 6)
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
    assert data["format"] == FORMAT == "annotator.audit.v1"
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
    assert "Source type: gold (rows) vs machine (columns)" in titles
    assert "Talks &lt;stall&gt; &amp; [bold]markup[/bold]" in page
    assert "<stall>" not in page


def test_a_missing_database_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["audit", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output and "Traceback" not in result.output
