"""Article text is data: markup shows literally, ANSI escapes and control characters not at all."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import INFO, REVIEWER

from annotator.labels import load_schema
from annotator.records import Article, ExtractedClaim, Span
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.screens.help import HelpScreen

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


ESCAPES = "\x1b]0;PWNED\x07\x1b[2J\x9b31m"


async def test_reviewer_name_and_schema_text_render_as_plain_text(
    db_path: Path, tmp_path: Path
) -> None:
    """A reviewer name, or a label schema shared by someone else, is data too."""
    default = load_schema()
    schema_file = tmp_path / "schema.toml"
    schema_file.write_text(
        default.content.replace(
            'description = "Who the claim rests on, as the article presents it."',
            f"description = {json.dumps('Who the claim rests on' + ESCAPES)}",
        ).replace('name = "default"', 'name = "team\\u001b[2J"', 1),
        encoding="utf-8",
    )
    schema = load_schema(schema_file)
    assert "\x1b" in schema.questions[0].description  # the hostile text really is in it
    app = make_app(db_path, f"eve{ESCAPES}", schema)
    # Tall enough for the help screen to show the questions below every key.
    async with app.run_test(size=(120, 100)) as pilot:
        claim_screen = app.export_screenshot()
        await pilot.press("p")  # the source type's description becomes the guideline
        await pilot.pause()
        guideline = app.export_screenshot()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)  # where every question's text is shown
        help_screen = app.export_screenshot()
    shown = re.sub(r"<[^>]+>", "", claim_screen).replace("&#160;", " ")
    assert "reviewer: eve" in shown
    for screen in (guideline, help_screen):  # the hostile text was really on screen
        assert "Who the claim rests on" in screen.replace("&#160;", " ")
    for screen in (claim_screen, guideline, help_screen):
        assert "\x1b" not in screen and "\x07" not in screen and "\x9b" not in screen
        assert "[2J" not in screen and "PWNED" not in screen
