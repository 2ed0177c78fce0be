"""The audit as one self-contained HTML file: inline CSS, inline SVG charts, no script.

Everything that came from the data (titles, reviewer names, values) is html-escaped and
cleaned of control characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from annotator.audit.agreement import MIN_SHARED_CLAIMS
from annotator.audit.report import FORMAT, AuditReport
from annotator.audit.report_text import accuracy_text, gold_text, kappa_text, number, percent
from annotator.audit.svg import bar_chart, escape, heatmap

CSS = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: .6em 0 1.2em; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.ok { color: #1a7f37; font-weight: bold; } .broken { color: #b00; font-weight: bold; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; } svg.chart { font-family: inherit; }
"""


def _cell(value: object) -> str:
    text = str(value)
    numeric = text.replace(".", "", 1).replace("%", "").replace("-", "", 1).isdigit()
    return f'<td class="n">{escape(text)}</td>' if numeric else f"<td>{escape(text)}</td>"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _history(report: AuditReport) -> str:
    chain = report.chain
    if chain.first_break is None:
        return (
            f'<p class="ok">OK: {chain.records} records chained.</p>'
            f"<p>Head hash <code>{escape(chain.head)}</code></p>"
        )
    b = chain.first_break
    who = "" if b.claim_id is None else f", claim {b.claim_id}, reviewer {b.reviewer or ''}"
    return f'<p class="broken">BROKEN at record {b.id}{escape(who)}: {escape(b.problem)}</p>'


def _agreement(report: AuditReport) -> str:
    rows = [
        (
            f.field,
            f.level,
            f.claims,
            number(f.alpha),
            "—" if f.alpha_ci is None else f"{f.alpha_ci[0]:.3f} – {f.alpha_ci[1]:.3f}",
            percent(f.percent_agreement),
        )
        for f in report.agreement
    ]
    kappas = [
        (f.field, p.reviewer_a, p.reviewer_b, kappa_text(p), p.claims)
        for f in report.agreement
        for p in f.kappas
    ]
    return (
        table(
            ["field", "level", "claims", "Krippendorff's alpha", "95% CI (bootstrap)", "% agree"],
            rows,
        )
        + "<h3>Cohen's kappa per pair</h3>"
        + table(["field", "reviewer", "reviewer", "kappa", "shared claims"], kappas)
        + f"<p>A pair sharing fewer than {MIN_SHARED_CLAIMS} claims is too few to judge.</p>"
    )


def _disputes(report: AuditReport) -> str:
    d = report.disputes
    return (
        f"<p>{d.total} claims with a disputed question, {d.adjudicated} of them adjudicated.</p>"
        + table(["question", "claims disputed"], d.by_question.items())
    )


def _reviewers(report: AuditReport) -> str:
    rows = [
        (
            r.reviewer,
            r.claims,
            number(r.median_seconds, 1),
            number(r.p10_seconds, 1),
            r.fast_claims,
            f"{r.machine_accepted}/{r.machine_compared}",
            r.longest_run,
            r.runs_over_threshold,
            f"{percent(r.majority_agreement)} of {r.majority_compared}",
        )
        for r in report.reviewers
    ]
    headers = [
        "reviewer",
        "claims",
        "median s",
        "p10 s",
        f"< {report.fast_seconds:g} s",
        "kept machine",
        "longest credibility run",
        "runs ≥ 10",
        "agrees with majority",
    ]
    names = [r.reviewer for r in report.reviewers]
    speed = bar_chart(
        "Seconds per claim (median, 10th percentile)",
        names,
        ["median", "p10"],
        [[r.median_seconds or 0, r.p10_seconds or 0] for r in report.reviewers],
        " s",
    )
    return table(headers, rows) + f'<div class="charts">{speed}</div>'


def _distributions(report: AuditReport) -> str:
    names = [r.reviewer for r in report.reviewers]
    charts = []
    for field in report.agreement:
        values = sorted({v for r in report.reviewers for v in r.distribution.get(field.field, {})})
        if values:
            counts = [
                [r.distribution[field.field].get(v, 0) for r in report.reviewers] for v in values
            ]
            charts.append(bar_chart(f"Labels given: {field.field}", values, names, counts))
    return f'<div class="charts">{"".join(charts)}</div>'


def _detector(report: AuditReport) -> str:
    d = report.detector
    figures = "".join(
        f"<li>Source type against {escape(gold_text(f))}: {escape(accuracy_text(f))}.</li>"
        for f in d.accuracies
    )
    summary = (
        f"<ul>{figures}<li>Anonymous flag against {escape(d.gold)} gold: precision "
        f"{percent(d.anonymous_precision)}, recall {percent(d.anonymous_recall)} over "
        f"{d.anonymous_claims} claims ({d.anonymous_ties} ties left out).</li></ul>"
    )
    matrix = heatmap(
        f"Source type: {d.gold} gold (rows) vs machine (columns)", d.types, d.types, d.confusion
    )
    scores = table(
        ["source type", "precision", "recall", "gold", "suggested"],
        [
            (s.source_type, percent(s.precision), percent(s.recall), s.gold, s.suggested)
            for s in d.scores
        ],
    )
    per_type = "".join(
        heatmap(
            f"{s.source_type}: gold (rows) vs machine (columns)",
            [s.source_type, "other"],
            [s.source_type, "other"],
            [[s.true_positives, s.false_negatives], [s.false_positives, s.true_negatives]],
            left=130,
            top=110,
        )
        for s in d.scores
    )
    return (
        summary
        + f'<div class="charts">{matrix}{scores}</div>'
        + "<h3>Each type against the rest</h3>"
        + f'<div class="charts">{per_type}</div>'
    )


def _articles(report: AuditReport) -> str:
    rows = [
        (
            a.title or a.article_id,
            a.claims,
            ", ".join(f"{t} {100 * s:.0f}%" for t, s in a.source_shares.items()),
            "yes" if a.cites_anonymous else "no",
            a.single_anonymous_claims,
            "—" if not a.anonymous_claims else f"{a.reason_given_claims}/{a.anonymous_claims}",
            f"{a.from_gold}/{a.claims}",
        )
        for a in report.articles
    ]
    return table(
        [
            "article",
            "claims",
            "share per source type",
            "cites anonymous sources",
            "claims on a single anonymous source",
            "reason for anonymity given",
            "labels from reviewers",
        ],
        rows,
    )


def report_html(report: AuditReport) -> str:
    sections = [
        ("History (hash chain)", _history(report)),
        ("Disputes (claims that need adjudication)", _disputes(report)),
        ("Agreement (claims with two or more reviewers)", _agreement(report)),
        ("Reviewers", _reviewers(report)),
        ("Label distributions", _distributions(report)),
        ("Detector against the reviewers", _detector(report)),
        ("Sourcing profile per article", _articles(report)),
    ]
    body = "".join(f"<h2>{escape(title)}</h2>{html}" for title, html in sections)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="generator" content="{FORMAT}">'
        f"<title>Audit of {escape(report.database)}</title>"
        f"<style>{CSS}</style></head><body>"
        f"<h1>Audit of {escape(report.database)}</h1>"
        f"<p>Schema {escape(report.schema)}; {report.claims_labelled} claims labelled, "
        f"{report.claims_multi} by two or more reviewers.</p>{body}</body></html>\n"
    )
