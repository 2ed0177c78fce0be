"""The claim's paragraph, with the claim, its source, cue and anonymity evidence marked,
and below it every piece of evidence with its one-line reason."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from annotator.store import ReviewClaim
from annotator.tui.marked import Mark, literal, marked
from annotator.tui.widgets import styles

# Evidence rules about anonymity (the flag a reviewer most often corrects) are highlighted.
ANONYMITY_RULES = ("anon",)


def is_anonymity(rule: str) -> bool:
    return rule.startswith(ANONYMITY_RULES)


class ClaimContext(Static):
    """Article text around the current claim (attributes down: set with `show`)."""

    def show(self, claim: ReviewClaim) -> None:
        base = claim.context_start
        marks: list[Mark] = [(claim.start - base, claim.end - base, styles.CLAIM)]
        marks += [
            (e.start - base, e.end - base, styles.EVIDENCE)
            for e in claim.evidence
            if is_anonymity(e.rule)
        ]
        for span, style in (
            (claim.resolved_to, styles.RESOLVED),
            (claim.relayed_by, styles.RELAYED),
            (claim.cue, styles.CUE),
            (claim.source, styles.SOURCE),
        ):
            if span is not None:
                marks.append((span.start - base, span.end - base, style))
        lines = [marked(claim.context, marks)]
        if claim.evidence:
            lines.append(Content(""))
        for evidence in sorted(claim.evidence, key=lambda e: not is_anonymity(e.rule)):
            anonymity = is_anonymity(evidence.rule)
            lines.append(
                Content.assemble(("▍", styles.EVIDENCE_BAR if anonymity else styles.DIM))
                + literal(evidence.text, styles.EVIDENCE if anonymity else "bold")
                + Content(": ")
                + literal(evidence.why)
                + Content.styled(f"  ({evidence.rule})", styles.DIM)
            )
        self.update(Content("\n").join(lines))
