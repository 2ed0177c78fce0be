"""The freely licensed check set (tests/ingest/data/checkset): four Wikinews stories and
articles written for the project in the layouts real saved pages have. Ingest must get
the titles right (at least 95%), leave at most 2% of the queued claims page furniture,
and keep no news out of review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from annotator.cli import main
from annotator.ingest import read_paths
from annotator.nlp.layout_eval import LayoutScore, read_expectations, score_article
from annotator.nlp.pipeline import Extractor
from annotator.records import Article

CHECKSET = ROOT / "tests" / "ingest" / "data" / "checkset"
ARTICLES = CHECKSET / "articles"
EXPECTED = CHECKSET / "expected.jsonl"


@pytest.fixture(scope="module")
def checkset_score(extractor: Extractor) -> LayoutScore:
    expected = read_expectations(EXPECTED)
    articles = [a for a in read_paths([ARTICLES]) if isinstance(a, Article)]
    assert {Path(str(a.origin)).stem for a in articles} == set(expected)
    total = LayoutScore()
    for article, claims in extractor.extract(articles):
        total += score_article(article, claims, expected[Path(str(article.origin)).stem])
    return total


def test_every_article_has_expectations_and_is_scored(checkset_score: LayoutScore) -> None:
    assert checkset_score.articles == checkset_score.titles >= 15
    assert checkset_score.queued >= 100


def test_titles_are_right(checkset_score: LayoutScore) -> None:
    assert checkset_score.titles_right >= 0.95 * checkset_score.titles, checkset_score.misses


def test_header_lines_fill_the_fields(checkset_score: LayoutScore) -> None:
    assert checkset_score.fields_right == checkset_score.fields >= 15, checkset_score.misses


def test_at_most_two_percent_of_queued_claims_are_furniture(checkset_score: LayoutScore) -> None:
    s = checkset_score
    assert s.queued_furniture <= 0.02 * s.queued, s.misses


def test_no_news_is_kept_out_of_review(checkset_score: LayoutScore) -> None:
    assert checkset_score.kept_out_known >= 50
    assert checkset_score.kept_out_wrongly == 0, checkset_score.misses


def test_evaluate_layout_prints_the_figures_for_any_folder(model: Extractor) -> None:
    result = CliRunner().invoke(
        main, ["evaluate", "--layout", str(ARTICLES), "--expected", str(EXPECTED), "--json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["titles_right"]["of"] == figures["articles"] >= 15
    assert figures["queued_furniture"]["rate"] <= 0.02
