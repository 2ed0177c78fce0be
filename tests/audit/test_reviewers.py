"""Reviewer habits on small hand-checked inputs."""

from __future__ import annotations

from annotator.audit.agreement import FieldSpec
from annotator.audit.reviewers import clear_majority, reviewer_stats, runs
from annotator.store.audit import CurrentLabel

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
