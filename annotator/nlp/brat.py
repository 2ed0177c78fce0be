"""Attribution relations from brat standoff files (PolNeAR / PARC style).

A corpus folder holds either ``text/NAME.txt`` with ``attributions/NAME_XXXX.ann`` (one
file per annotator; the first in sorted order is used), or ``NAME.txt`` beside
``NAME.ann``. Of an ``.ann`` file two kinds of line matter:

- ``T3<TAB>Content 115 290;300 320<TAB>covered text``: a text-bound span of one or more
  ``start end`` pieces (character offsets into the text file). brat writes the covered
  text as it is, so a span over a line break goes on over the next lines of the file.
- ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``: one attribution relation, its
  trigger first; the source may be absent. brat numbers a repeated role (``Content2``):
  such pieces join the relation's content.

Other brat lines (``R``, ``A``, ``M``, ``N``, ``#``, ``*``) are valid and not needed here.
The reader is a few dozen lines of its own because the format is that small and errors
must name the file and line; the brat readers on PyPI stop at covered text that runs
over several lines, which PolNeAR has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import InputError
from annotator.nlp.evaluate import glob_escape

Pieces = tuple[tuple[int, int], ...]
ROLES = ("source", "cue", "content")

# An annotation line starts with its id and a tab: T12, E3, R1, A1, M1, N1, #1, *.
_LINE_ID = re.compile(r"^([TERAMN#]\d+|\*)\t")
_OFFSETS = re.compile(r"^\d+ \d+(;\d+ \d+)*$")
_REPEATED_ROLE = re.compile(r"\d+$")


@dataclass(frozen=True)
class Attribution:
    """One ``E`` relation: the pieces of its source, cue and content (None when absent)."""

    relation: str
    source: Pieces | None
    cue: Pieces | None
    content: Pieces | None

    def span(self, role: str) -> Pieces | None:
        value: Pieces | None = getattr(self, role)
        return value


@dataclass(frozen=True)
class BratArticle:
    """A text file and the attribution relations of its ``.ann`` file."""

    name: str
    text_path: Path
    ann_path: Path


def is_brat_folder(folder: str | Path) -> bool:
    """Whether ``folder`` has a brat layout: ``text/`` + ``attributions/``, or ``*.ann`` files."""
    path = Path(folder)
    if (path / "text").is_dir() and (path / "attributions").is_dir():
        return True
    return any(path.glob("*.ann"))


def brat_articles(folder: str | Path) -> list[BratArticle]:
    """Every text of a brat folder with its ``.ann`` file, in name order."""
    path = Path(folder)
    if (path / "text").is_dir() and (path / "attributions").is_dir():
        texts, ann_folder = sorted((path / "text").glob("*.txt")), path / "attributions"
    else:
        texts, ann_folder = sorted(path.glob("*.txt")), path
    out: list[BratArticle] = []
    for text in texts:
        ann = _ann_for(text.stem, ann_folder)
        if ann is None:
            wanted = f"{text.stem}.ann" if ann_folder == path else f"attributions/{text.stem}_*.ann"
            raise InputError(str(text), f"no {wanted} for this text; add one (it may be empty)")
        out.append(BratArticle(text.stem, text, ann))
    if not out:
        raise InputError(str(path), "no .txt files with .ann annotations in this folder")
    return out


def _ann_for(name: str, folder: Path) -> Path | None:
    same = folder / f"{name}.ann"
    if same.is_file():
        return same
    # NAME_XXXX.ann, one per annotator; "NAME_other_XXXX.ann" belongs to another text.
    for ann in sorted(folder.glob(f"{glob_escape(name)}_*.ann")):
        if ann.stem.rpartition("_")[0] == name:
            return ann
    return None


def read_ann(path: Path, text: str) -> list[Attribution]:
    """The attribution relations of ``path``, whose offsets index ``text``.

    A line that is not brat, offsets outside the text, covered text that differs from the
    text at those offsets, or a relation naming an undefined span is an InputError naming
    the file and line.
    """
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read annotations ({error})") from error
    spans: dict[str, Pieces] = {}
    relations: list[tuple[int, str, str]] = []
    n = 0
    while n < len(lines):
        line, number = lines[n].rstrip("\r"), n + 1
        n += 1
        if not line.strip():
            continue
        found = _LINE_ID.match(line)
        if found is None:
            raise InputError(str(path), f"not a brat annotation line: {line[:60]!r}", number)
        ident = found.group(1)
        fields = line.split("\t")
        if ident.startswith("T"):
            pieces, covered = _text_bound(path, fields, number, text)
            expected = " ".join(text[start:end] for start, end in pieces)
            # Covered text over a line break continues on the next lines of the file.
            while len(covered) < len(expected) and n < len(lines):
                covered += "\n" + lines[n].rstrip("\r")
                n += 1
            if covered.split() != expected.split():
                raise InputError(
                    str(path),
                    f"{ident} says it covers {covered[:40]!r} but the text has "
                    f"{expected[:40]!r} there; is this the annotation of this text?",
                    number,
                )
            spans[ident] = pieces
        elif ident.startswith("E"):
            if len(fields) < 2:
                raise InputError(str(path), f"relation {ident} has no arguments", number)
            relations.append((number, ident, fields[1]))
    return [_relation(path, number, ident, args, spans) for number, ident, args in relations]


def _text_bound(path: Path, fields: list[str], number: int, text: str) -> tuple[Pieces, str]:
    label, _, offsets = fields[1].partition(" ") if len(fields) > 2 else ("", "", "")
    if not label or not _OFFSETS.match(offsets):
        raise InputError(
            str(path), "a T line needs 'T1<TAB>Label start end[;start end]<TAB>text'", number
        )
    pieces = tuple((int(start), int(end)) for start, end in (p.split() for p in offsets.split(";")))
    for start, end in pieces:
        if start > end or end > len(text):
            raise InputError(
                str(path),
                f"{fields[0]} offsets {start}-{end} lie outside the text ({len(text)} characters)",
                number,
            )
    return pieces, "\t".join(fields[2:])


def _relation(
    path: Path, number: int, ident: str, args: str, spans: dict[str, Pieces]
) -> Attribution:
    found: dict[str, list[tuple[int, int]]] = {}
    for arg in args.split():  # the trigger (Attribution:T4) first, then the roles
        role, _, target = arg.partition(":")
        if not target:
            raise InputError(str(path), f"{ident}: argument {arg!r} is not Role:T<n>", number)
        if target not in spans:
            raise InputError(str(path), f"{ident} names {target}, which no T line defines", number)
        key = _REPEATED_ROLE.sub("", role).lower()
        if key in ROLES:
            found.setdefault(key, []).extend(spans[target])

    def pieces(role: str) -> Pieces | None:
        return tuple(sorted(found[role])) if role in found else None

    return Attribution(ident, pieces("source"), pieces("cue"), pieces("content"))
