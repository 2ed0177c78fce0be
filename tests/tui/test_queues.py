"""Team queues: `annotator assign` splits articles among reviewers with an overlap,
`annotator review` opens on the reviewer's own queue, `annotator stats` shows progress."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import INFO, PARAGRAPHS, seed_article

from annotator.assign import plan
from annotator.cli import main
from annotator.records import ExtractedClaim
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.session import ReviewError


def add_articles(db: Path, numbers: range) -> None:
    with Store(db) as store:
        for n in numbers:
            text = f"Dispatch number {n}.\n\n" + "\n\n".join(PARAGRAPHS)
            store.add_article(*seed_article(text, title=f"Dispatch {n}"), INFO)


def assignments(db: Path) -> list[tuple[str, str]]:
    with Store(db) as store:
        rows = store.conn.execute("SELECT article_id, reviewer FROM assignments ORDER BY 1, 2")
        return [tuple(row) for row in rows]


def assign(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["assign", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_assign_gives_whole_articles_and_the_overlap_share_to_two(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    add_articles(db, range(10))
    out = assign(db, "--reviewers", "ana,ben,cem", "--overlap", "0.2", "--seed", "3")
    assert "10 articles assigned (2 to two reviewers), seed 3" in out
    pairs = assignments(db)
    per_article = Counter(article for article, _ in pairs)
    assert sorted(per_article.values()) == [1] * 8 + [2] * 2
    per_reviewer = Counter(reviewer for _, reviewer in pairs)
    assert sorted(per_reviewer) == ["ana", "ben", "cem"] and per_reviewer.total() == 12
    assert max(per_reviewer.values()) - min(per_reviewer.values()) <= 1  # four claims each
    # The same seed on the same articles gives the same split.
    again = tmp_path / "again.db"
    add_articles(again, range(10))
    assign(again, "--reviewers", "ana,ben,cem", "--overlap", "0.2", "--seed", "3")
    assert assignments(again) == pairs


def test_assigning_again_extends_the_queues_and_moves_nothing(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    add_articles(db, range(4))
    assign(db, "--reviewers", "ana,ben", "--seed", "1")
    before = assignments(db)
    add_articles(db, range(4, 7))
    with Store(db) as store:  # cem already worked on one of the new articles
        claim = store.review_claim(store.claim_keys()[-1])
        store.add_annotation(claim.id, "cem", {"credibility": 3}, schema_id=None)
    out = assign(db, "--reviewers", "ana,ben,cem", "--seed", "2")
    assert "3 articles assigned" in out
    after = assignments(db)
    assert set(before) <= set(after) and len(after) == len(before) + 3
    assert (claim.article_id, "cem") in after
    assert "0 articles assigned" in assign(db, "--reviewers", "ana,ben,cem")


def test_review_opens_on_your_queue_and_queue_all_shows_everything(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    add_articles(db, range(6))
    assign(db, "--reviewers", "ana,ben", "--overlap", "0.5", "--seed", "5")
    with Store(db) as store:
        ana = store.queue_keys("ana")
    app = make_app(db, "ana")
    assert app.session.total == len(ana) < 24
    assert app.sub_title == "reviewer: ana · queue: ana's queue"
    app.session.store.close()
    everything = make_app(db, "ana", queue="all")
    assert everything.session.total == 24
    everything.session.store.close()
    with pytest.raises(ReviewError, match=r"dan has no articles assigned .* --queue all"):
        make_app(db, "dan")


async def test_stats_shows_each_queue_and_its_progress(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    add_articles(db, range(2))
    assign(db, "--reviewers", "ana,ben", "--seed", "0")
    app = make_app(db, "ana")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "j")  # one rating; moving on stores nothing
    result = CliRunner().invoke(main, ["stats", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.replace("│", " ").split()) for line in result.output.splitlines()]
    assert "ana 1 4 1 25%" in lines and "ben 1 4 0 0%" in lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reviewers", "ana", "--overlap", "0.2"], "--overlap needs two reviewers"),
        (["--reviewers", "ana,ana"], "a reviewer is named twice"),
        (["--reviewers", "ana,ben", "--overlap", "1.5"], "must be a share between 0 and 1"),
    ],
)
def test_bad_requests_are_one_line_errors(tmp_path: Path, args: list[str], message: str) -> None:
    db = tmp_path / "team.db"
    add_articles(db, range(1))
    result = CliRunner().invoke(main, ["assign", "--db", str(db), *args])
    assert result.exit_code == 1 and message in result.output
    assert assignments(db) == []


def test_the_overlap_share_rounds_half_up() -> None:
    pairs = plan([("only", 4)], ["ana", "ben"], overlap=0.5, seed=0)
    assert sorted(reviewer for _, reviewer in pairs) == ["ana", "ben"]


def test_the_plan_balances_claims_not_articles() -> None:
    articles = [("big", 30), ("a", 10), ("b", 10), ("c", 10)]
    pairs = plan(articles, ["ana", "ben"], overlap=0.0, seed=0)
    load = Counter()
    for article, reviewer in pairs:
        load[reviewer] += dict(articles)[article]
    assert sorted(load.values()) == [30, 30]


def test_page_furniture_is_in_no_queue_count(tmp_path: Path) -> None:
    """A queue is done when its news is rated: its articles' credit lines never count."""
    db = tmp_path / "team.db"
    add_articles(db, range(2))
    text = "\n\n".join(PARAGRAPHS) + "\n\nLena Ortiz/Getty Images"
    article, claims = seed_article(text, title="With a credit")
    start = text.index("Lena Ortiz")
    claims.append(
        ExtractedClaim(4, "boilerplate", start, len(text), text[start:], start, len(text))
    )
    with Store(db) as store:
        store.add_article(article, claims, INFO)
    assign(db, "--reviewers", "ana", "--seed", "0")
    with Store(db) as store:
        [ana] = store.queue_stats()
        assert (ana.articles, ana.claims) == (3, 12)  # four news claims each
        assert store.queue_loads() == {"ana": 12}
    app = make_app(db, "ana")
    assert app.session.total == 12
    app.session.store.close()
