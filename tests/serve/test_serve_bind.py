"""`annotator serve` listens on loopback unless told otherwise, and then warns."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.errors import AnnotatorError
from annotator.serve.bind import check_bind
from annotator.serve.server import reviewer_problem
from annotator.store import Store


@pytest.fixture
def database(tmp_path: Path) -> Path:
    db = tmp_path / "team.db"
    Store(db).close()
    return db


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_flag_and_gets_no_warning(host: str) -> None:
    assert check_bind(host, 8000, allow_remote=False) is None


def test_another_address_is_refused_without_the_flag(database: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(database), "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "--host 0.0.0.0 is not a loopback address" in result.stderr
    assert "--allow-remote" in result.stderr


def test_another_address_with_the_flag_warns_there_is_no_login() -> None:
    warning = check_bind("0.0.0.0", 8000, allow_remote=True)
    assert warning is not None
    assert "no login of its own" in warning and "reverse proxy" in warning


def test_a_host_that_does_not_resolve_is_one_line() -> None:
    with pytest.raises(AnnotatorError, match=r"--host no-such-host\.invalid: cannot resolve"):
        check_bind("no-such-host.invalid", 8000, allow_remote=True)


def test_serve_needs_an_existing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.stderr


@pytest.mark.parametrize(
    ("name", "ok"),
    [("alice", True), ("Zoë O'Brien", True), ("", False), ("   ", False),
     ("x" * 65, False), ("bob\x1b[2J", False), (" bob", False)],
)  # fmt: skip
def test_reviewer_names_from_the_url(name: str, ok: bool) -> None:
    assert (reviewer_problem(name) is None) is ok
