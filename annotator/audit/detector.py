"""How well the machine's suggestions match the reviewers' gold labels."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from annotator.records import SOURCE_TYPES
from annotator.store.audit import MachineSuggestion


@dataclass(frozen=True)
class TypeScore:
    source_type: str
    precision: float | None  # None when the machine never suggested this type
    recall: float | None  # None when the gold never has this type
    gold: int
    suggested: int


@dataclass(frozen=True)
class DetectorQuality:
    claims: int  # claims with a gold source type and a machine suggestion
    types: tuple[str, ...]  # row and column order of the confusion matrix
    confusion: tuple[tuple[int, ...], ...]  # [gold][machine]
    scores: tuple[TypeScore, ...]
    accuracy: float | None
    anonymous_claims: int  # claims with a gold anonymous flag
    anonymous_precision: float | None
    anonymous_recall: float | None


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def detector_quality(
    machine: Mapping[str, MachineSuggestion], gold: Mapping[str, Mapping[str, Any]]
) -> DetectorQuality:
    pairs = [
        (labels["source_type"], machine[claim].source_type)
        for claim, labels in gold.items()
        if claim in machine and isinstance(labels.get("source_type"), str)
    ]
    extra = sorted({t for pair in pairs for t in pair} - set(SOURCE_TYPES))
    types = (*SOURCE_TYPES, *extra)
    index = {t: i for i, t in enumerate(types)}
    matrix = [[0] * len(types) for _ in types]
    for gold_type, machine_type in pairs:
        matrix[index[gold_type]][index[machine_type]] += 1
    scores = []
    for i, source_type in enumerate(types):
        hit = matrix[i][i]
        gold_n = sum(matrix[i])
        suggested = sum(row[i] for row in matrix)
        scores.append(
            TypeScore(source_type, _ratio(hit, suggested), _ratio(hit, gold_n), gold_n, suggested)
        )
    flags = [
        (labels["anonymous_flag"], machine[claim].anonymous_flag)
        for claim, labels in gold.items()
        if claim in machine and isinstance(labels.get("anonymous_flag"), bool)
    ]
    true_pos = sum(g and m for g, m in flags)
    return DetectorQuality(
        claims=len(pairs),
        types=types,
        confusion=tuple(tuple(row) for row in matrix),
        scores=tuple(scores),
        accuracy=_ratio(sum(g == m for g, m in pairs), len(pairs)),
        anonymous_claims=len(flags),
        anonymous_precision=_ratio(true_pos, sum(m for _, m in flags)),
        anonymous_recall=_ratio(true_pos, sum(g for g, _ in flags)),
    )
