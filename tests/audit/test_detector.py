"""The detector against the gold: ties counted, the gold used said, per-type matrices."""

from __future__ import annotations

import pytest

from annotator.audit.detector import detector_quality
from annotator.audit.gold_view import gold_view
from annotator.store.audit import CurrentLabel, MachineSuggestion

# claim: (machine source type, {reviewer: source type})
CLAIMS = {
    "c0": ("anonymous", {"a": "anonymous", "b": "anonymous"}),  # majority, right
    "c1": ("named_person", {"a": "named_person", "b": "document"}),  # tie
    "c2": ("document", {"a": "document"}),  # one reviewer, right
    "c3": ("unattributed", {"a": "named_person", "b": "named_person", "c": "unattributed"}),
    "c4": ("anonymous", {"a": "unnamed_person", "b": "anonymous"}),  # tie, adjudicated below
    "c5": ("unnamed_group", {"a": "unnamed_group", "b": "unnamed_person"}),  # tie
}
ADJUDICATED = {"c4": "anonymous"}


def machine() -> dict[str, MachineSuggestion]:
    return {
        claim: MachineSuggestion(claim, "art", suggested, suggested == "anonymous", None, None)
        for claim, (suggested, _) in CLAIMS.items()
    }


def labels() -> list[CurrentLabel]:
    return [
        CurrentLabel(0, claim, reviewer, {"source_type": t}, None, "2026-01-01T00:00:00")
        for claim, (_, given) in CLAIMS.items()
        for reviewer, t in given.items()
    ]


def adjudications() -> dict[str, CurrentLabel]:
    return {
        claim: CurrentLabel(0, claim, "ed", {"source_type": t}, "checked", "2026-01-02T00:00:00")
        for claim, t in ADJUDICATED.items()
    }


def test_ties_are_counted_and_can_count_as_errors() -> None:
    """Majority gold: c0 right, c2 right, c3 wrong; c1, c4, c5 tied.

    Ties left out: 2 of 3. Ties counted as errors: 2 of 6.
    """
    view = gold_view(labels(), adjudications(), "majority")
    assert view.ties("source_type") == {"c1", "c4", "c5"}
    (figure,) = detector_quality(machine(), [view], "majority").accuracies
    assert (figure.claims, figure.ties, figure.adjudicated, figure.majority) == (3, 3, 0, 3)
    assert figure.accuracy == pytest.approx(2 / 3)
    assert figure.accuracy_ties_as_errors == pytest.approx(2 / 6)


def test_adjudicated_gold_comes_first_and_settles_its_tie() -> None:
    """Adjudicated where present: c4 is decided (anonymous, the machine is right), so
    3 of 4 are right with ties (c1, c5) left out, 3 of 6 with ties counted as errors."""
    views = [
        gold_view(labels(), adjudications(), "adjudicated"),
        gold_view(labels(), adjudications(), "majority"),
    ]
    quality = detector_quality(machine(), views, "adjudicated")
    adjudicated, majority = quality.accuracies
    assert (adjudicated.gold, majority.gold) == ("adjudicated", "majority")
    assert (adjudicated.claims, adjudicated.adjudicated, adjudicated.majority) == (4, 1, 3)
    assert adjudicated.ties == 2
    assert adjudicated.accuracy == pytest.approx(3 / 4)
    assert adjudicated.accuracy_ties_as_errors == pytest.approx(3 / 6)
    assert quality.figure is adjudicated


def test_each_type_keeps_its_confusion_matrix() -> None:
    """Against adjudicated gold, 4 claims: (gold, machine) = (anonymous, anonymous) twice,
    (document, document), (named_person, unattributed)."""
    view = gold_view(labels(), adjudications(), "adjudicated")
    quality = detector_quality(machine(), [view], "adjudicated")
    scores = {s.source_type: s for s in quality.scores}
    anonymous = scores["anonymous"]
    assert (anonymous.true_positives, anonymous.false_positives) == (2, 0)
    assert (anonymous.false_negatives, anonymous.true_negatives) == (0, 2)
    person = scores["named_person"]
    assert (person.true_positives, person.false_negatives, person.true_negatives) == (0, 1, 3)
    assert person.recall == 0.0 and person.precision is None
    unattributed = scores["unattributed"]
    assert (unattributed.false_positives, unattributed.true_negatives) == (1, 3)
    assert unattributed.precision == 0.0 and unattributed.recall is None
    row, column = quality.types.index("named_person"), quality.types.index("unattributed")
    assert quality.confusion[row][column] == 1


def test_anonymous_flag_scores() -> None:
    flags = {"c0": True, "c1": False, "c2": False, "c3": True}  # machine: True, False, ...
    gold = [
        CurrentLabel(0, claim, "a", {"anonymous_flag": flag}, None, "2026-01-01T00:00:00")
        for claim, flag in flags.items()
    ]
    quality = detector_quality(machine(), [gold_view(gold, {}, "majority")], "majority")
    # Machine flags c0 (anonymous) only: one true positive, no false positive, c3 missed.
    assert quality.anonymous_claims == 4
    assert quality.anonymous_precision == 1.0
    assert quality.anonymous_recall == 0.5
