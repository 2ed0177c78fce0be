"""Every command documents itself: `--help` works and shows an example (docs follow the code)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from annotator.cli import main

COMMANDS = sorted(main.commands)


def test_the_main_commands_exist() -> None:
    assert {"ingest", "stats", "review", "extract", "evaluate"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
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
    assert "bad.db: cannot open as an annotator database" in result.output
