"""`annotator evaluate`: score claim extraction against gold files or brat-annotated corpora."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.group import model_option, processes_option
from annotator.cli.output import echo, rich_console
from annotator.errors import InputError
from annotator.nlp.brat import is_brat_folder
from annotator.records import Article

DEFAULT_LEMMAS = 30


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--spans", is_flag=True, help="Gold files: also list every missed source or cue span."
)
@click.option(
    "--misses",
    is_flag=True,
    help="Brat folders: list every missed gold source, cue and content span, marked in its "
    "sentence.",
)
@click.option(
    "--lemmas",
    type=click.IntRange(min=0),
    default=None,
    help=f"Brat folders: rows of the recall-per-cue-lemma table (default {DEFAULT_LEMMAS}; "
    "0 lists all).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the totals as one JSON object.")
@click.option(
    "--layout",
    is_flag=True,
    help="Score how articles are read instead: titles, header fields, page furniture.",
)
@click.option(
    "--expected",
    type=click.Path(exists=True, dir_okay=False),
    help="With --layout: expected titles, fields and furniture lines (.jsonl), or a .tsv "
    "with filename and title columns.",
)
@model_option
@processes_option
def evaluate(
    paths: tuple[str, ...],
    spans: bool,
    misses: bool,
    lemmas: int | None,
    as_json: bool,
    layout: bool,
    expected: str | None,
    model: str | None,
    n_process: int,
) -> None:
    """Score extraction against gold: GOLD ARTICLE; FOLDER... of X.gold.jsonl + X.txt
    pairs; or FOLDER... of brat standoff (PolNeAR, PARC). With --layout: how ingest reads
    articles (files or folders).

    Gold files hold one JSON line per claim (docs/detection.md, "Gold files"). Prints
    source_type accuracy (a prediction in `accept` is right), anonymous-flag accuracy,
    how many sourced statements were found and how many sourced claims lie inside one,
    anonymous recall and precision, source and cue span overlap (precision, recall,
    F1), per-type precision/recall/F1 and every miss with its claim text.

    A brat folder holds text/NAME.txt with attributions/NAME_*.ann (the first in sorted
    order), or NAME.txt beside NAME.ann. For it, evaluate prints source, cue and content
    span precision, recall and F1, exact and overlap (spans trimmed of punctuation at
    both ends, matched one to one, largest overlap first), and recall per cue lemma, the
    most missed first. A bad .ann line is reported on stderr with its file and line, the
    other articles are scored, and the exit status is 1.

    With --layout, PATHS are articles and evaluate prints titles right, header fields
    right, the share of the claims asked about in review that are page furniture, and the
    claims kept out of review that are no furniture; --expected gives what is right
    (docs/ingest.md).

    \b
    Examples:
      annotator evaluate tests/nlp/data/seed_gold.jsonl \\
          seeds/turkey-s400-postponing-not-on-agenda.txt
      annotator evaluate tests/nlp/data/devset3 tests/nlp/data/devset4 --spans
      annotator evaluate polnear/dev --json
      annotator evaluate polnear/train --misses --lemmas 50
      annotator evaluate --layout tests/ingest/data/checkset/articles \\
          --expected tests/ingest/data/checkset/expected.jsonl
    """
    if layout:
        if spans or misses or lemmas is not None:
            raise click.UsageError("--layout takes --expected and --json only")
        _evaluate_layout(paths, expected, as_json, model, n_process)
        return
    if expected is not None:
        raise click.UsageError("--expected goes with --layout")
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    brat = [is_brat_folder(folder) for folder in folders]
    if folders and len(folders) == len(paths) and all(brat):
        if spans:
            raise click.UsageError("--spans is for gold files; brat folders take --misses")
        if as_json and (misses or lemmas is not None):
            raise click.UsageError("--json prints the figures alone; leave out --misses/--lemmas")
        _evaluate_brat(folders, misses, lemmas, as_json, model, n_process)
        return
    if any(brat):
        raise click.UsageError("give brat folders alone, without gold files or gold folders")
    if misses or lemmas is not None:
        raise click.UsageError("--misses and --lemmas are for brat folders")
    _evaluate_gold(paths, spans, as_json, model, n_process)


def _evaluate_gold(
    paths: tuple[str, ...], spans: bool, as_json: bool, model: str | None, n_process: int
) -> None:
    import json

    from annotator.nlp.evaluate import EvalResult, gold_pairs, read_gold, score
    from annotator.nlp.evaluate_render import render
    from annotator.nlp.pipeline import load_extractor

    if all(Path(p).is_dir() for p in paths):
        pairs = [pair for folder in paths for pair in gold_pairs(folder)]
    elif len(paths) == 2 and not any(Path(p).is_dir() for p in paths):
        pairs = [(Path(paths[0]), Path(paths[1]))]
    else:
        raise click.UsageError("give GOLD ARTICLE (two files) or one or more folders")

    golds = {article: read_gold(gold) for gold, article in pairs}
    articles = [_read_article(article_path) for _, article_path in pairs]
    extractor = load_extractor(model)
    total = EvalResult()
    per_article: list[tuple[str, EvalResult]] = []
    for (_, article_path), (article, claims) in zip(
        pairs, extractor.extract(articles, n_process=n_process), strict=True
    ):
        result = score(golds[article_path], claims, article.text, article_path.name)
        per_article.append((article_path.name, result))
        total += result
    if as_json:
        click.echo(json.dumps(total.summary(), indent=2))
    else:
        rich_console().print(render(total, per_article, spans=spans))


def _read_article(path: Path) -> Article:
    """The article in a text file, exactly as decoded (gold offsets index it)."""
    from annotator.ingest import read_paths

    for item in read_paths([path]):
        if isinstance(item, InputError):
            raise item
        return item
    raise InputError(str(path), "no article in this file")


def _read_exact(path: Path) -> Article:
    """A brat text exactly as decoded, control characters kept: its gold offsets index
    the file as written (ingest would remove them and shift every later offset)."""
    from annotator.ingest import DEFAULT_MAX_BYTES
    from annotator.ingest.decode import read_text

    return Article(text=read_text(path, DEFAULT_MAX_BYTES).text, origin=str(path))


def _evaluate_brat(
    folders: list[Path],
    misses: bool,
    lemmas: int | None,
    as_json: bool,
    model: str | None,
    n_process: int,
) -> None:
    import json

    from annotator.cli.progress import article_progress
    from annotator.nlp.brat import Attribution, brat_articles, read_ann
    from annotator.nlp.cue_lemma import cue_lemmas
    from annotator.nlp.pipeline import load_extractor
    from annotator.nlp.span_render import render
    from annotator.nlp.span_scoring import SpanResult, recall_by_lemma, score_article

    failed = False
    scored: list[tuple[str, Article, list[Attribution]]] = []
    for item in (item for folder in folders for item in brat_articles(folder)):
        try:
            article = _read_exact(item.text_path)
            scored.append((item.name, article, read_ann(item.ann_path, article.text)))
        except InputError as error:
            failed = True
            echo(f"error: {error}", err=True)
    if not scored:
        raise InputError(", ".join(map(str, folders)), "no article could be read; see above")

    extractor = load_extractor(model)
    console = rich_console(stderr=True)
    bar = article_progress("extracting", console)
    result = SpanResult()
    with bar:
        task = bar.add_task("extract", total=len(scored))
        extracted = extractor.extract((a for _, a, _ in scored), n_process=n_process)
        for (name, _, attributions), (article, claims) in zip(scored, extracted, strict=True):
            result.articles.append(score_article(name, article.text, attributions, claims))
            bar.advance(task)
    if as_json:
        click.echo(json.dumps(result.summary(), indent=2))
    else:
        cues = result.gold_cues()
        lemma_of = cue_lemmas(extractor.nlp, (text for text, _ in cues))
        rows = recall_by_lemma(cues, lemma_of.__getitem__)
        limit = DEFAULT_LEMMAS if lemmas is None else lemmas
        rich_console().print(render(result, rows, limit, misses))
    if failed:
        sys.exit(1)


def _evaluate_layout(
    paths: tuple[str, ...], expected: str | None, as_json: bool, model: str | None, n_process: int
) -> None:
    import json

    from annotator.cli.reading import ArticleStream
    from annotator.nlp.evaluate_render import render_layout
    from annotator.nlp.layout_eval import LayoutScore, read_expectations, score_article
    from annotator.nlp.pipeline import load_extractor

    expectations = read_expectations(expected) if expected else {}
    articles = ArticleStream(paths)
    total = LayoutScore()
    for article, claims in load_extractor(model).extract(articles, n_process=n_process):
        total += score_article(article, claims, expectations.get(Path(article.origin or "").stem))
    if as_json:
        click.echo(json.dumps(total.summary(), indent=2))
    else:
        rich_console().print(render_layout(total))
    if articles.failed:
        sys.exit(1)
