"""Rich rendering of span scores against brat corpora (`annotator evaluate BRAT_FOLDER`)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from annotator.nlp.brat import ROLES
from annotator.nlp.span_scoring import ArticleScore, GoldSpan, LemmaRecall, SpanResult
from annotator.safe_text import clean

MARK = "bold reverse"


def figures_table(result: SpanResult) -> Table:
    """Precision, recall and F1 per kind of span, exact and overlap."""
    table = Table(title=f"span scores over {len(result.articles)} articles")
    for col in ("span", "match", "P", "R", "F1", "matched", "gold", "predicted"):
        table.add_column(col, justify="left" if col in ("span", "match") else "right")
    summary = result.summary()
    for role in ROLES:
        for match in ("exact", "overlap"):
            figures = summary[role][match]
            table.add_row(
                role if match == "exact" else "",
                match,
                *(f"{figures[key]:.2f}" for key in ("p", "r", "f1")),
                *(str(figures[key]) for key in ("matched", "gold", "predicted")),
                end_section=match == "overlap",
            )
    return table


def lemma_table(rows: Sequence[LemmaRecall], limit: int) -> Table:
    """Recall per cue lemma, the most missed first; ``limit`` rows (0: all)."""
    shown = rows[:limit] if limit else rows
    title = "recall per gold cue lemma, most missed first"
    if len(shown) < len(rows):
        title += f" (top {len(shown)} of {len(rows)}; --lemmas 0 lists all)"
    table = Table(title=title)
    for col in ("lemma", "gold", "found", "missed", "recall"):
        table.add_column(col, justify="left" if col == "lemma" else "right")
    for r in shown:
        table.add_row(
            Text(clean(r.lemma)), str(r.gold), str(r.found), str(r.missed), f"{r.recall:.2f}"
        )
    return table


def in_context(article: ArticleScore, span: GoldSpan) -> Text:
    """The span's sentence (or surroundings) on one line, each piece between ⟦ ⟧ and
    highlighted, so the mark shows in plain text too."""
    left, right = article.context(span)
    text = Text("…" if article.text[:left].strip() else "")
    at = left
    for start, end in span.pieces:
        text.append(_flat(article.text[at:start]))
        text.append("⟦" + _flat(article.text[start:end]) + "⟧", style=MARK)
        at = end
    text.append(_flat(article.text[at:right]))
    if article.text[right:].strip():
        text.append("…")
    return text


def _flat(text: str) -> str:
    # Article text is data: control characters go, and Text never reads it as markup.
    return clean(" ".join(text.split("\n")))


def misses_list(misses: Sequence[tuple[ArticleScore, GoldSpan]]) -> Group:
    """Every missed gold span under its article's name, in reading order."""
    parts: list[RenderableType] = [
        Text(f"missed gold spans ({len(misses)}), marked ⟦ ⟧ in their sentence", style="bold")
    ]
    shown: ArticleScore | None = None
    for article, span in misses:
        if article is not shown:
            parts.append(Text("\n" + clean(article.name), style="bold underline"))
            shown = article
        parts.append(Text(f"{span.role:>8}  ", style="dim") + in_context(article, span))
    return Group(*parts)


def render(
    result: SpanResult, lemmas: Sequence[LemmaRecall], limit: int, misses: bool
) -> RenderableType:
    """The figures, recall per cue lemma and, with ``misses``, every missed gold span."""
    parts: list[RenderableType] = [figures_table(result), lemma_table(lemmas, limit)]
    if misses:
        parts.append(misses_list(result.misses()))
    return Group(*parts)
