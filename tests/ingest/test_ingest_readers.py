"""Each reader turns its format into the articles a user expects; bad input into one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DATA, SEEDS

from annotator.errors import InputError
from annotator.ingest import count_inputs, parse_size, read_paths
from annotator.records import Article


def read(*paths: str | Path, max_bytes: int = 20_000_000) -> list[Article | InputError]:
    return list(read_paths(paths, max_bytes=max_bytes))


def articles(*paths: str | Path) -> list[Article]:
    items = read(*paths)
    assert all(isinstance(item, Article) for item in items), items
    return [item for item in items if isinstance(item, Article)]


def errors(*paths: str | Path, max_bytes: int = 20_000_000) -> list[str]:
    return [str(item) for item in read(*paths, max_bytes=max_bytes) if isinstance(item, InputError)]


def test_txt_text_is_the_file_unchanged_and_title_its_first_line() -> None:
    path = SEEDS / "turkey-s400-postponing-not-on-agenda.txt"
    [article] = articles(path)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.title == "Turkey Says Postponing Russian Missile Defense Systems Not On Agenda"
    assert article.origin == str(path)


def test_md_title_loses_heading_marks_but_text_keeps_them() -> None:
    [article] = articles(DATA / "good.md")
    assert article.title == "Port strike talks stall as union rejects offer"
    assert article.text == (DATA / "good.md").read_text(encoding="utf-8")
    assert article.text.startswith("# Port strike")


def test_html_gives_main_text_in_paragraphs_and_page_metadata() -> None:
    [article] = articles(DATA / "good.html")
    assert article.title == "Central bank holds rates, signals cuts later this year"
    assert article.outlet == "The Harbour Gazette"
    assert article.url == "https://harbourgazette.example/economy/central-bank-holds-rates"
    assert article.published == "2024-03-14"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == article.title
    assert paragraphs[1].startswith("The central bank left its benchmark interest rate")
    assert len(paragraphs) == 6
    for chrome in ("Subscribe", "Related stories", "All rights reserved", "window.analytics"):
        assert chrome not in article.text


def test_jsonl_reads_one_article_per_line_with_its_fields() -> None:
    first, second = articles(DATA / "good.jsonl")
    assert first.origin == f"{DATA / 'good.jsonl'}:1"
    assert first.title == "Flood defences to be reviewed after record rainfall"
    assert first.outlet == "Example Wire"
    assert first.url == "https://example.org/news/flood-review"
    assert first.published == "2024-02-02"
    assert first.metadata == {
        "section": "environment",
        "source_id": "wire-0001",
        "encoding": "utf-8",
        "control_characters_removed": 0,
    }
    assert first.id != "wire-0001"  # our id is always the hash of the text
    assert first.text.startswith("Flood defences to be reviewed")
    assert second.origin == f"{DATA / 'good.jsonl'}:2"
    assert second.published == "2024"  # a number becomes text
    assert second.title is None


def test_csv_reads_rows_with_bom_multiline_fields_and_start_lines() -> None:
    path = DATA / "good.csv"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    first, second = articles(path)
    assert first.title == "Council approves new cycle lanes"
    assert first.metadata == {
        "topic": "transport",
        "source_id": "c1",
        "encoding": "utf-8-sig",
        "control_characters_removed": 0,
    }
    assert "\n\n" in first.text
    assert first.origin == f"{path}:2"
    # The first row's text spans 5 lines, so the second row starts on line 7.
    assert second.origin == f"{path}:7"
    assert second.url is None  # an empty cell is no value


def test_csv_field_larger_than_the_csv_module_default_reads(tmp_path: Path) -> None:
    text = "Officials said the plan would go ahead. " * 5_000  # 200 kB, over csv's 128 kB
    path = tmp_path / "long.csv"
    path.write_text(f'text\n"{text}"\n', encoding="utf-8")
    [article] = articles(path)
    assert article.text == text


def test_cp1252_file_decodes_correctly() -> None:
    [article] = articles(DATA / "latin1.txt")
    assert article.title == "Réunion à Genève : la Turquie maintient sa décision"
    assert "« Nous ne reculerons pas. »" in article.text


def test_utf16_file_with_bom_decodes(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Minister says talks will resume\n\nThey will, she said.".encode("utf-16"))
    [article] = articles(path)
    assert article.title == "Minister says talks will resume"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.txt", "empty.txt: file is empty; add the article text or remove the file"),
        ("blank.md", "blank.md: file is empty; add the article text or remove the file"),
        ("binary.txt", "binary.txt: looks like a binary file, not text (it contains NUL bytes)"),
        ("control.txt", "control.txt: looks like a binary file, not text (most of it is control"),
        ("undecodable.txt", "undecodable.txt: is not UTF-8 and its encoding cannot be detected"),
        ("no_article.html", "no_article.html: no article text found in this HTML page"),
        ("malformed.jsonl", "malformed.jsonl:2: invalid JSON (Expecting ',' delimiter at column"),
        ("not_object.jsonl", 'not_object.jsonl:1: expected a JSON object with a "text" field, got'),
        ("no_text_field.jsonl", 'no_text_field.jsonl:1: no "text" field; put the article text'),
        ("empty_text.jsonl", 'empty_text.jsonl:1: "text" is empty; add the article text or drop'),
        ("no_text_column.csv", 'no_text_column.csv:1: no "text" column (columns: title, body)'),
        ("empty_text.csv", 'empty_text.csv:2: "text" is empty; add the article text or drop'),
        ("unsupported.pdf", "unsupported.pdf: unsupported file type '.pdf'; ingest .txt, .md"),
    ],
)
def test_each_bad_file_is_one_error_naming_file_line_and_fix(name: str, message: str) -> None:
    [error] = errors(DATA / name)
    assert error.startswith(str(DATA / message))
    assert "\n" not in error
    assert "; " in error  # what is wrong; what to do


def test_malformed_jsonl_line_does_not_stop_the_other_lines() -> None:
    items = read(DATA / "malformed.jsonl")
    assert [type(item).__name__ for item in items] == ["Article", "InputError", "Article"]


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Officials said so. " * 100, encoding="utf-8")
    [error] = errors(path, max_bytes=1_000)
    assert error == f"{path}: file is 1.9 kB, over the 1 kB limit; split it or raise --max-size"


def test_missing_path_is_an_error_and_reading_goes_on() -> None:
    items = read("no/such/file.txt", DATA / "good.md")
    assert str(items[0]) == "no/such/file.txt: no such file or folder; check the path"
    assert isinstance(items[1], Article)


def test_folder_walk_is_sorted_recursive_and_skips_hidden_and_unknown_files(
    tmp_path: Path,
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/two.txt", "a.md", ".hidden/secret.txt", ".dotfile.txt", "notes.pdf", "c.TXT"):
        (tmp_path / name).write_text(f"{name} says the talks failed", encoding="utf-8")
    origins = [a.origin for a in articles(tmp_path)]
    assert origins == [str(tmp_path / n) for n in ("a.md", "b/two.txt", "c.TXT")]


def test_jsonl_keeps_unknown_fields_and_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    record = {"text": "He said it.", "id": 7, "tags": ["a"], "lang": "en"}
    path.write_text("\n" + json.dumps(record) + "\n\n", encoding="utf-8")
    [article] = articles(path)
    assert article.metadata == {
        "tags": ["a"],
        "lang": "en",
        "source_id": 7,
        "encoding": "utf-8",
        "control_characters_removed": 0,
    }
    assert article.origin == f"{path}:2"


@pytest.mark.parametrize(
    ("text", "size"),
    [("20MB", 20_000_000), ("500 kb", 500_000), ("1.5GB", 1_500_000_000), ("123", 123)],
)
def test_sizes_read_as_people_write_them(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_a_size_that_is_not_one_says_how_to_write_it() -> None:
    with pytest.raises(ValueError, match="write it like 20MB"):
        parse_size("twenty")


def test_the_progress_total_counts_every_article_and_error_ahead(tmp_path: Path) -> None:
    paths = [DATA, SEEDS, tmp_path / "missing.txt", DATA / "unsupported.pdf"]
    assert count_inputs(paths) == len(read(*paths)) == 25


def test_jsonl_text_may_hold_line_separators_that_are_not_newlines(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    records = [{"text": "One\u2028two\u2029three said."}, {"text": "Second."}]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\r\n".join(lines), encoding="utf-8", newline="")
    first, second = articles(path)
    assert first.text == records[0]["text"]
    assert second.origin == f"{path}:2"


def test_a_symlink_loop_in_a_folder_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The minister said so.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert [a.origin for a in articles(tmp_path)] == [str(tmp_path / "a.txt")]
