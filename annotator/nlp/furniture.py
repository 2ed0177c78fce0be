"""Page furniture: the lines of a saved page that are not news.

Header lines at the top of an article ("Date: March 4, 2024", "URL: ...") are claims of
kind ``metadata``; photo credits, "Advertisement", share, subscribe, newsletter and
reprint lines, "Read more" and "Related:" lines, cookie banners and lone bylines,
datelines and timestamps are ``boilerplate``. Both stay in the stored text, so offsets
hold, but their claims carry no source, are not queued for review and are not scored.

The patterns are data (``lexicon/furniture.txt``, ``header_fields.txt``,
``title_labels.txt``), extended by files of the same names in a user's lexicon folder
(``ANNOTATOR_LEXICON``). No spaCy here: ingest reads the head of an article with it too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from annotator.errors import AnnotatorError
from annotator.nlp.lexicon import read_list
from annotator.records import FURNITURE_KINDS, Evidence, ExtractedClaim

METADATA, BOILERPLATE = FURNITURE_KINDS
# A first line longer than this is a paragraph, not a title line.
LONG_LINE = 200
# A longer line is a paragraph of news, whatever it contains (and costs no pattern time).
MAX_FURNITURE_CHARS = 600
# A furniture claim is a whole-line pattern match: surer than most source typing.
FURNITURE_CONFIDENCE = 0.9

# Possessive and atomic: a word is one name, never split ("REUTERS" as "R" + "EUTERS"),
# so a line that does not match fails at once instead of trying every split.
_NAME = r"[A-Z][\w'’.-]*+"
_PLACEHOLDERS = {
    "{CREDIT}": (
        r"(?>{NAME}|(?i:courtesy|of|the|for|via|and|by|from|staff|photographer|photo)\b"
        r"|[/,&|;]|\s)+"
    ),
    "{AGENCY}": (
        r"(?i:getty(?:\s+images)?|reuters|afp|ap|associated\s+press|epa(?:-efe)?|"
        r"shutterstock|alamy|istock(?:photo)?|zuma\s+press|sipa|upi|pa\s+media|"
        r"bloomberg|anadolu(?:\s+agency)?|xinhua|tass)"
    ),
    "{DATE}": (
        r"(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
        r"|\d{1,2}\s+{MONTH}(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
        r"|{WEEKDAY}"
    ),
    "{TIME}": (
        r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?i:a\.?m\.?|p\.?m\.?)|\d{1,2}[:.]\d{2})"
        r"(?:\s+(?:[A-Z]{2,4}|(?i:eastern|central|pacific|local\s+time)))?"
    ),
    "{WHEN}": (
        r"{DATE}(?:\s*(?:,|(?i:at)|[-–—·|])?\s*{TIME})?|{TIME}(?:\s*(?:,|(?i:on)|[-–—·|])?\s*{DATE})?"
    ),
    "{MONTH}": (
        r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    ),
    "{WEEKDAY}": r"(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?\.?",
    "{NAME}": _NAME,
}
_RULE_LINE = re.compile(r"(?:[=\-*_~]\s*){3,}\.?")
_HEADER = re.compile(r"(?P<key>[A-Za-z][A-Za-z ]{0,24}?)\s*:\s*(?P<value>\S.*)")
# A byline without a colon: "By Maria Lopez | Port Alden Gazette" (the name before the bar).
_BYLINE = re.compile(r"(?P<key>[Bb]y|BY)\s+(?P<value>[^|—–]+?)(?:\s*[|—–].*)?")
_JOINERS = frozenset(
    {"and", "&", "of", "the", "for", "de", "la", "del", "van", "von", "da", "di", "der", "le", "al"}
)
# Fields whose values are only names and whose keys head headlines too: such a line is a
# header line before the title only beside another ("Source: Clinton Aide Will Testify").
_NAME_FIELDS = frozenset({"outlet"})
_NAME_VALUED = frozenset({"outlet", "author"})
_DATE_FIELDS = frozenset({"published", "updated"})
HEADER_FIELDS = ("published", "updated", "url", "outlet", "author")


@dataclass(frozen=True)
class HeaderLine:
    """A ``Key: value`` line at the top of an article: ``text[start:end]`` is the line."""

    start: int
    end: int
    key: str
    field: str  # one of HEADER_FIELDS
    value: str


@dataclass(frozen=True)
class Head:
    """The top of an article: its title line(s) and the header lines around them."""

    title: tuple[int, int] | None  # text[start:end] is the title (two lines after a ";")
    header: tuple[HeaderLine, ...]


@dataclass(frozen=True)
class FurnitureLine:
    start: int
    end: int
    kind: str  # METADATA or BOILERPLATE
    rule: str  # the evidence rule: "metadata.date", "furniture.credit"
    why: str


@dataclass(frozen=True)
class FurnitureLexicon:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (name, whole-line pattern)
    header_keys: dict[str, str]  # lower-case key -> field
    title_labels: tuple[str, ...]

    def boilerplate(self, line: str) -> str | None:
        """The name of the first pattern the whole line matches, or None."""
        bare = bare_line(line)
        if not bare or len(bare) > MAX_FURNITURE_CHARS:
            return None
        for name, pattern in self.patterns:
            if pattern.fullmatch(bare):
                return name
        return None

    def header(self, line: str) -> tuple[str, str, str] | None:
        """(key, field, value) when the line is a header line: ``Date: March 4, 2024``,
        ``By Maria Lopez``, or a date's key without a colon (``Published March 4, 2024``)."""
        line = line.replace("*", "").strip()
        match = _HEADER.fullmatch(line) or _BYLINE.fullmatch(line)
        if match is not None:
            key, value = " ".join(match["key"].split()), match["value"].strip()
        else:
            key, value = self._dated(line)
        field = self.header_keys.get(key.lower())
        if field in _NAME_VALUED and len(value.rsplit(None, 1)[-1]) > 4:
            value = value.removesuffix(".")  # "Amber Phillips." but "Example Co."
        if field is None or not _plausible_value(field, value):
            return None
        return key, field, value

    def _dated(self, line: str) -> tuple[str, str]:
        """("Published", "March 4, 2024") for a date key and a date without a colon."""
        lower = line.lower()
        for key, field in self.header_keys.items():  # longest key first
            if field in _DATE_FIELDS and lower.startswith(key + " "):
                value = _ON_AT.sub("", line[len(key) :].strip())
                if _WHEN.fullmatch(value):
                    return line[: len(key)], value
        return "", ""


@cache
def load_furniture(extra_dir: str | None = None) -> FurnitureLexicon:
    """The shipped furniture lexicon plus the entries of a user's lexicon folder."""
    patterns: list[tuple[str, re.Pattern[str]]] = []
    for entry in read_list("furniture", extra_dir):
        name, _, pattern = entry.partition("\t")
        if not pattern.strip():
            raise AnnotatorError(
                f"furniture pattern {entry!r} has no tab between its name and its pattern; "
                "write name<TAB>pattern"
            )
        patterns.append((name.strip(), _compile(name.strip(), pattern.strip())))
    keys = {}
    for entry in read_list("header_fields", extra_dir):
        key, _, field = entry.partition("\t")
        if field.strip() not in HEADER_FIELDS:
            raise AnnotatorError(
                f"header field line {entry!r}: write key<TAB>field, the field one of "
                f"{', '.join(HEADER_FIELDS)}"
            )
        keys[" ".join(key.lower().split())] = field.strip()
    keys = dict(sorted(keys.items(), key=lambda item: -len(item[0])))
    labels = tuple(label.lower() for label in read_list("title_labels", extra_dir))
    return FurnitureLexicon(tuple(patterns), keys, labels)


def _expand(pattern: str) -> str:
    for _ in range(3):  # expansions hold placeholders of their own
        for placeholder, expansion in _PLACEHOLDERS.items():
            pattern = pattern.replace(placeholder, f"(?:{expansion})")
    return pattern


_WHEN = re.compile(_expand("{WHEN}"))
_ON_AT = re.compile(r"^(?:on|at)\s+", re.IGNORECASE)


def _compile(name: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(_expand(pattern))
    except re.error as error:
        raise AnnotatorError(
            f"furniture pattern {name!r} is not a regular expression ({error}); "
            "fix it in furniture.txt"
        ) from None


def bare_line(line: str) -> str:
    """A line without surrounding spaces, a stray BOM, Markdown marks and one final period."""
    bare = line.strip().lstrip("\ufeff>#").strip().strip("*_").strip()
    return bare[:-1].rstrip() if bare.endswith(".") else bare


def _plausible_value(field: str, value: str) -> bool:
    """Whether ``value`` reads as that field's value, not as a sentence that has a colon
    ("Newspaper: Defense secretary used personal email" is a headline)."""
    words = value.split()
    if field in _DATE_FIELDS:
        return len(value) <= 80 and any(c.isdigit() for c in value)
    if field == "url":
        return len(words) == 1 and ("." in value or "/" in value)
    if field == "outlet" and len(words) == 1 and "." in value:
        return True  # a domain: example.org
    # Names: an outlet ("The Example Gazette") or bylines ("Maria Lopez and Tom Reyes,
    # Staff Writers"), every word capitalised but the joiners.
    names = [w.strip(",;|.") for w in words]
    return len(words) <= (6 if field == "outlet" else 12) and all(
        not n or n[0].isupper() or n[0].isdigit() or n.lower() in _JOINERS for n in names
    )


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, surrounding whitespace excluded."""
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            yield start, start + len(stripped)
        pos += len(raw) + 1


def read_head(text: str, lexicon: FurnitureLexicon) -> Head:
    """The title line and the header lines of the top of an article.

    Blank lines, rules (``=====``, ``---``: setext underlines, front-matter fences) and
    boilerplate lines without a label are passed over. The first other line is the
    title; when it ends with ";" the next line continues it ("Jobs report gives
    Democrats a lift; / Solid upturn ..."). Header lines count up to the first line of
    the body after the title (one further line, a standfirst, may come between). A
    header line of a name-only field (outlet) before the title needs another beside it.
    """
    title: list[tuple[int, int]] = []
    header: list[HeaderLine] = []
    continues = False
    after_title = 0
    lines = [(s, e) for s, e in _lines(text) if not _RULE_LINE.fullmatch(text[s:e])]
    found_at = _HeaderLookup(text, lines, lexicon)
    for i, (start, end) in enumerate(lines):
        line = text[start:end]
        if continues:
            title.append((start, end))
            continues = False
            continue
        found = found_at(i)
        if found is not None and (
            title or found[1] not in _NAME_FIELDS or found_at(i - 1) or found_at(i + 1)
        ):
            header.append(HeaderLine(start, end, *found))
            continue
        if lexicon.boilerplate(line) is not None and not _HEADER.fullmatch(line):
            # Passed over: "Advertisement", a byline. A labelled line ("Source: Clinton
            # Aide Will Testify", "Video: ...") can be a headline, so it is not.
            continue
        if len(line) > LONG_LINE:
            if not title:
                title.append((start, end))
            break
        if not title:
            title.append((start, end))
            continues = line.endswith(";")
            continue
        after_title += 1
        if after_title > 1:
            break
    span = (title[0][0], title[-1][1]) if title else None
    return Head(span, tuple(header))


class _HeaderLookup:
    """The header reading of line i of the top of an article, each line read once."""

    def __init__(self, text: str, lines: list[tuple[int, int]], lexicon: FurnitureLexicon) -> None:
        self._text, self._lines, self._lexicon = text, lines, lexicon
        self._seen: dict[int, tuple[str, str, str] | None] = {}

    def __call__(self, i: int) -> tuple[str, str, str] | None:
        if not 0 <= i < len(self._lines):
            return None
        if i not in self._seen:
            start, end = self._lines[i]
            self._seen[i] = self._lexicon.header(self._text[start:end])
        return self._seen[i]


def furniture_lines(text: str, lexicon: FurnitureLexicon) -> list[FurnitureLine]:
    """Every line of ``text`` that is page furniture, in order."""
    return _furniture_lines(text, lexicon, read_head(text, lexicon))


def _furniture_lines(text: str, lexicon: FurnitureLexicon, head: Head) -> list[FurnitureLine]:
    header = {h.start: h for h in head.header}
    out: list[FurnitureLine] = []
    for start, end in _lines(text):
        if head.title is not None and head.title[0] <= start < head.title[1]:
            continue  # the title is news, whatever it looks like
        if start in header:
            h = header[start]
            why = f"a header line at the top: its {h.key.lower()} fills the article's {h.field}"
            out.append(FurnitureLine(start, end, METADATA, f"metadata.{h.field}", why))
            continue
        name = lexicon.boilerplate(text[start:end])
        if name is not None:
            why = f"page furniture ({name.replace('_', ' ')}), not news"
            out.append(FurnitureLine(start, end, BOILERPLATE, f"furniture.{name}", why))
    return out


def mark_furniture(
    claims: Sequence[ExtractedClaim], text: str, lexicon: FurnitureLexicon
) -> list[ExtractedClaim]:
    """``claims`` with those on furniture lines (or that are furniture themselves, like a
    credit after a caption) made ``metadata`` or ``boilerplate`` claims without a source.
    The title is news, whatever a piece of it looks like."""
    head = read_head(text, lexicon)
    furniture = {line.start: line for line in _furniture_lines(text, lexicon, head)}
    lines = list(_lines(text))
    starts = [start for start, _ in lines]
    # A claim that is a whole line was tried as that line already.
    whole_lines = set(lines)
    out: list[ExtractedClaim] = []
    for claim in claims:
        found = _covering(claim, text, lines, starts, furniture, head.title)
        in_title = (
            head.title is not None and claim.start < head.title[1] and head.title[0] < claim.end
        )
        if found is None and not in_title and (claim.start, claim.end) not in whole_lines:
            name = lexicon.boilerplate(claim.text)
            if name is not None:
                why = f"page furniture ({name.replace('_', ' ')}), not news"
                found = FurnitureLine(claim.start, claim.end, BOILERPLATE, f"furniture.{name}", why)
        out.append(claim if found is None else _as_furniture(claim, found))
    return out


def _covering(
    claim: ExtractedClaim,
    text: str,
    lines: list[tuple[int, int]],
    starts: list[int],
    furniture: dict[int, FurnitureLine],
    title: tuple[int, int] | None,
) -> FurnitureLine | None:
    """The furniture line holding the claim. A claim over several lines is furniture when
    each of them is furniture or a rule, or the title beside header lines (a front-matter
    block the paragraph splitter read as one paragraph): then it is of its first header
    line, else of its first line."""
    found: list[FurnitureLine] = []
    with_title = False
    for start, end in lines[max(0, bisect.bisect_right(starts, claim.start) - 1) :]:
        if start >= claim.end:
            break
        if end <= claim.start:
            continue
        if start in furniture:
            found.append(furniture[start])
        elif title is not None and title[0] <= start < title[1]:
            with_title = True
        elif not _RULE_LINE.fullmatch(text[start:end]):
            return None  # a line of news
    header = [line for line in found if line.kind == METADATA]
    if with_title:
        return header[0] if header else None
    return found[0] if found else None


def _as_furniture(claim: ExtractedClaim, line: FurnitureLine) -> ExtractedClaim:
    return replace(
        claim,
        kind=line.kind,
        source_type="unattributed",
        anonymous_flag=False,
        anonymity_reason_given=None,
        source=None,
        cue=None,
        resolved_to=None,
        relayed_by=None,
        confidence=FURNITURE_CONFIDENCE,
        evidence=[Evidence(line.rule, claim.text, claim.start, claim.end, line.why)],
        content=None,
        relations=[],
    )
