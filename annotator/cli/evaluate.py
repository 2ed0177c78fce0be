"""`annotator evaluate`: score claim extraction against gold files."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.group import model_option


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--spans", is_flag=True, help="Also list every missed source or cue span.")
@click.option("--json", "as_json", is_flag=True, help="Print the totals as one JSON object.")
@model_option
def evaluate(paths: tuple[str, ...], spans: bool, as_json: bool, model: str | None) -> None:
    """Score extraction against gold: GOLD ARTICLE, or FOLDER... of X.gold.jsonl + X.txt pairs.

    Gold files have the format of eval/seed_gold.jsonl (see docs/detection.md). Prints
    source_type accuracy (a prediction in `accept` is right), anonymous-flag accuracy,
    how many sourced statements were found and how many sourced claims lie inside one,
    anonymous recall and precision, source and cue span overlap (precision, recall,
    F1), per-type precision/recall/F1 and every miss with its claim text.

    \b
    Examples:
      annotator evaluate eval/seed_gold.jsonl seeds/000_7d85eff3e4ce24d8.txt
      annotator evaluate tests/nlp/data/devset3 tests/nlp/data/devset4 --spans
    """
    import json

    from rich.console import Console

    from annotator.errors import InputError
    from annotator.ingest import read_paths
    from annotator.nlp.evaluate import EvalResult, gold_pairs, read_gold, score
    from annotator.nlp.evaluate_render import render
    from annotator.nlp.pipeline import load_extractor
    from annotator.records import Article

    if all(Path(p).is_dir() for p in paths):
        pairs = [pair for folder in paths for pair in gold_pairs(folder)]
    elif len(paths) == 2 and not any(Path(p).is_dir() for p in paths):
        pairs = [(Path(paths[0]), Path(paths[1]))]
    else:
        raise click.UsageError("give GOLD ARTICLE (two files) or one or more folders")

    golds = {article: read_gold(gold) for gold, article in pairs}
    articles: list[Article] = []
    for _, article_path in pairs:
        for item in read_paths([article_path]):
            if isinstance(item, InputError):
                raise item
            articles.append(item)
            break
    extractor = load_extractor(model)
    total = EvalResult()
    per_article: list[tuple[str, EvalResult]] = []
    for (_, article_path), (article, claims) in zip(
        pairs, extractor.extract(articles), strict=True
    ):
        result = score(golds[article_path], claims, article.text, article_path.name)
        per_article.append((article_path.name, result))
        total += result
    if as_json:
        click.echo(json.dumps(total.summary(), indent=2))
    else:
        Console().print(render(total, per_article, spans=spans))
