"""Rich rendering of evaluation results (`annotator evaluate`)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from annotator.nlp.evaluate import EvalResult, Outcome, SpanScore
from annotator.nlp.layout_eval import LayoutScore
from annotator.safe_text import clean, escape


def _rate(n: int, d: int) -> str:
    return f"{n}/{d} ({n / d:.1%})" if d else f"{n}/{d}"


def _spans(s: SpanScore) -> str:
    return (
        f"P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}  "
        f"({s.overlapping} overlapping; {s.predicted} predicted, {s.gold} gold)"
    )


def headline(result: EvalResult) -> Text:
    """The figures the detection targets are stated in, one per line."""
    r = result
    lines = [
        f"gold lines found:       {_rate(r.found, r.total)}",
        f"source_type in accept:  {_rate(r.type_correct, r.total)}",
        f"anonymous_flag right:   {_rate(r.flag_correct, r.total)}",
        f"sourced statements found with a source:   {_rate(r.sourced_found, r.sourced)}",
        f"sourced claims inside a sourced statement: "
        f"{_rate(r.sourced_claims_inside, r.sourced_claims)}",
        f"source type right, of those found:        {_rate(r.sourced_typed, r.sourced_found)}",
        f"source type right, of all sourced:        {_rate(r.sourced_typed, r.sourced)}",
        f"anonymous statements flagged:             {_rate(r.anonymous_flagged, r.anonymous)}",
        f"claims typed anonymous that are:          "
        f"{_rate(r.typed_anonymous_right, r.typed_anonymous)}",
        f"source spans: {_spans(r.source_spans)}",
        "cue spans:    "
        + (_spans(r.cue_spans) if r.cue_spans else "not scored (gold has no cue field)"),
    ]
    return Text("\n".join(lines))


def per_article(results: Sequence[tuple[str, EvalResult]]) -> Table:
    table = Table(title="per article")
    for col in ("article", "found", "type", "flag", "source F1", "cue F1"):
        table.add_column(col, justify="left" if col == "article" else "right")
    for name, r in results:
        table.add_row(
            escape(name),
            f"{r.found}/{r.total}",
            f"{r.type_correct}/{r.total}",
            f"{r.flag_correct}/{r.total}",
            f"{r.source_spans.f1:.2f}",
            "-" if r.cue_spans is None else f"{r.cue_spans.f1:.2f}",
        )
    return table


def _per_type(result: EvalResult) -> Table:
    table = Table(title="per source_type (preferred gold label)")
    for col in ("type", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for t, s in result.per_type.items():
        scores = (f"{s.precision:.2f}", f"{s.recall:.2f}", f"{s.f1:.2f}", str(s.support))
        table.add_row(escape(t), *scores)
    return table


def _misses(title: str, outcomes: list[Outcome], with_article: bool) -> Table:
    table = Table(title=f"{title} ({len(outcomes)})")
    cols = (["article"] if with_article else []) + ["anchor", "gold", "predicted", "claim"]
    for col in cols:
        table.add_column(col, overflow="fold")
    for o in outcomes:
        gold = f"{'|'.join(o.gold.accept)} anon={o.gold.anonymous_flag} src={o.gold.source!r}"
        if o.gold.cue_labelled:
            gold += f" cue={o.gold.cue!r}"
        if o.claim is None:
            pred, claim = "not found", ""
        else:
            c = o.claim
            pred = (
                f"{c.source_type} anon={c.anonymous_flag} "
                f"src={c.source.text if c.source else None!r} cue={c.cue.text if c.cue else None!r}"
            )
            claim = c.text
        row = [o.gold.anchor, gold, pred, claim]
        table.add_row(*(escape(cell) for cell in ([o.article] if with_article else []) + row))
    return table


def render(
    result: EvalResult, articles: Sequence[tuple[str, EvalResult]] = (), spans: bool = False
) -> RenderableType:
    """Scores, per-type table and misses; ``articles`` adds a per-article table.

    ``spans`` also lists the gold lines whose source or cue span was missed.
    """
    parts: list[RenderableType] = []
    if len(articles) > 1:
        parts.append(per_article(articles))
    parts += [headline(result), _per_type(result)]
    with_article = len(articles) > 1
    parts.append(_misses("misses", result.misses, with_article))
    if spans:
        span_misses = [o for o in result.outcomes if o.source_ok is False or o.cue_ok is False]
        parts.append(_misses("source or cue span misses", span_misses, with_article))
    return Group(*parts)


def render_layout(score: LayoutScore, *, misses: bool = True) -> RenderableType:
    """`annotator evaluate --layout`: titles, header fields and page furniture."""
    s = score
    queued = (
        _rate(s.queued_furniture, s.queued)
        if s.queued
        else "not measured (no furniture lines expected)"
    )
    rules = ", ".join(f"{rule} {n}" for rule, n in s.by_rule.most_common()) or "none"
    lines = [
        f"articles:                          {s.articles}",
        f"titles right:                      {_rate(s.titles_right, s.titles)}",
        f"header fields right:               {_rate(s.fields_right, s.fields)}",
        f"queued claims that are furniture:  {queued}",
        f"kept out of review, not furniture: {_rate(s.kept_out_wrongly, s.kept_out_known)}",
        f"kept out of review, by rule:       {s.kept_out} ({rules})",
    ]
    parts: list[RenderableType] = [Text("\n".join(lines))]
    if misses and s.misses:
        parts.append(Text("\n" + "\n".join(clean(m) for m in s.misses)))
    return Group(*parts)
