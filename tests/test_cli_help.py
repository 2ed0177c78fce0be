"""Every command documents itself: `--help` works and shows an example (docs follow the code)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.cli.group import COMMANDS


def test_the_main_commands_exist() -> None:
    expected = {
        "ingest",
        "review",
        "assign",
        "extract",
        "evaluate",
        "stats",
        "export",
        "import-labels",
        "merge",
        "audit",
        "adjudicate",
        "check",
        "backup",
        "serve",
    }
    assert set(COMMANDS) == expected
    for name in COMMANDS:  # every entry points at a real command
        command = main.get_command(click.Context(main), name)
        assert command is not None and command.name == name


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_help_has_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`annotator {command} --help` shows no example"


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


def test_a_store_error_is_one_line_without_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.db"
    bad.write_text("not a database " * 200)
    result = CliRunner().invoke(main, ["stats", "--db", str(bad)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "bad.db: not an annotator database, or a corrupt one" in result.output
    assert len(result.output.splitlines()) == 1


def test_an_unforeseen_fault_is_one_line_too(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A bug must not show a user a traceback; the line says what to do."""
    from annotator.store import Store

    def broken_stats(self: Store) -> None:  # a fault the test cannot cause for real
        raise RuntimeError("disk on fire\nsecond line")

    Store(tmp_path / "a.db").close()
    monkeypatch.setattr(Store, "stats", broken_stats)
    result = CliRunner().invoke(main, ["stats", "--db", str(tmp_path / "a.db")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "internal error (RuntimeError: disk on fire); please report it" in result.output
    assert "second line" not in result.output
