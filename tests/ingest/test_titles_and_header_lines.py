"""Titles and header lines of .txt and .md articles: the title a reader would give, the
fields the header lines state, and the text itself never changed (offsets index it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.ingest import read_paths
from annotator.records import Article

BODY = "The council voted on Tuesday to close the road, the mayor said.\n"


def read(tmp_path: Path, text: str, name: str = "article.txt") -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    [article] = list(read_paths([path]))
    assert isinstance(article, Article), article
    assert article.text == text  # title and header lines stay in the text
    return article


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Council Closes Road\n===================\n\n" + BODY, "Council Closes Road"),
        ("Council Closes Road\n-------------------\n\n" + BODY, "Council Closes Road"),
        (
            "===================\nCouncil Closes Road\n===================\n\n" + BODY,
            "Council Closes Road",
        ),
        ("Headline: Council closes road\n\n" + BODY, "Council closes road"),
        ("TITLE:  Council closes road\n\n" + BODY, "Council closes road"),
        ("Poll: Voters back the road closure\n\n" + BODY, "Poll: Voters back the road closure"),
        (
            "Advertisement\n\nBy Maria Lopez\n\nCouncil closes road\n\n" + BODY,
            "Council closes road",
        ),
        (
            "Jobs report gives Democrats a lift;\nSolid upturn could blunt attacks\n\n" + BODY,
            "Jobs report gives Democrats a lift; Solid upturn could blunt attacks",
        ),
        (
            "Source: Clinton Aide Will Testify\n\n" + BODY,  # a headline, not an outlet line
            "Source: Clinton Aide Will Testify",
        ),
    ],
)
def test_the_title_is_the_line_a_reader_would_call_the_title(
    tmp_path: Path, text: str, title: str
) -> None:
    assert read(tmp_path, text).title == title


def test_markdown_headings_lose_their_marks_in_the_title_only(tmp_path: Path) -> None:
    text = "# Council closes road #\n\n" + BODY
    assert read(tmp_path, text, "a.md").title == "Council closes road"
    front = "---\ntitle: Council closes road\ndate: 2024-03-04\n---\n\n" + BODY
    article = read(tmp_path, front, "b.md")
    assert (article.title, article.published) == ("Council closes road", "2024-03-04")


def test_a_first_line_that_is_a_long_paragraph_gives_its_first_sentence(
    tmp_path: Path,
) -> None:
    first = (
        "Mr. Haddox, a civil engineer who visited the site on Feb. 23, said the hole was "
        "smaller than the 330 feet first reported by the U.S. press and by local officials."
    )
    text = first + " He said erosion had been going on for years, long before the rains.\n"
    assert len(text) > 200
    assert read(tmp_path, text).title == first


def test_a_long_first_sentence_is_cut_on_a_word_boundary(tmp_path: Path) -> None:
    text = "On Tuesday " + "the tribunal in The Hague dismissed the claims, " * 8 + "it said.\n"
    title = read(tmp_path, text).title
    assert title is not None and title.endswith("…") and len(title) <= 201
    assert text.startswith(title[:-1]) and text[len(title) - 1] == " "


def test_header_lines_fill_the_fields_of_the_article(tmp_path: Path) -> None:
    text = (
        "Council Closes Road\n===================\n\n"
        "Date: March 4, 2024\nURL: https://example.org/road\nOutlet: Port Alden Gazette\n"
        "Byline: Maria Lopez\nUpdated: March 5, 2024\n\n" + BODY
    )
    article = read(tmp_path, text)
    assert article.title == "Council Closes Road"
    assert (article.published, article.url, article.outlet) == (
        "March 4, 2024",
        "https://example.org/road",
        "Port Alden Gazette",
    )
    assert article.metadata["author"] == "Maria Lopez"
    assert article.metadata["updated"] == "March 5, 2024"


def test_header_lines_may_come_before_the_title_and_without_a_colon(tmp_path: Path) -> None:
    text = (
        "Source: Port Alden Gazette\nBy Maria Lopez | Staff\n\nCouncil closes road\n"
        "Published March 4, 2024\n\n" + BODY
    )
    article = read(tmp_path, text)
    assert article.title == "Council closes road"
    assert (article.outlet, article.published) == ("Port Alden Gazette", "March 4, 2024")
    assert article.metadata["author"] == "Maria Lopez"


@pytest.mark.parametrize(
    "line",
    [
        "Source: officials said the road would close",  # a sentence, not an outlet
        "Date: to be confirmed",  # no date in it
        "URL: see the council's website",  # not an address
        "By: the end of the week, the road will close",  # not a name
    ],
)
def test_a_line_that_only_looks_like_a_header_line_fills_no_field(
    tmp_path: Path, line: str
) -> None:
    article = read(tmp_path, "Council closes road\n\n" + line + "\n\n" + BODY)
    assert (article.published, article.url, article.outlet) == (None, None, None)
    assert "author" not in article.metadata


def test_header_lines_in_the_body_are_not_header_lines(tmp_path: Path) -> None:
    text = "Council closes road\n\n" + BODY + "\nIt will reopen in May.\n\nDate: March 9, 2024\n"
    assert read(tmp_path, text).published is None
