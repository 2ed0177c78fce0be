"""Filter, search and go-to change which claims are stepped through, never the labels."""

from __future__ import annotations

from pathlib import Path

from conftest import PARAGRAPHS, REVIEWER, add_second_article, database, seed_article

from annotator.records import ExtractedClaim
from annotator.store import Store
from annotator.tui.app import make_app

SIZE = (100, 30)


async def test_filter_anonymous_shows_only_flagged_claims(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "down", "down", "enter")
        assert app.session.view_name == "anonymous"
        assert len(app.session.view) == 1
        assert app.session.claim is not None and app.session.claim.anonymous_flag


async def test_filter_unrated_skips_rated_claims(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "3", "f", "down", "enter")
        assert len(app.session.view) == 2


async def test_search_uses_stemmed_full_text_and_survives_fts_syntax(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"officials", "enter")
        assert app.session.view_name == "search: officials"
        assert len(app.session.view) == 1
        await pilot.press("slash", *'"AND (*', "enter")
        await pilot.pause()
        assert app.session.view_name == "search: officials"  # nothing matched: view kept
        await pilot.press("5")
    with Store(db_path) as store:
        [annotation] = list(store.iter_annotations())
    assert "officials" in store_claim_text(db_path, annotation.claim_id)


def store_claim_text(db_path: Path, claim_id: str) -> str:
    store = Store(db_path)
    key = store.claim_key(claim_id)
    assert key is not None
    text = store.review_claim(key).text
    store.close()
    return text


async def test_goto_jumps_by_number_and_reports_bad_targets(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "4", "enter")
        assert app.session.index == 3
        await pilot.press("g", "9", "enter")
        await pilot.pause()
        assert app.session.index == 3


async def test_reason_key_is_hidden_unless_anonymous(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert screen.check_action("toggle_label", ("anonymity_reason_given",)) is False
        assert screen.check_action("undo", ()) is False
        await pilot.press("x")
        assert screen.check_action("toggle_label", ("anonymity_reason_given",)) is True


async def test_theme_toggles_between_dark_and_light(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        before = app.theme
        await pilot.press("ctrl+t")
        assert app.theme != before
        await pilot.resize_terminal(80, 24)
        await pilot.resize_terminal(40, 10)
        await pilot.press("j")
        await pilot.resize_terminal(200, 50)
        await pilot.press("3")
        assert app.session.index == 2


async def test_filter_disputed_shows_claims_reviewers_label_differently(db_path: Path) -> None:
    store = Store(db_path)
    first, second = (
        store.review_claim(store.claim_keys()[0]),
        store.review_claim(store.claim_keys()[1]),
    )
    for reviewer, credibility in (("ann", 2), ("ben", 5)):
        store.add_annotation(first.id, reviewer, {"credibility": credibility}, schema_id=None)
        store.add_annotation(second.id, reviewer, {"credibility": 3}, schema_id=None)
    store.close()
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "end", "up", "enter")  # the last but one filter
        assert app.session.view_name == "disputed"
        assert app.session.claim is not None and app.session.claim.id == first.id
        assert len(app.session.view) == 1
        assert app.screen.check_action("move", (1,)) is False


async def test_position_counts_claims_within_their_article(db_path: Path) -> None:
    add_second_article(db_path)
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g", "6", "enter")
        assert app.session.article_position() == ((2, 4), (2, 2))
        assert app.session.claim is not None and app.session.claim.article_title == "Second"


async def test_audit_report_opens_from_review_and_returns(db_path: Path) -> None:
    """ctrl+a shows the audit of the database being reviewed; escape comes back."""
    from annotator.tui.screens.audit import AuditScreen

    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")  # one saved rating: the audit counts it
        await pilot.press("ctrl+a")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AuditScreen)
        assert screen.report is not None
        assert screen.report.chain.ok and screen.report.chain.records == 1
        await pilot.press("escape")
        assert not isinstance(app.screen, AuditScreen)
        assert app.session.claim is not None


async def test_article_list_shows_counts_and_jumps_to_an_article(db_path: Path) -> None:
    add_second_article(db_path)
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")  # one claim of the first article rated
        await pilot.press("l")
        await pilot.pause()
        from textual.widgets import DataTable

        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            ["1", "Turkey says delay not on agenda", "", "4", "1"],
            ["2", "Second", "", "4", "0"],
        ]
        await pilot.press("down", "enter")
        await pilot.pause()
        claim = app.session.claim
        assert claim is not None and claim.article_title == "Second" and claim.seq == 0


async def test_search_covers_context_source_antecedent_and_notes(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "j", "n", *"ask the desk", "enter", "k")
        # "Washington" is in claim 2's text, and in claim 1's paragraph.
        await pilot.press("slash", *"washington", "enter")
        assert [app.session.store.review_claim(k).seq for k in app.session.view] == [0, 1]
        # Claim 2's source is "He"; its antecedent is the minister's name.
        await pilot.press("slash", *"cavusoglu", "enter")
        assert [app.session.store.review_claim(k).seq for k in app.session.view] == [0, 1]
        await pilot.press("slash", *"desk", "enter")  # the note
        assert [app.session.store.review_claim(k).seq for k in app.session.view] == [3]


async def test_anonymous_filter_includes_claims_a_reviewer_flagged(db_path: Path) -> None:
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "3")  # the first claim: named by the machine, anonymous to me
        await pilot.press("f", "down", "down", "enter")
        assert app.session.view_name == "anonymous"
        assert [app.session.store.review_claim(k).seq for k in app.session.view] == [0, 2]


def furniture_database(tmp_path: Path) -> Path:
    """The seed article with a photo credit and a share line after it, stored as furniture."""
    text = "\n\n".join(PARAGRAPHS) + "\n\nLena Ortiz/Getty Images\n\nShare on Facebook | Email"
    article, claims = seed_article(text)
    for seq, line in enumerate(("Lena Ortiz/Getty Images", "Share on Facebook | Email"), 4):
        start = text.index(line)
        end = start + len(line)
        claims.append(ExtractedClaim(seq, "boilerplate", start, end, line, start, end))
    return database(tmp_path / "furniture.db", (article, claims))


async def test_page_furniture_is_not_queued_and_has_a_filter_of_its_own(tmp_path: Path) -> None:
    app = make_app(furniture_database(tmp_path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        assert session.total == 4  # the four news claims; the two furniture lines wait aside
        assert [session.store.review_claim(k).kind for k in session.view] == ["statement"] * 4
        await pilot.press("f", "end", "enter")
        assert session.view_name == "furniture"
        assert [session.store.review_claim(k).kind for k in session.view] == ["boilerplate"] * 2
        assert session.claim is not None and session.claim.text == "Lena Ortiz/Getty Images"
        assert session.article_position() == ((5, 6), (1, 1))


async def test_rating_every_queued_claim_finishes_the_review(tmp_path: Path) -> None:
    app = make_app(furniture_database(tmp_path), REVIEWER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "3", "3", "3")
        assert app.session.all_rated
        assert app.session.rated_in_queue == app.session.total == 4
