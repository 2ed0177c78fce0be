"""Files saved in legacy encodings read back as the text that was written, and say how.

Real-style articles (English with accented names, typographic quotes and the euro sign,
French, Spanish) are re-encoded to Latin-1, Windows-1252, UTF-16 and UTF-8 with a BOM;
ingest must give the original text back exactly and record the encoding it used.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT

from annotator.cli import main
from annotator.ingest import read_paths
from annotator.nlp.pipeline import Extractor
from annotator.records import Article

ARTICLES = ROOT / "tests" / "ingest" / "data" / "encodings"
# What each encoding is read as: Latin-1 files are read as cp1252, which prints the
# same letters (their only difference, 0x80-0x9F, is control codes in Latin-1).
READ_AS = {"latin-1": "cp1252", "cp1252": "cp1252", "utf-16": "utf-16", "utf-8-sig": "utf-8-sig"}


def _cases() -> list[tuple[str, str]]:
    cases = []
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for encoding in READ_AS:
            try:
                text.encode(encoding)
            except UnicodeEncodeError:
                continue  # typographic quotes and "œ" are not in Latin-1
            cases.append((path.name, encoding))
    return cases


def _read(path: Path) -> Article:
    [article] = list(read_paths([path]))
    assert isinstance(article, Article), article
    return article


def test_every_article_is_tried_in_at_least_one_single_byte_encoding() -> None:
    tried = {(name, encoding) for name, encoding in _cases()}
    for path in ARTICLES.glob("*.txt"):
        assert {(path.name, "cp1252"), (path.name, "utf-16")} <= tried
    assert sum(encoding == "latin-1" for _, encoding in tried) >= 2


@pytest.mark.parametrize(("name", "encoding"), _cases())
def test_re_encoded_article_reads_back_exactly(name: str, encoding: str, tmp_path: Path) -> None:
    original = (ARTICLES / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(original.encode(encoding))
    article = _read(path)
    assert article.text == original
    assert article.title == original.splitlines()[0]
    assert article.metadata["encoding"] == READ_AS[encoding]
    assert article.warnings == []


def test_accented_names_in_a_short_cp1252_file_are_not_read_as_central_european(
    tmp_path: Path,
) -> None:
    """charset-normalizer alone reads this as cp1250: "José Núńez"."""
    path = tmp_path / "short.txt"
    path.write_bytes("José Núñez said the market would open on Monday.\n".encode("cp1252"))
    article = _read(path)
    assert "José Núñez" in article.text
    assert article.metadata["encoding"] == "cp1252"


def test_text_in_another_code_page_is_read_in_it_when_that_is_clearly_more_plausible(
    tmp_path: Path,
) -> None:
    polish = "Minister powiedział, że rząd nie będzie czekał na decyzję. Zażółć gęślą jaźń.\n"
    russian = "Министр заявил в среду, что решение окончательное. Переговоры продолжатся.\n"
    (tmp_path / "pl.txt").write_bytes(polish.encode("cp1250"))
    (tmp_path / "ru.txt").write_bytes(russian.encode("cp1251"))
    pl, ru = _read(tmp_path / "pl.txt"), _read(tmp_path / "ru.txt")
    assert (pl.text, pl.metadata["encoding"]) == (polish, "cp1250")
    assert (ru.text, ru.metadata["encoding"]) == (russian, "cp1251")


def test_a_doubtful_guess_is_a_warning_naming_the_file_and_ingest_goes_on(
    tmp_path: Path, model: Extractor
) -> None:
    # One Polish name in English text: too little for any detector to be sure.
    doubtful = tmp_path / "doubtful.txt"
    text = "Wałęsa visits the shipyard\n\nWałęsa said it would close.\n"
    doubtful.write_bytes(text.encode("cp1250"))
    (tmp_path / "fine.txt").write_text("Talks resume\n\nThe minister said talks would resume.\n")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    [warning] = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warning.startswith(f"annotator: warning: {doubtful}: not UTF-8; read as cp1252")
    assert "re-save the file as UTF-8" in warning
    assert "added 2," in result.stdout and "1 warning" in result.stdout


def test_a_file_no_encoding_reads_is_still_refused() -> None:
    items = list(read_paths([DATA / "undecodable.txt"]))
    assert [str(item) for item in items] == [
        f"{DATA / 'undecodable.txt'}: is not UTF-8 and its encoding cannot be detected; "
        "re-save it as UTF-8"
    ]


def test_stats_lists_each_article_with_the_encoding_it_was_read_as(
    tmp_path: Path, model: Extractor
) -> None:
    spanish = (ARTICLES / "spanish.txt").read_text(encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes(spanish.encode("latin-1"))
    (tmp_path / "utf8.txt").write_bytes((ARTICLES / "french.txt").read_bytes())
    db = str(tmp_path / "x.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(tmp_path), "--db", db]).exit_code == 0
    result = runner.invoke(main, ["stats", "--db", db, "--articles"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    [latin] = [line for line in result.output.splitlines() if "latin.txt" in line]
    [utf8] = [line for line in result.output.splitlines() if "utf8.txt" in line]
    assert "│ cp1252 " in latin and "El alcalde de Cádiz" in latin
    assert "│ utf-8 " in utf8
