"""`annotator evaluate`: score claim extraction against a gold file."""

from __future__ import annotations

import click

from annotator.cli.group import model_option


@click.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("article", type=click.Path(exists=True, dir_okay=False))
@model_option
def evaluate(gold: str, article: str, model: str | None) -> None:
    """Score extraction on ARTICLE against GOLD (JSONL, format of eval/seed_gold.jsonl).

    Prints source_type accuracy (a prediction in `accept` is right), anonymous-flag
    accuracy, per-type precision/recall/F1 and every miss with its claim text.

    \b
    Example:
      annotator evaluate eval/seed_gold.jsonl seeds/000_7d85eff3e4ce24d8.txt
    """
    from rich.console import Console

    from annotator.errors import InputError
    from annotator.ingest import read_paths
    from annotator.nlp.evaluate import read_gold, render, score
    from annotator.nlp.pipeline import load_extractor

    lines = read_gold(gold)
    items = list(read_paths([article]))
    for item in items:
        if isinstance(item, InputError):
            raise item
    extractor = load_extractor(model)
    for doc_article, claims in extractor.extract(a for a in items if not isinstance(a, InputError)):
        Console().print(render(score(lines, claims, doc_article.text)))
