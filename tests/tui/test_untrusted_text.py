"""Article text is data: markup shows literally, ANSI escapes and control characters not at all."""

from __future__ import annotations

from pathlib import Path

from conftest import INFO, REVIEWER

from annotator.records import Article, ExtractedClaim, Span
from annotator.store import Store
from annotator.tui.app import make_app

HOSTILE = "Officials said [bold]x[/bold] was \x1b[31mred\x1b[0m and rang\x07 the [link=http://x]bell[/link]."


async def test_markup_escapes_and_controls_render_as_plain_text(tmp_path: Path) -> None:
    db_path = tmp_path / "hostile.db"
    article = Article(text=HOSTILE, title="[red]Title[/red]\x1b[2J")
    source = Span("Officials", 0, 9)
    claim = ExtractedClaim(
        seq=0,
        kind="statement",
        start=0,
        end=len(HOSTILE),
        text=HOSTILE,
        sentence_start=0,
        sentence_end=len(HOSTILE),
        source_type="unnamed_group",
        source=source,
        cue=Span("said", 10, 14),
    )
    with Store(db_path) as store:
        store.add_article(article, [claim], INFO)
    app = make_app(db_path, REVIEWER)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("n", *"[bold]note[/bold]", "enter")
        await pilot.pause()
        screen = app.export_screenshot()
    assert "[bold]x[/bold]" in screen
    assert "[link=http://x]bell[/link]" in screen
    assert "[red]Title[/red]" in screen
    assert "[bold]note[/bold]" in screen
    assert "\x1b" not in screen and "\x07" not in screen
    assert "[31m" not in screen and "[2J" not in screen
