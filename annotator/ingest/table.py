"""`.csv` files: a header row naming the fields, then one article per row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.ingest.decode import Decoded, read_text
from annotator.ingest.fields import ARTICLE_FIELDS, record_to_article
from annotator.records import Article


def read_csv(path: Path, max_bytes: int) -> Iterator[Article | InputError]:
    """Each row as an article (origin `path:line` of the row's first line)."""
    decoded = read_text(path, max_bytes)
    text = decoded.text
    name = str(path)
    if not text.strip():
        yield InputError(name, "file is empty; add a header row and one row per article")
        return
    # A whole article is one field; the default limit (128 kB) is too small for long ones.
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    first_line = 1
    rows = 0  # rows after the header that were not blank
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if header is not None and not rows:
                yield InputError(name, "no rows after the header; add one row per article")
            return
        except csv.Error as error:
            yield InputError(name, f"unreadable row ({error}); fix the CSV quoting", first_line)
            if header is None:
                return
            rows += 1
            first_line = reader.line_num + 1
            continue
        if header is None:
            header = [_column_name(cell) for cell in row]
            repeated = sorted({column for column in header if header.count(column) > 1})
            if repeated:
                yield InputError(
                    name,
                    f"the header names {', '.join(map(repr, repeated))} more than once, so which "
                    "column is meant is unclear; rename or remove the repeated columns",
                    1,
                )
                return
            if "text" not in header:
                yield InputError(
                    name,
                    f'no "text" column (columns: {", ".join(header) or "none"}); '
                    'name the column holding the article text "text"',
                    1,
                )
                return
        elif any(cell.strip() for cell in row):
            rows += 1
            yield _row_to_article(row, header, name, first_line, decoded)
        first_line = reader.line_num + 1


def _row_to_article(
    row: list[str], header: list[str], name: str, line: int, decoded: Decoded
) -> Article | InputError:
    if len(row) > len(header):
        return InputError(
            name,
            f"row has {len(row)} fields but the header has {len(header)}; "
            "quote fields that contain commas",
            line,
        )
    return record_to_article(dict(zip(header, row, strict=False)), name, line, decoded)


def _column_name(cell: str) -> str:
    """Header cells are matched to the known fields without regard to case or spaces."""
    name = cell.strip()
    return name.lower() if name.lower() in {"text", "id", *ARTICLE_FIELDS} else name
