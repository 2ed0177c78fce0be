"""The claim's paragraph, with the claim, its source, cue and anonymity evidence marked,
and the evidence behind the flags below it: folded into one line, or every piece with its
one-line reason when unfolded."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from annotator.records import Evidence
from annotator.store import ReviewClaim
from annotator.tui.marked import Mark, literal, marked
from annotator.tui.trim import ELLIPSIS, unwrap, window
from annotator.tui.widgets import styles

# Evidence rules about anonymity (the flag a reviewer most often corrects) are highlighted.
ANONYMITY_RULES = ("anon",)

Offsets = tuple[int, int]


def is_anonymity(rule: str) -> bool:
    return rule.startswith(ANONYMITY_RULES)


# Share of the panel's cells that word-wrapped text fills, on average.
FILL = 0.85
FALLBACK_SIZE = (76, 6)  # before the first layout


@dataclass(frozen=True)
class ContextView:
    """What the paragraph shows: the source and cue as answered now, the span being
    edited, and whether it is folded (trimmed to the panel, evidence on one line)."""

    source: Offsets | None
    cue: Offsets | None
    editing: Offsets | None = None
    folded: bool = True


class ClaimContext(Static):
    """Article text around the current claim (attributes down: set with `show`)."""

    def show(self, claim: ReviewClaim, view: ContextView) -> None:
        text = unwrap(claim.context)
        base = claim.context_start
        marks = self._marks(claim, view)
        whole = marked(text, marks)
        evidence = self._unfolded(claim) if claim.evidence else None
        if not view.folded or self._fits(whole, evidence):
            self.update(whole if evidence is None else Content("\n").join([whole, evidence]))
            return
        keep = [(claim.start, claim.end)]
        if view.editing is not None:
            keep.append(view.editing)
        left, right = window(
            text,
            min(s for s, _ in keep) - base,
            max(e for _, e in keep) - base,
            self._budget(lines_taken=1 if claim.evidence else 0),
        )
        shown = marked(text[left:right], [(s - left, e - left, style) for s, e, style in marks])
        if left > 0:
            shown = Content(ELLIPSIS) + shown
        if right < len(text):
            shown += Content(ELLIPSIS)
        lines = [shown]
        if claim.evidence:
            lines.append(self._folded(claim))
        self.update(Content("\n").join(lines))

    def _marks(self, claim: ReviewClaim, view: ContextView) -> list[Mark]:
        """The styled stretches of the context: offsets relative to its start."""
        base = claim.context_start
        marks: list[Mark] = [(claim.start - base, claim.end - base, styles.CLAIM)]
        marks += [
            (e.start - base, e.end - base, styles.EVIDENCE)
            for e in claim.evidence
            if is_anonymity(e.rule)
        ]
        for machine, style in (
            (claim.resolved_to, styles.RESOLVED),
            (claim.relayed_by, styles.RELAYED),
        ):
            if machine is not None:
                marks.append((machine.start - base, machine.end - base, style))
        for span, style in (
            (view.cue, styles.CUE),
            (view.source, styles.SOURCE),
            (view.editing, styles.EDITING),
        ):
            if span is not None:
                marks.append((span[0] - base, span[1] - base, style))
        return marks

    def _area(self) -> tuple[int, int]:
        """(width, height) the text is drawn in."""
        area = self.parent.size if isinstance(self.parent, Widget) else None
        if area is None or not area.height or not self.size.width:
            return FALLBACK_SIZE
        return self.size.width, area.height

    def _fits(self, text: Content, evidence: Content | None) -> bool:
        """Whether the paragraph and every piece of evidence fit without scrolling.

        Counted line by line at 90% of the width, for what word wrapping wastes: cheaper
        than wrapping, which this is asked for on every claim.
        """
        width, height = self._area()
        plain = text.plain if evidence is None else f"{text.plain}\n{evidence.plain}"
        room = max(1, int(width * 0.9))
        return sum(len(line) // room + 1 for line in plain.split("\n")) <= height

    def _budget(self, lines_taken: int) -> int:
        """How many characters of text fit in the panel beside `lines_taken` lines."""
        width, height = self._area()
        return max(40, int(max(1, height - lines_taken) * max(20, width) * FILL))

    @staticmethod
    def _ordered(claim: ReviewClaim) -> list[Evidence]:
        return sorted(claim.evidence, key=lambda e: not is_anonymity(e.rule))

    def _folded(self, claim: ReviewClaim) -> Content:
        """The first piece of evidence on one line, after how many more `i` shows."""
        first, *rest = self._ordered(claim)
        more = f"+{len(rest)} more (i)  " if rest else "(i)  "
        line = _evidence_line(first, Content.styled(more, styles.DIM))
        return line.truncate(self._area()[0], ellipsis=True)

    def _unfolded(self, claim: ReviewClaim) -> Content:
        lines = [Content("")]
        lines += [
            _evidence_line(e) + Content.styled(f"  ({e.rule})", styles.DIM)
            for e in self._ordered(claim)
        ]
        return Content("\n").join(lines)


def _evidence_line(evidence: Evidence, prefix: Content | None = None) -> Content:
    """▍ the evidence's words (on one line, highlighted for anonymity): why it counts."""
    anonymity = is_anonymity(evidence.rule)
    return (
        Content.styled("▍", styles.EVIDENCE_BAR if anonymity else styles.DIM)
        + (prefix or Content(""))
        + literal(" ".join(evidence.text.split()), styles.EVIDENCE if anonymity else "bold")
        + Content(": ")
        + literal(" ".join(evidence.why.split()))
    )
