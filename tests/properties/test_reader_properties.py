"""Every reader over hostile input: no crash, an end in bounded time, a one-line refusal
naming the file where the input is refused, and otherwise articles with text.

The deadline is per example (Hypothesis fails an example that runs longer); it is a
bound that catches a hang, not a speed goal (see benchmarks/ingest_speed.py for those).
"""

from __future__ import annotations

import json
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import CSV, DEEP_HTML, FIVE_MB_LINE, HTML, JSONL, TEXT, UNCLOSED_HTML

from annotator.errors import InputError
from annotator.ingest import read_paths
from annotator.records import MAX_ARTICLE_CHARS, Article

READER_SETTINGS = settings(
    deadline=timedelta(seconds=30),  # the 5 MB examples included
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def read(data: bytes, suffix: str) -> tuple[Path, list[Article | InputError]]:
    folder = Path(tempfile.mkdtemp(prefix="annotator-prop-"))
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    return path, list(read_paths([path]))


def assert_sound(path: Path, items: list[Article | InputError]) -> None:
    assert items, "a file gives at least one article or one error"
    for item in items:
        if isinstance(item, InputError):
            message = str(item)
            assert item.path == str(path)  # named
            assert message.startswith(f"{path}")
            assert "\n" not in message and "\r" not in message  # one line
            assert item.problem.strip()
        else:
            assert isinstance(item, Article)
            assert item.text.strip()
            assert len(item.text) <= MAX_ARTICLE_CHARS
            assert item.origin is not None and item.origin.startswith(str(path))
    path.unlink()
    path.parent.rmdir()


def utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@READER_SETTINGS
@given(st.one_of(TEXT.map(utf8), st.binary(max_size=3000)), st.sampled_from([".txt", ".md"]))
@example(FIVE_MB_LINE.encode(), ".txt")
@example(FIVE_MB_LINE.encode(), ".md")
@example(b"The minister said so.\x00", ".txt")
@example(b"\xef\xbb\xbf\xe2\x80\xae\xe2\x80\x8b\n\nsaid", ".md")
def test_plain_text(data: bytes, suffix: str) -> None:
    assert_sound(*read(data, suffix))


@READER_SETTINGS
@given(HTML)
@example(DEEP_HTML)
@example(UNCLOSED_HTML)
@example(f"<html><body><p>{FIVE_MB_LINE}</p></body></html>")
@example("<html><body><p>a\x00b said the minister, who asked not to be named.</p>")
def test_html(page: str) -> None:
    assert_sound(*read(utf8(page), ".html"))


@READER_SETTINGS
@given(JSONL)
@example(json.dumps({"text": FIVE_MB_LINE}))
@example('[1, 2]\n3\n"text"\nnull\n{"text": ["a"]}\n{"text": "\\u0000 said"}\n')
def test_jsonl(content: str) -> None:
    path, items = read(utf8(content), ".jsonl")
    lines = [line for line in content.removeprefix("\ufeff").split("\n") if line.strip()]
    refused_whole = len(items) == 1 and isinstance(items[0], InputError) and not items[0].line
    assert refused_whole or len(items) == len(lines)  # else each line: an article or an error
    assert_sound(path, items)


@READER_SETTINGS
@given(CSV)
@example(f"text\n{FIVE_MB_LINE}\n")
@example('\ufefftext,title\n"line one\nline two",t\n')
@example("text,Text,title\na,b,c\n")
def test_csv(content: str) -> None:
    assert_sound(*read(utf8(content), ".csv"))


def test_a_repeated_csv_header_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("text,title, Text\nfirst,t,second\n", encoding="utf-8")
    [error] = read_paths([path])
    assert str(error) == (
        f"{path}:1: the header names 'text' more than once, so which column is meant is "
        "unclear; rename or remove the repeated columns"
    )
