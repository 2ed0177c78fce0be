"""The machine suggestion: type, anonymity flag, confidence, and the mentions behind them.

The evidence lines sit under the paragraph (ClaimContext), where there is room to scroll.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from annotator.records import Span
from annotator.store import ReviewClaim
from annotator.tui.marked import literal
from annotator.tui.widgets import styles


def _mention(label: str, span: Span | None, style: str) -> Content:
    if span is None:
        return Content("")
    return Content(f"{label} “") + literal(span.text, style) + Content("”  ")


class SuggestionPanel(Static):
    """What extraction suggested for the current claim, and why."""

    def show(self, claim: ReviewClaim) -> None:
        flag = "yes" if claim.anonymous_flag else "no"
        reason = {None: "-", True: "yes", False: "no"}[claim.anonymity_reason_given]
        lines = [
            Content.assemble(
                ("Machine: ", "bold"),
                (claim.source_type, styles.SOURCE),
                f" · anonymous {flag} · reason given {reason} · confidence {claim.confidence:.2f}",
            ),
            _mention("source", claim.source, styles.SOURCE)
            + _mention("cue", claim.cue, styles.CUE)
            + _mention("relayed by", claim.relayed_by, styles.RELAYED),
        ]
        if claim.resolved_to is not None and claim.source is not None:
            lines.append(
                _mention("source", claim.source, styles.SOURCE)
                + Content("refers to ")
                + literal(claim.resolved_to.text, styles.RESOLVED)
            )
        shown = Content("\n").join(line for line in lines if line.plain)
        self.update(shown, layout=False)  # fixed height (app.tcss)
