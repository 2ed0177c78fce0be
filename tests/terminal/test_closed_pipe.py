"""A closed pipe (`annotator export --out - | head -1`) ends the command quietly, as it
ends other Unix tools: nothing on stderr, exit status 141 (128 + SIGPIPE)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.records import Article, ExtractedClaim, PipelineInfo
from annotator.store import Store

ROOT = Path(__file__).resolve().parents[2]
CLOSED_PIPE = 141
INFO = PipelineInfo("pipe-test 0", "none")


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Far more export than a pipe buffers (64 kB), so the writer meets the closed pipe."""
    path = tmp_path_factory.mktemp("pipe") / "big.db"
    with Store(path) as store:
        for n in range(300):
            sentences = [f"Official {n} said on day {s} that prices rose." for s in range(10)]
            text = " ".join(sentences)
            claims, start = [], 0
            for seq, sentence in enumerate(sentences):
                end = start + len(sentence)
                claims.append(ExtractedClaim(seq, "statement", start, end, sentence, start, end))
                start = end + 1
            store.add_article(Article(text=text), claims, INFO)
    return path


def annotator(*args: str) -> list[str]:
    return [sys.executable, "-m", "annotator", *args]


def test_export_into_head_ends_quietly(big_db: Path) -> None:
    """The README's own example, through a real `head`."""
    command = " ".join(annotator("export", "--db", str(big_db), "--out", "-"))
    run = subprocess.run(
        ["bash", "-c", f'{command} | head -1; echo "status ${{PIPESTATUS[0]}}" >&2'],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert json.loads(run.stdout)["format"] == "annotator.corpus.v1"
    assert run.stderr == f"status {CLOSED_PIPE}\n"


@pytest.mark.parametrize(
    "args",
    [
        ("stats",),
        ("audit", "--format", "json"),
        ("audit",),
        ("export", "--format", "csv", "--out", "-"),
    ],
    ids=lambda args: "-".join(args),
)
def test_a_reader_gone_at_once_ends_the_command_quietly(
    big_db: Path, args: tuple[str, ...]
) -> None:
    """Output buffered, then flushed at exit into a pipe nobody reads: still quiet."""
    process = subprocess.Popen(
        annotator(*args, "--db", str(big_db)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first byte is written
    errors = process.stderr.read()
    assert process.wait(timeout=120) == CLOSED_PIPE
    assert errors == b""


def test_extract_into_a_closed_pipe_ends_quietly() -> None:
    process = subprocess.Popen(
        annotator("extract", str(ROOT / "seeds")),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    errors = process.stderr.read()
    assert process.wait(timeout=300) == CLOSED_PIPE
    assert errors == b""
