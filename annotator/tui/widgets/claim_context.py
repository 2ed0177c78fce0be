"""The claim's paragraph, with the claim, its source, cue and anonymity evidence marked."""

from __future__ import annotations

from textual.widgets import Static

from annotator.store import ReviewClaim
from annotator.tui.marked import Mark, marked
from annotator.tui.widgets import styles


class ClaimContext(Static):
    """Article text around the current claim (attributes down: set with `show`)."""

    def show(self, claim: ReviewClaim) -> None:
        base = claim.context_start
        marks: list[Mark] = [(claim.start - base, claim.end - base, styles.CLAIM)]
        marks += [(e.start - base, e.end - base, styles.EVIDENCE) for e in claim.evidence]
        for span, style in (
            (claim.resolved_to, styles.RESOLVED),
            (claim.relayed_by, styles.RELAYED),
            (claim.cue, styles.CUE),
            (claim.source, styles.SOURCE),
        ):
            if span is not None:
                marks.append((span.start - base, span.end - base, style))
        self.update(marked(claim.context, marks))
