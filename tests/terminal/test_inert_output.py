"""No escape code reaches the terminal: hostile data goes through every command, and the
bytes each command prints are checked.

The data is what a dataset can really hold: article text, titles, outlets and file
names from anywhere, reviewer names and notes brought in by import-labels, CSV headers,
a label schema's name, spans and source types merged from someone else's file. Each
command runs twice: as into a pipe (no styling at all may appear), and as on a colour
terminal (only Rich's own styling and cursor sequences may appear).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.labels import default_schema_path
from annotator.records import Article, ExtractedClaim, PipelineInfo, Span
from annotator.store import Store

pytest_plugins = ["model_fixtures"]  # the real spaCy model, loaded once

# Retitle the terminal (OSC, ended by BEL and by ESC \), clear the screen (CSI), colour
# by the 8-bit CSI, a device control string, bell, backspace, DEL, and Rich markup that
# would become an OSC 8 hyperlink.
HOSTILE = (
    "\x1b]0;PWNED\x07\x1b]2;PWNED\x1b\\\x1b[2J\x9b31m\x1bP+q\x1b\\\x07\x08\x7f"
    "[link=http://evil.example]click[/link][bold]b[/bold]"
)
PAYLOADS = (b"\x1b]", b"\x1b[2J", b"\x1bP", b"\xc2\x9b", b"\x07", b"\x08", b"\x7f", b"\x1b\\")
# Rich's own output on a terminal: SGR styling, and the cursor moves of a progress bar.
RICH_OWN = re.compile(rb"\r|\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\x1b\[2K|\x1b\[[0-9]*[AG]")
# Bytes no plain output may hold: C0 controls but newline and tab (and CR of a CRLF
# line end, which CSV uses), DEL, C1 controls (UTF-8 encoded).
CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)|\xc2[\x80-\x9f]")
INFO = PipelineInfo("hostile-test 0", "none")


@dataclass(frozen=True)
class Hostile:
    folder: Path
    db: Path
    labels: Path
    schema: Path
    named: Path  # a file whose very name is hostile
    headers_csv: Path


def _claim(text: str, seq: int, part: str, **extra: object) -> ExtractedClaim:
    start = text.index(part)
    return ExtractedClaim(
        seq=seq,
        kind="statement",
        start=start,
        end=start + len(part),
        text=part,
        sentence_start=start,
        sentence_end=start + len(part),
        **extra,
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    folder = tmp_path_factory.mktemp("hostile")
    named = folder / f"article{HOSTILE.replace('/', '|')}.txt"
    body = f"Officials{HOSTILE} said the road would close. The mayor said {HOSTILE} it would not."
    named.write_text(f"Road{HOSTILE}\n\n{body}\n", encoding="utf-8")
    text = named.read_text(encoding="utf-8")
    officials = text.index("Officials")
    article = Article(
        text=text, title=f"Road{HOSTILE}", origin=str(named), outlet=f"Daily{HOSTILE}"
    )
    first = text.index("Officials")
    claims = [
        _claim(
            text,
            0,
            text[first : text.index("close.") + 6],
            source_type="unnamed_group",
            source=Span(
                text[officials : officials + 9 + len(HOSTILE)],
                officials,
                officials + 9 + len(HOSTILE),
            ),
            cue=Span("said", text.index("said"), text.index("said") + 4),
        ),
        # A source type merged in from someone else's file is data too.
        _claim(text, 1, text[text.index("The mayor") : -1], source_type=f"mayor{HOSTILE}"),
    ]
    db = folder / "hostile.db"
    with Store(db) as store:
        store.add_article(article, claims, INFO)
        ids = [row[0] for row in store.conn.execute("SELECT id FROM claims ORDER BY seq")]
    labels = folder / "labels.jsonl"
    lines = [
        {
            "claim": ids[0],
            "reviewer": f"eve{HOSTILE}",
            "labels": {"credibility": 4},
            "note": HOSTILE,
        },
        {"claim": ids[1], "reviewer": f"eve{HOSTILE}", "labels": {"credibility": 2}},
        {"claim": ids[0], "reviewer": "bob", "labels": {"credibility": 4}},
        {"claim": ids[1], "reviewer": "bob", "labels": {"credibility": 1}},
        {"claim": f"nope{HOSTILE}", "reviewer": "bob", "labels": {}},
        {"claim": ids[0], "reviewer": "bob", "labels": {"credibility": HOSTILE}},
        {"claim": ids[0], "reviewer": "bob", "labels": {HOSTILE: 1}},
    ]
    labels.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    schema = folder / "schema.toml"
    default = default_schema_path().read_text(encoding="utf-8")
    schema.write_text(
        default.replace('name = "default"', f"name = {json.dumps('team' + HOSTILE)}", 1),
        encoding="utf-8",
    )
    headers_csv = folder / "headers.csv"
    headers_csv.write_text(f"title,body{HOSTILE}\nA,B\n", encoding="utf-8")
    (folder / f"notes{HOSTILE.replace('/', '|')}.pdf").write_text("x")
    (folder / "bad.jsonl").write_text(
        f'[1, 2]\n"{json.dumps(HOSTILE)[1:-1]}"\n{{"text": 5}}\n{HOSTILE}\n'
    )
    return Hostile(folder, db, labels, schema, named, headers_csv)


def _ingest_refusals(h: Hostile, command: str = "ingest") -> list[str]:
    return [
        command,
        str(h.headers_csv),
        str(h.folder / f"missing{HOSTILE}.txt"),
        str(next(h.folder.glob("notes*.pdf"))),
        str(h.folder / "bad.jsonl"),
        "--db",
        str(h.folder / "ingest.db"),
    ]


# Command lines, in an order where later ones see what earlier ones did (the import).
COMMANDS: dict[str, Callable[[Hostile], list[str]]] = {
    "import-labels": lambda h: ["import-labels", str(h.labels), "--db", str(h.db)],
    "ingest": _ingest_refusals,
    # Queues of reviewers named in the data: assign prints them, and so does stats.
    "assign": lambda h: [
        "assign",
        "--db",
        str(h.db),
        "--overlap",
        "1",
        "--reviewers",
        f"eve{HOSTILE},bob",
    ],
    "assign-refused": lambda h: [
        "assign",
        "--db",
        str(h.db),
        "--reviewers",
        f"eve{HOSTILE},eve{HOSTILE}",
    ],
    "stats": lambda h: ["stats", "--db", str(h.db)],
    "audit": lambda h: ["audit", "--db", str(h.db)],
    "audit-schema": lambda h: ["audit", "--db", str(h.db), "--schema", str(h.schema)],
    "audit-json": lambda h: ["audit", "--db", str(h.db), "--format", "json"],
    "audit-html": lambda h: ["audit", "--db", str(h.db), "--format", "html"],
    "audit-verify": lambda h: ["audit", "--db", str(h.db), "--verify-only"],
    "export-jsonl": lambda h: ["export", "--db", str(h.db), "--out", "-"],
    "export-csv": lambda h: ["export", "--db", str(h.db), "--format", "csv", "--out", "-"],
    "export-file": lambda h: [
        "export",
        "--db",
        str(h.db),
        "--out",
        str(h.folder / f"x{HOSTILE}.jsonl"),
    ],
    "merge": lambda h: ["merge", str(h.db), "--into", str(h.folder / f"team{HOSTILE}.db")],
    "check": lambda h: ["check", "--db", str(h.db)],
    "check-missing": lambda h: ["check", "--db", str(h.folder / f"gone{HOSTILE}.db")],
    "backup": lambda h: ["backup", str(h.folder / f"copy{HOSTILE}.db"), "--db", str(h.db)],
    "usage-error": lambda h: ["stats", "--db", str(h.folder)],
    "no-such-command": lambda h: [f"stats{HOSTILE}"],
    "schema-error": lambda h: ["audit", "--db", str(h.db), "--schema", str(h.labels)],
    "schema-invalid": lambda h: ["audit", "--db", str(h.db), "--schema", str(invalid_schema(h))],
    # review prints what its ingest refused, then stops: the new database holds no claims.
    "review": lambda h: [*_ingest_refusals(h, "review")[:-2], "--db", str(h.folder / "r.db")],
}


def invalid_schema(h: Hostile) -> Path:
    """A label schema whose question name (quoted by the error) is hostile."""
    path = h.folder / "invalid.toml"
    path.write_text(
        h.schema.read_text(encoding="utf-8").replace(
            'name = "anonymous_flag"', f"name = {json.dumps('flag' + HOSTILE)}"
        ),
        encoding="utf-8",
    )
    return path


DETECTION = {
    "extract-table": lambda h: ["extract", str(h.named), "--format", "table"],
    "extract-jsonl": lambda h: ["extract", str(h.named), str(h.headers_csv)],
    "evaluate": lambda h: ["evaluate", str(gold_pair(h)), "--spans"],
    "evaluate-json": lambda h: ["evaluate", str(gold_pair(h)), "--json"],
}


def gold_pair(h: Hostile) -> Path:
    """A folder holding a hostile article and a gold file of hostile lines, both named
    hostile: what `annotator evaluate` names and quotes in its misses."""
    folder = h.folder / "gold"
    folder.mkdir(exist_ok=True)
    stem = f"pair{HOSTILE.replace('/', '|')}"
    (folder / f"{stem}.txt").write_bytes(h.named.read_bytes())
    gold = {
        "anchor": f"The mayor said {HOSTILE}",
        "source_type": "named_person",
        "accept": [f"named_person{HOSTILE}"],
        "anonymous_flag": False,
        "source": f"mayor{HOSTILE}",
        "cue": f"said{HOSTILE}",
    }
    (folder / f"{stem}.gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    return folder


def run(argv: list[str], *, terminal: bool) -> bytes:
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": None, "COLUMNS": "100"}
    if not terminal:
        env = {"FORCE_COLOR": None, "NO_COLOR": None, "TERM": "dumb", "COLUMNS": "100"}
    result = CliRunner().invoke(main, argv, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.stdout_bytes + result.stderr_bytes


def assert_inert(output: bytes, *, terminal: bool) -> None:
    for payload in PAYLOADS:
        assert payload not in output, f"{payload!r} reached the terminal: {output[:600]!r}"
    rest = RICH_OWN.sub(b"", output) if terminal else output
    assert b"\x1b" not in rest, f"an escape sequence reached the terminal: {output[:600]!r}"
    found = CONTROLS.search(rest)
    assert found is None, f"control byte {found.group()!r} reached the terminal: {output[:600]!r}"


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_no_command_lets_data_act_on_the_terminal(hostile: Hostile, terminal: bool) -> None:
    for name, argv in COMMANDS.items():
        output = run(argv(hostile), terminal=terminal)
        assert output, f"{name} printed nothing: the test would prove nothing"
        assert_inert(output, terminal=terminal)
    # The data was really there: the import brought the hostile reviewer in, and assign
    # gave her a queue, which stats showed.
    with Store(hostile.db, read_only=True) as store:
        assert f"eve{HOSTILE}" in store.stats().annotations_by_reviewer
        assert f"eve{HOSTILE}" in {queue.reviewer for queue in store.queue_stats()}


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
def test_detection_output_is_inert(hostile: Hostile, model: object, terminal: bool) -> None:
    for argv in DETECTION.values():
        assert_inert(run(argv(hostile), terminal=terminal), terminal=terminal)


def test_data_shows_as_text_not_markup(hostile: Hostile) -> None:
    """What is printed is the data itself, minus the controls: markup stays literal."""
    run(COMMANDS["import-labels"](hostile), terminal=False)
    run(COMMANDS["assign"](hostile), terminal=False)
    stats = run(COMMANDS["stats"](hostile), terminal=True)
    assert b"queue (reviewer)" in stats  # the queue table, naming the hostile reviewer
    assert stats.replace(b"\n", b"").count(b"[link=http://evil.example]click[/link]") >= 2
    assert b"\x1b]8;" not in stats  # no hyperlink made of the markup


def test_an_error_line_stays_one_line(tmp_path: Path) -> None:
    """A file name with a line break in it cannot split or forge an error line."""
    output = run(["check", "--db", str(tmp_path / "a\nError: forged.db")], terminal=False)
    assert output.count(b"\n") == 1
    assert output.startswith(b"Error: ") and b"a Error: forged.db" in output


def test_json_output_keeps_the_data_exactly(hostile: Hostile) -> None:
    """JSON writes control characters as \\u escapes: inert, and the same value."""
    run(COMMANDS["import-labels"](hostile), terminal=False)
    result = CliRunner().invoke(main, ["export", "--db", str(hostile.db), "--out", "-"])
    records = [json.loads(line) for line in result.stdout_bytes.splitlines()]
    notes = [a["note"] for r in records for a in r["annotations"] if a["note"]]
    assert notes == [HOSTILE]
    assert HOSTILE in records[0]["title"]
