"""Reviewer habits and detector scores on small hand-checked inputs."""

from __future__ import annotations

import pytest

from annotator.audit.agreement import FieldSpec
from annotator.audit.detector import detector_quality
from annotator.audit.reviewers import clear_majority, reviewer_stats, runs
from annotator.store.audit import CurrentLabel, MachineSuggestion

CRED = FieldSpec("credibility", "ordinal", (1, 2, 3, 4, 5))


def label(i: int, reviewer: str, **labels: object) -> CurrentLabel:
    return CurrentLabel(i, f"c{i % 100}", reviewer, dict(labels), None, f"2026-01-01T00:00:{i:02d}")


def test_runs_and_majority() -> None:
    assert runs([3, 3, 3, 2, 3, 3]) == [3, 1, 2]
    assert runs([1, True]) == [1, 1]  # a yes is not a 1
    assert clear_majority(["a", "a", "b"]) == "a"
    assert clear_majority(["a", "b"]) is None


def test_straight_lining_and_speed() -> None:
    ratings = [4] * 12 + [2] + [4] * 10
    labels = [label(i, "dan", credibility=v) for i, v in enumerate(ratings)]
    seconds = {("dan", f"c{i}"): float(i % 5) for i in range(len(ratings))}
    (dan,) = reviewer_stats(labels, seconds, {}, [CRED], fast=2.0)
    assert dan.longest_run == 12 and dan.runs_over_threshold == 2
    assert dan.fast_claims == sum(i % 5 < 2 for i in range(len(ratings)))
    assert dan.median_seconds == 2.0


def test_agreement_with_the_others_majority() -> None:
    labels = [
        label(1, "a", credibility=3),
        label(101, "b", credibility=3),
        label(201, "c", credibility=4),
    ]
    stats = {s.reviewer: s for s in reviewer_stats(labels, {}, {}, [CRED])}
    assert stats["c"].majority_agreement == 0.0  # a and b both said 3
    assert stats["a"].majority_compared == 0  # b and c tie: no majority to agree with


def test_detector_scores() -> None:
    machine = {
        f"c{i}": MachineSuggestion(f"c{i}", "art", t, flag, None, None)
        for i, (t, flag) in enumerate(
            [("anonymous", True), ("anonymous", True), ("named_person", False), ("document", True)]
        )
    }
    gold = {
        "c0": {"source_type": "anonymous", "anonymous_flag": True},
        "c1": {"source_type": "unnamed_person", "anonymous_flag": False},
        "c2": {"source_type": "named_person", "anonymous_flag": False},
        "c3": {"source_type": "document", "anonymous_flag": True},
    }
    quality = detector_quality(machine, gold)
    scores = {s.source_type: s for s in quality.scores}
    assert scores["anonymous"].precision == 0.5 and scores["anonymous"].recall == 1.0
    assert scores["unnamed_person"].recall == 0.0 and scores["unnamed_person"].precision is None
    assert quality.accuracy == pytest.approx(0.75)
    assert quality.anonymous_precision == pytest.approx(2 / 3)
    assert quality.anonymous_recall == 1.0
