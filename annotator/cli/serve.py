"""`annotator serve`: the review app in browsers (textual-serve), one process per reviewer."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.group import db_option, require_database, schema_option
from annotator.cli.review import filter_option, queue_option
from annotator.labels import load_schema


@click.command()
@db_option
@schema_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a --host that is not loopback. There is no login: serve other machines "
    "only behind your team's reverse proxy with its login.",
)
@click.option(
    "--public-url",
    default=None,
    metavar="URL",
    help="The address browsers use when a reverse proxy sits in front "
    "(e.g. https://review.example.org).",
)
@filter_option
@queue_option
def serve(
    db_path: str,
    schema_path: str | None,
    host: str,
    port: int,
    allow_remote: bool,
    public_url: str | None,
    view: str,
    queue: str,
) -> None:
    """Serve the review app to browsers: one app process per connected reviewer, all on
    one database. Reviewers open http://HOST:PORT/?reviewer=NAME (without a name, the
    page asks for one). Every rating is committed before the next claim is shown.

    Listens on loopback only unless --allow-remote: the server has no login of its own.

    \b
    Example:
      annotator serve --db team.db
      annotator serve --db team.db --host 0.0.0.0 --allow-remote \\
          --public-url https://review.example.org
    """
    from annotator.serve.bind import check_bind
    from annotator.serve.server import ReviewServer

    require_database(db_path)
    warning = check_bind(host, port, allow_remote)
    if warning is not None:
        click.echo(warning, err=True)
    load_schema(schema_path)  # a broken schema is reported here, not in every browser
    review_args = ["--db", str(Path(db_path).resolve()), "--filter", view, "--queue", queue]
    if schema_path is not None:
        review_args += ["--schema", str(Path(schema_path).resolve())]
    ReviewServer(review_args, host=host, port=port, public_url=public_url).serve()
