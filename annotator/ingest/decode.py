"""Bytes of an input file to text, or an InputError saying why not.

UTF-8 (with or without BOM) first, then UTF-32 or UTF-16 when their BOM is there. Any
other 8-bit text is read as Windows-1252 (a superset of Latin-1 for printable text),
unless charset-normalizer is confident of another charset whose text is more plausible:
letters inside words rather than symbols, box drawing or a second alphabet. A guess that
leaves characters out of place comes back with a warning naming the file.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import InputError
from annotator.ingest.size import format_size
from annotator.records import Article

# Above this share of control characters a "text" is really binary data that some
# legacy code page happened to decode.
MAX_CONTROL_SHARE = 0.3
# charset-normalizer's "chaos" (share of odd characters in its decoding) up to which its
# choice counts as confident; its own cut-off for any candidate is 0.2.
CONFIDENT_CHAOS = 0.1
WINDOWS_1252 = "cp1252"
# Charsets that read printable text like cp1252 does: no reason to leave it for them.
_CP1252_ALIKE = frozenset({"cp1252", "latin-1", "iso8859-1", "iso8859-15", "ascii"})
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = (
    ((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-32"),
    ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16"),
)
# Marks that belong inside words: apostrophes, hyphens, a soft hyphen, a middle dot (l·l).
_IN_WORD_MARKS = frozenset("’‘ʼ‐‑–\u00ad·")
_NON_ASCII_WORD = re.compile(r"\S*[^\x00-\x7f]\S*")


@dataclass(frozen=True)
class Decoded:
    """A file's text, the encoding it was read with, and a warning when that was a guess."""

    text: str
    encoding: str  # a Python codec name: utf-8, utf-8-sig, utf-16, cp1252, cp1250, ...
    warning: str | None = None

    def stamp(self, article: Article) -> Article:
        """``article`` (read from this text) with the encoding in its metadata and the
        warning, if any, among its warnings."""
        article.metadata["encoding"] = self.encoding
        if self.warning is not None:
            article.warnings.append(self.warning)
        return article


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


def read_text(path: Path, max_bytes: int) -> Decoded:
    """The decoded text of the file at ``path`` (see `decode`)."""
    return decode(path, read_bytes(path, max_bytes))


def control_share(text: str) -> float:
    """Share of characters that are control characters other than whitespace."""
    if not text:
        return 0.0
    controls = sum(1 for c in text if c not in _ALLOWED_CONTROLS and (c < " " or c == "\x7f"))
    return controls / len(text)


def decode(path: Path, data: bytes) -> Decoded:
    """Decode an input file's bytes; raises InputError for binary or undecodable data."""
    decoded = _decode_unicode(data)
    if decoded is None:
        if b"\x00" in data:
            raise _binary(path, "it contains NUL bytes")
        decoded = _decode_8bit(path, data)
    if control_share(decoded.text) > MAX_CONTROL_SHARE:
        raise _binary(path, "most of it is control characters")
    return decoded


def _decode_unicode(data: bytes) -> Decoded | None:
    """UTF-8 (a BOM is dropped), or UTF-32/UTF-16 announced by their BOM; else None."""
    for boms, encoding in _BOMS:
        if data.startswith(boms):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                return None
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None


def _decode_8bit(path: Path, data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # only paid for by files that are not UTF-8

    try:
        windows: str | None = data.decode(WINDOWS_1252)
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8D, ...)
        windows = None
    best = from_bytes(data).best()
    other = None if best is None else codecs.lookup(best.encoding).name
    if other in _CP1252_ALIKE:
        other = None
    if windows is None and (best is None or other is None):
        raise InputError(
            str(path), "is not UTF-8 and its encoding cannot be detected; re-save it as UTF-8"
        )
    odd_windows = None if windows is None else out_of_place(windows)
    if best is not None and other is not None:
        text = str(best)
        odd = out_of_place(text)
        confident = best.chaos <= CONFIDENT_CHAOS
        if windows is None or odd_windows is None or (confident and len(odd) < len(odd_windows)):
            return Decoded(text, other, None if confident and not odd else _guess(path, other, odd))
    assert windows is not None and odd_windows is not None
    warning = _guess(path, WINDOWS_1252, odd_windows) if odd_windows else None
    return Decoded(windows, WINDOWS_1252, warning)


def out_of_place(text: str) -> list[str]:
    """Characters that look like a wrong decoding rather than text.

    Inside a word: a symbol between letters ("Za¿ó³æ"; "3½" and "10°C" are fine), or a
    letter of another alphabet than the word's other letters ("JosΘ"). A Latin word of
    four or more letters, none of them plain a-z ("Ìèíèñòð": Cyrillic read as cp1252).
    Anywhere: box drawing and control characters.
    """
    odd: list[str] = []
    for match in _NON_ASCII_WORD.finditer(text):
        word = match.group()
        odd.extend(c for c in word if _never_text(c))
        core = _trim(word)  # what lies between the word's first and last letter or digit
        letters = [c for c in core if c.isalpha()]
        odd.extend(
            c
            for before, c, after in zip(core, core[1:], core[2:], strict=False)
            if not c.isascii()
            and before.isalpha()
            and after.isalpha()
            and unicodedata.category(c)[0] not in "LM"  # "³" counts as a digit
            and c not in _IN_WORD_MARKS
            and not _never_text(c)
        )
        scripts = [_script(c) for c in letters]
        if scripts:
            main = max(set(scripts), key=scripts.count)
            odd.extend(c for c, s in zip(letters, scripts, strict=True) if s != main)
            if main == "LATIN" and len(letters) >= 4 and not any(c.isascii() for c in letters):
                odd.extend(letters)
    return odd


def _trim(word: str) -> str:
    start, end = 0, len(word)
    while start < end and not word[start].isalnum():
        start += 1
    while end > start and not word[end - 1].isalnum():
        end -= 1
    return word[start:end]


def _script(letter: str) -> str:
    """LATIN, GREEK, CYRILLIC...: the first word of the letter's Unicode name."""
    return unicodedata.name(letter, "UNKNOWN").split(" ", 1)[0]


def _never_text(c: str) -> bool:
    """Box drawing, block elements and control characters: never part of an article."""
    return "\u2500" <= c <= "\u259f" or (unicodedata.category(c) == "Cc" and c not in "\t\n\r")


def _guess(path: Path, encoding: str, odd: list[str]) -> str:
    sample = "".join(dict.fromkeys(odd))[:5]
    return (
        f"{path}: not UTF-8; read as {encoding}, a guess that leaves {len(odd)} "
        f"character{'s' if len(odd) != 1 else ''} out of place ({sample!r}); "
        "check the text, or re-save the file as UTF-8"
    )


def _binary(path: Path, why: str) -> InputError:
    return InputError(
        str(path),
        f"looks like a binary file, not text ({why}); "
        "ingest .txt, .md, .html, .jsonl or .csv files",
    )
