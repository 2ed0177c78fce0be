"""Writing an export: CSV formula neutralisation and BOM, stdout, failures."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from annotator.errors import ExportError
from annotator.export import export_corpus
from annotator.export.csvfile import neutralise
from annotator.store import Store


@pytest.mark.parametrize("danger", ["=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)", "\tx"])
def test_formula_like_cells_get_a_quote(danger: str) -> None:
    assert neutralise(danger) == "'" + danger


@pytest.mark.parametrize(
    ("raw", "cell"),
    [("\rx", "x"), ("=\x1b[2Jx", "'=x"), ("note\x1b]0;pwned\x07 here", "note here")],
)
def test_terminal_controls_leave_csv_cells(raw: str, cell: str) -> None:
    assert neutralise(raw) == cell


@pytest.mark.parametrize("safe", ["Ankara", "", "'quoted", "3% rise", " =late"])
def test_ordinary_text_is_kept(safe: str) -> None:
    assert neutralise(safe) == safe


def test_no_cell_of_the_export_starts_a_formula(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "corpus.csv"
    export_corpus(store, "csv", out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=cmd|' /C calc'!A0 was found in a leaked spreadsheet." in cells
    assert "'=HYPERLINK(x)" in cells  # a reviewer's note, too


def test_bom_only_when_asked(store: Store, tmp_path: Path) -> None:
    export_corpus(store, "csv", tmp_path / "plain.csv")
    export_corpus(store, "csv", tmp_path / "excel.csv", bom=True)
    plain, excel = (tmp_path / "plain.csv").read_bytes(), (tmp_path / "excel.csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert excel == b"\xef\xbb\xbf" + plain


def test_stdout_takes_jsonl_and_csv_only(
    store: Store, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    result = export_corpus(store, "csv", "-")
    assert result.path is None and result.sidecar is None
    assert capsysbinary.readouterr().out.startswith(b"format,claim_id,")
    with pytest.raises(ExportError, match="parquet cannot be written to stdout"):
        export_corpus(store, "parquet", "-")


def test_a_failed_export_is_one_error_and_leaves_no_partial_file(
    store: Store, tmp_path: Path
) -> None:
    taken = tmp_path / "taken.jsonl"
    taken.mkdir()  # a directory where the file should go
    with pytest.raises(ExportError, match="cannot write the export"):
        export_corpus(store, "jsonl", taken)
    assert not (tmp_path / "taken.jsonl.partial").exists()
