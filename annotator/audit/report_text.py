"""The audit as Rich renderables: printed by `annotator audit` and shown by the TUI screen."""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from annotator.audit.agreement import MIN_SHARED_CLAIMS, PairKappa
from annotator.audit.chain import ChainReport
from annotator.audit.detector import Accuracy
from annotator.audit.report import AuditReport
from annotator.safe_text import plain

BAR_WIDTH = 20
TOO_FEW = "too few to judge"


def number(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def bar(value: float, most: float, width: int = BAR_WIDTH) -> Text:
    """A horizontal bar scaled so that `most` fills `width` cells."""
    cells = 0 if most <= 0 else round(width * value / most)
    return Text("█" * cells, style="cyan")


def chain_line(chain: ChainReport) -> Text:
    if chain.first_break is None and not chain.records:
        return Text.assemble(("History: ", "bold"), ("OK, no records yet", "green"))
    if chain.first_break is None:
        return Text.assemble(
            ("History: ", "bold"),
            (f"OK, {chain.records} records chained", "green"),
            plain(f" (head {chain.head[:16]})"),
        )
    broken = chain.first_break
    who = (
        ""
        if broken.claim_id is None
        else f" claim {broken.claim_id}, reviewer {broken.reviewer or ''},"
    )
    return Text.assemble(
        ("History: ", "bold"),
        plain(f"BROKEN at record {broken.id}:{who} {broken.problem}", "bold red"),
    )


def agreement_table(report: AuditReport) -> Table:
    table = Table(
        "field",
        "level",
        "claims",
        "alpha",
        "95% CI",
        "% agree",
        title="Agreement (claims with ≥2 reviewers)",
    )
    for field in report.agreement:
        ci = "—" if field.alpha_ci is None else f"{field.alpha_ci[0]:.2f} – {field.alpha_ci[1]:.2f}"
        table.add_row(
            plain(field.field),
            field.level,
            str(field.claims),
            number(field.alpha),
            ci,
            percent(field.percent_agreement),
        )
    return table


def kappa_text(pair: PairKappa) -> str:
    return TOO_FEW if pair.too_few else number(pair.kappa)


def kappa_table(report: AuditReport) -> Table:
    table = Table(
        "field",
        "reviewers",
        "kappa",
        "shared claims",
        title="Cohen's kappa per pair of reviewers",
        caption=f"A pair sharing fewer than {MIN_SHARED_CLAIMS} claims is too few to judge.",
    )
    for field in report.agreement:
        for pair in field.kappas:
            table.add_row(
                plain(field.field),
                plain(f"{pair.reviewer_a} · {pair.reviewer_b}"),
                kappa_text(pair),
                str(pair.claims),
            )
    return table


def disputes_line(report: AuditReport) -> Text:
    d = report.disputes
    questions = ", ".join(f"{name} {n}" for name, n in d.by_question.items())
    return Text.assemble(
        ("Disputes: ", "bold"),
        plain(
            f"{d.total} claims with a disputed question ({d.adjudicated} adjudicated); "
            f"by question: {questions or 'none adjudicated'}"
        ),
    )


def reviewer_table(report: AuditReport) -> Table:
    table = Table(
        "reviewer",
        "claims",
        "median s",
        "p10 s",
        f"< {report.fast_seconds:g} s",
        "kept machine",
        "longest run",
        "runs ≥10",
        "agrees w/ majority",
        title="Reviewers",
    )
    for r in report.reviewers:
        kept = "—" if not r.machine_compared else f"{r.machine_accepted}/{r.machine_compared}"
        table.add_row(
            plain(r.reviewer),
            str(r.claims),
            number(r.median_seconds, 1),
            number(r.p10_seconds, 1),
            str(r.fast_claims),
            kept,
            str(r.longest_run),
            str(r.runs_over_threshold),
            f"{percent(r.majority_agreement)} of {r.majority_compared}",
        )
    return table


def speed_bars(report: AuditReport) -> Table:
    table = Table("reviewer", "median seconds per claim", title="Speed", box=None)
    most = max((r.median_seconds or 0 for r in report.reviewers), default=0)
    for r in report.reviewers:
        line = bar(r.median_seconds or 0, most)
        line.append(f" {number(r.median_seconds, 1)}")
        table.add_row(plain(r.reviewer), line)
    return table


def distribution_tables(report: AuditReport) -> Iterator[Table]:
    names = [r.reviewer for r in report.reviewers]
    for field in report.agreement:
        values = sorted({v for r in report.reviewers for v in r.distribution.get(field.field, {})})
        if not values:
            continue
        table = Table("value", title=plain(f"Labels given: {field.field}"))
        for name in names:
            table.add_column(plain(name))
        most = max(r.distribution[field.field].get(v, 0) for r in report.reviewers for v in values)
        for value in values:
            cells = []
            for r in report.reviewers:
                n = r.distribution[field.field].get(value, 0)
                cells.append(bar(n, most, 10).append(f" {n}"))
            table.add_row(plain(value), *cells)
        yield table


def gold_text(figure: Accuracy) -> str:
    """Which gold a figure is against, where its claims' gold came from, and the ties."""
    ties = f"{figure.ties} tie" + ("" if figure.ties == 1 else "s")
    if figure.gold == "adjudicated":
        return (
            f"adjudicated gold where present, else majority ({figure.adjudicated} adjudicated, "
            f"{figure.majority} majority, {ties})"
        )
    return f"majority gold ({figure.claims} claims, {ties})"


def accuracy_text(figure: Accuracy) -> str:
    return (
        f"accuracy {percent(figure.accuracy)} with ties left out, "
        f"{percent(figure.accuracy_ties_as_errors)} with ties counted as errors"
    )


def detector_tables(report: AuditReport) -> Iterator[RenderableType]:
    d = report.detector
    yield Text("Detector vs gold", style="bold")
    for figure in d.accuracies:
        yield Text(f"  Source type against {gold_text(figure)}: {accuracy_text(figure)}")
    yield Text(
        f"  Anonymous flag against {d.gold} gold: precision {percent(d.anonymous_precision)}, "
        f"recall {percent(d.anonymous_recall)} ({d.anonymous_claims} claims, "
        f"{d.anonymous_ties} ties left out)"
    )
    # Spaces instead of underscores let the narrow column headers wrap.
    matrix = Table("gold ↓ machine →", title=f"Source type confusion matrix ({d.gold} gold)")
    for source_type in d.types:
        matrix.add_column(plain(source_type.replace("_", " ")))
    for name, row in zip(d.types, d.confusion, strict=True):
        matrix.add_row(plain(name), *[str(n) if n else "·" for n in row])
    yield matrix
    scores = Table(
        "source type",
        "precision",
        "recall",
        "gold",
        "suggested",
        "TP",
        "FP",
        "FN",
        "TN",
        title=f"Per type, against {d.gold} gold (each type against the rest)",
    )
    for s in d.scores:
        scores.add_row(
            plain(s.source_type),
            percent(s.precision),
            percent(s.recall),
            str(s.gold),
            str(s.suggested),
            str(s.true_positives),
            str(s.false_positives),
            str(s.false_negatives),
            str(s.true_negatives),
        )
    yield scores


# Short names keep the per-article shares readable in an 80-column terminal.
SHORT_TYPES = {
    "named_person": "person",
    "named_organization": "org",
    "document": "doc",
    "anonymous": "anon",
    "unnamed_person": "unnamed",
    "unnamed_group": "group",
    "unattributed": "none",
}


def article_table(report: AuditReport) -> Table:
    table = Table(
        "article",
        "claims",
        "share of claims per source",
        "anonymous cited",
        "single anon.",
        "reason given",
        title="Sourcing profile per article",
        caption="person/org: named · doc: document · anon: anonymous · unnamed: one unnamed "
        "person · group: unnamed people · none: unattributed",
    )
    for a in report.articles:
        shares = " ".join(
            f"{SHORT_TYPES.get(t, t)} {100 * s:.0f}%" for t, s in a.source_shares.items()
        )
        reason = "—" if not a.anonymous_claims else f"{a.reason_given_claims}/{a.anonymous_claims}"
        table.add_row(
            plain(a.title or a.article_id, overflow="fold"),
            str(a.claims),
            plain(shares),
            "yes" if a.cites_anonymous else "no",
            str(a.single_anonymous_claims),
            reason,
        )
    return table


def renderables(report: AuditReport) -> list[RenderableType]:
    head = Text.assemble(
        ("Audit of ", "bold"),
        plain(
            f"{report.database}: schema {report.schema}, {report.claims_labelled} claims "
            f"labelled, {report.claims_multi} by two or more reviewers"
        ),
    )
    return [
        head,
        chain_line(report.chain),
        disputes_line(report),
        agreement_table(report),
        kappa_table(report),
        reviewer_table(report),
        speed_bars(report),
        *distribution_tables(report),
        *detector_tables(report),
        article_table(report),
    ]


def print_report(report: AuditReport, console: Console) -> None:
    console.print(Group(*renderables(report)))
