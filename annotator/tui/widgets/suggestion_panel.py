"""The machine suggestion on one line: type, anonymity flag, reason, confidence, outlet.

The source and cue it found are the starting answers of the span questions (shown in
the questions panel and marked in the paragraph); the evidence sits under the paragraph.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from annotator.store import ReviewClaim
from annotator.tui.marked import literal
from annotator.tui.widgets import styles


class SuggestionPanel(Static):
    """What extraction suggested for the current claim."""

    def show(self, claim: ReviewClaim) -> None:
        flag = "yes" if claim.anonymous_flag else "no"
        reason = {None: "-", True: "yes", False: "no"}[claim.anonymity_reason_given]
        line = Content.assemble(
            ("Machine: ", "bold"),
            (claim.source_type, styles.SOURCE),
            f" · anonymous {flag} · reason {reason} · confidence {claim.confidence:.2f}",
        )
        if claim.relayed_by is not None:
            line += Content(" · via ") + literal(claim.relayed_by.text, styles.RELAYED)
        width = max(20, self.size.width - 2) if self.size.width else 200
        self.update(line.truncate(width, ellipsis=True), layout=False)  # fixed height
