"""Bytes of an input file to text, or an InputError saying why not.

UTF-8 first (with or without BOM), then charset-normalizer's guess, so files saved
as cp1252 or Latin-1 by older tools still read correctly. Text is returned exactly as
decoded: claim offsets index it, and the review UI escapes control characters.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from annotator.errors import InputError
from annotator.ingest.size import format_size

# Above this share of control characters a "text" is really binary data that some
# legacy code page happened to decode.
MAX_CONTROL_SHARE = 0.3
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing missing, unreadable and oversized files."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                str(path),
                f"file is {format_size(size)}, over the {format_size(max_bytes)} limit; "
                "split it or raise --max-size",
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file or folder; check the path") from None
    except OSError as error:
        raise InputError(
            str(path), f"cannot read ({error.strerror}); check its permissions"
        ) from None


def control_share(text: str) -> float:
    """Share of characters that are control characters other than whitespace."""
    if not text:
        return 0.0
    controls = sum(1 for c in text if c not in _ALLOWED_CONTROLS and (c < " " or c == "\x7f"))
    return controls / len(text)


def decode(path: Path, data: bytes) -> str:
    """Decode an input file's bytes; raises InputError for binary or undecodable data."""
    if data.startswith(_UTF16_BOMS):
        text = data.decode("utf-16")
    elif b"\x00" in data:
        raise _binary(path, "it contains NUL bytes")
    else:
        text = _decode_8bit(path, data)
    if control_share(text) > MAX_CONTROL_SHARE:
        raise _binary(path, "most of it is control characters")
    return text


def _decode_8bit(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only paid for by non-UTF-8 files

    best = from_bytes(data).best()
    if best is None:
        raise InputError(
            str(path),
            "is not UTF-8 and its encoding cannot be detected; re-save it as UTF-8",
        )
    return str(best)


def _binary(path: Path, why: str) -> InputError:
    return InputError(
        str(path),
        f"looks like a binary file, not text ({why}); "
        "ingest .txt, .md, .html, .jsonl or .csv files",
    )
