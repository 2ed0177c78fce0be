"""`annotator adjudicate`: settle the claims reviewers disagree on, in the terminal."""

from __future__ import annotations

import click

from annotator.cli.group import db_option, require_database, reviewer_option, schema_option
from annotator.cli.review import default_reviewer
from annotator.labels import load_schema


@click.command()
@db_option
@reviewer_option("as adjudicator")
@schema_option
def adjudicate(db_path: str, reviewer: str | None, schema_path: str | None) -> None:
    """Step through disputed claims and record the gold label of each.

    A claim is disputed when its reviewers disagree on a question the label schema
    adjudicates (a scale only beyond its tolerance). Only the disputed questions are
    offered; agreed answers are taken as they are. Each reviewer's answers and notes are
    shown side by side with the machine suggestion. Keys: 1-9 take reviewer i's answers
    to the disputed questions, m the machine's; tab edits them with the schema's keys,
    enter saves the edit; n writes a note on the decision; j/k move; q quits. Each
    decision is an "adjudicate" record in the history, used (with its note) by
    `annotator export --gold adjudicated`.

    \b
    Example:
      annotator adjudicate --db team.db --reviewer editor
    """
    from annotator.tui.adjudicate_app import make_adjudicate_app  # Textual loads only when used

    schema = load_schema(schema_path)
    require_database(db_path)
    make_adjudicate_app(db_path, reviewer or default_reviewer(), schema).run()
