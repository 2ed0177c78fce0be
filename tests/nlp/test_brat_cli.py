"""`annotator evaluate` on brat folders: the JSON figures, the tables, misses, bad files,
and (when the corpus is there) PolNeAR's dev split."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli import main

ROOT = Path(__file__).resolve().parents[2]
BRAT = ROOT / "tests" / "nlp" / "data" / "brat"
# PolNeAR lives beside the project (never inside it: its text may not be copied);
# ANNOTATOR_POLNEAR points elsewhere, e.g. from a worktree.
POLNEAR = Path(os.environ.get("ANNOTATOR_POLNEAR", ROOT.parent / "shared" / "polnear"))
ROLES = {"source", "cue", "content"}


def evaluate(*args: str) -> Any:
    result = CliRunner().invoke(main, ["evaluate", *args])
    assert result.exit_code == 0, result.output
    return result


def check_shape(summary: dict[str, Any]) -> None:
    assert set(summary) == ROLES
    for role in ROLES:
        assert set(summary[role]) == {"exact", "overlap"}
        for match in ("exact", "overlap"):
            figures = summary[role][match]
            assert {"p", "r", "f1"} <= set(figures)
            assert all(0.0 <= figures[k] <= 1.0 for k in ("p", "r", "f1"))
        assert summary[role]["exact"]["matched"] <= summary[role]["overlap"]["matched"]


def test_json_is_one_object_of_exact_and_overlap_figures_per_span() -> None:
    result = evaluate(str(BRAT / "flat"), str(BRAT / "split"), "--json")
    summary = json.loads(result.stdout)
    check_shape(summary)
    # Gold spans in relations: 3 + 2 + 1 sources (one relation has none), 3 + 3 + 1 cues
    # and contents (a Content2 joins its relation's content).
    assert [summary[r]["overlap"]["gold"] for r in ("source", "cue", "content")] == [6, 7, 7]
    # "Volunteers swept the pier" is annotated as an attribution no detector reports.
    assert summary["cue"]["overlap"]["r"] < 1.0


def test_recall_per_cue_lemma_shows_the_missed_cue() -> None:
    result = evaluate(str(BRAT / "flat"))
    assert "span scores over 1 articles" in result.stdout
    cells = [[c.strip() for c in line.split("│")[1:-1]] for line in result.stdout.splitlines()]
    # lemma, gold, found, missed, recall; the most missed first
    lemma_rows = [row for row in cells if len(row) == 5]
    assert lemma_rows[0] == ["sweep", "1", "0", "1", "0.00"]
    assert ["say", "2", "2", "0", "1.00"] in lemma_rows
    assert "missed gold spans" not in result.stdout


def test_misses_are_printed_in_their_sentence_with_the_article_name() -> None:
    result = evaluate(str(BRAT / "flat"), "--misses")
    out = result.stdout
    assert "missed gold spans" in out
    assert "ferry" in out.split("missed gold spans")[1]
    # Marked, and the article's "[b]" is shown as written, not read as markup.
    assert "Volunteers ⟦swept⟧ the pier [b]blue[/b]." in out


def test_a_bad_annotation_file_is_reported_and_the_rest_is_scored(tmp_path: Path) -> None:
    shutil.copytree(BRAT / "flat", tmp_path, dirs_exist_ok=True)
    (tmp_path / "quay.txt").write_text("The quay is shut, a guard said.\n", encoding="utf-8")
    (tmp_path / "quay.ann").write_text("T1\tSource 18 25\ta guard\nE1 Source:T1\n", "utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path), "--json"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'quay.ann'}:2: not a brat annotation line: 'E1 Source:T1'"
    ]
    assert json.loads(result.stdout)["source"]["overlap"]["gold"] == 3  # ferry's


def test_offsets_index_the_text_as_written_control_characters_included(tmp_path: Path) -> None:
    # Ingest removes control characters; gold offsets count them, so scoring must not.
    text = "Caf\u00c3\u0083\u00c2\u00a9 news.\n\nThe quay is shut, a guard said.\n"
    start = text.index("a guard")
    (tmp_path / "quay.txt").write_text(text, encoding="utf-8")
    (tmp_path / "quay.ann").write_text(
        f"T1\tSource {start} {start + 7}\ta guard\n"
        f"T2\tAttribution {start + 8} {start + 12}\tsaid\n"
        "E1\tAttribution:T2 Source:T1\n",
        encoding="utf-8",
    )
    summary = json.loads(evaluate(str(tmp_path), "--json").stdout)
    assert summary["source"]["overlap"]["gold"] == 1
    assert summary["source"]["overlap"]["matched"] == 1


def test_options_that_do_not_apply_are_refused() -> None:
    gold = ROOT / "tests" / "nlp" / "data" / "devset4"
    result = CliRunner().invoke(main, ["evaluate", str(BRAT / "flat"), str(gold)])
    assert result.exit_code == 2 and "brat folders alone" in result.output
    result = CliRunner().invoke(main, ["evaluate", str(BRAT / "flat"), "--spans"])
    assert result.exit_code == 2 and "--spans is for gold files" in result.output
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--misses"])
    assert result.exit_code == 2 and "for brat folders" in result.output
    result = CliRunner().invoke(main, ["evaluate", str(BRAT / "flat"), "--json", "--misses"])
    assert result.exit_code == 2 and "--json prints the figures alone" in result.output


@pytest.mark.skipif(
    not (POLNEAR / "dev").is_dir(),
    reason=f"PolNeAR is not at {POLNEAR} (../shared/polnear from the project root; "
    "set ANNOTATOR_POLNEAR to its folder)",
)
def test_polnear_dev_subset_scores_in_sane_ranges(tmp_path: Path) -> None:
    # Every seventh dev article (all outlets, about 3 s), linked, not copied.
    from annotator.nlp.brat import brat_articles

    subset = brat_articles(POLNEAR / "dev")[::7]
    for folder in ("text", "attributions"):
        (tmp_path / folder).mkdir()
    for article in subset:
        (tmp_path / "text" / article.text_path.name).symlink_to(article.text_path)
        (tmp_path / "attributions" / article.ann_path.name).symlink_to(article.ann_path)
    summary = json.loads(evaluate(str(tmp_path), "--json").stdout)
    check_shape(summary)
    for role in ROLES:
        assert summary[role]["overlap"]["gold"] > 10 * len(subset) / 2
    # Offsets line up: most of what is predicted overlaps gold, and a fair share is found.
    for role in ("source", "cue"):
        assert summary[role]["overlap"]["p"] > 0.6 and summary[role]["overlap"]["r"] > 0.25
