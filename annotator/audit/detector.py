"""How well the machine's suggestions match the reviewers' gold labels.

Claims where reviewers split with no majority (and no adjudication settles them) have
no gold source type: they are counted as `ties`, and accuracy is given both with ties
left out and with every tie counted as a detector error, so a split never flatters it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.audit.gold_view import GoldView
from annotator.gold import GoldMethod
from annotator.records import SOURCE_TYPES
from annotator.store.audit import MachineSuggestion

SOURCE_TYPE = "source_type"
ANONYMOUS_FLAG = "anonymous_flag"


@dataclass(frozen=True)
class TypeScore:
    """One source type against the rest: its own confusion matrix, precision and recall."""

    source_type: str
    precision: float | None  # None when the machine never suggested this type
    recall: float | None  # None when the gold never has this type
    gold: int
    suggested: int
    true_positives: int  # gold and machine both this type
    false_positives: int  # machine this type, gold another
    false_negatives: int  # gold this type, machine another
    true_negatives: int  # neither


@dataclass(frozen=True)
class Accuracy:
    """The machine's source type against one kind of gold."""

    gold: GoldMethod  # "adjudicated": an adjudication where there is one, else the majority
    claims: int  # claims with a gold source type and a machine suggestion
    adjudicated: int  # of `claims`, those whose gold is an adjudicator's decision
    majority: int  # of `claims`, those whose gold is the reviewers' majority
    ties: int  # claims with a machine suggestion and tied reviewers: no gold
    accuracy: float | None  # ties left out
    accuracy_ties_as_errors: float | None  # ties counted as detector errors


@dataclass(frozen=True)
class DetectorQuality:
    gold: GoldMethod  # the gold the confusion matrix, the scores and the flag are against
    accuracies: tuple[Accuracy, ...]  # adjudicated gold first where any claim has one
    types: tuple[str, ...]  # row and column order of the confusion matrix
    confusion: tuple[tuple[int, ...], ...]  # [gold][machine]
    scores: tuple[TypeScore, ...]
    anonymous_claims: int  # claims with a gold anonymous flag
    anonymous_ties: int  # claims with tied reviewers on the flag: left out
    anonymous_precision: float | None
    anonymous_recall: float | None

    @property
    def figure(self) -> Accuracy:
        """The accuracy against the gold of the confusion matrix."""
        return next(a for a in self.accuracies if a.gold == self.gold)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def source_type_pairs(
    machine: Mapping[str, MachineSuggestion], gold: GoldView
) -> list[tuple[str, str, str]]:
    """(claim, gold type, machine type) of every claim with both."""
    return [
        (claim, labels[SOURCE_TYPE], machine[claim].source_type)
        for claim, labels in gold.labels.items()
        if claim in machine and isinstance(labels.get(SOURCE_TYPE), str)
    ]


def accuracy(machine: Mapping[str, MachineSuggestion], gold: GoldView) -> Accuracy:
    pairs = source_type_pairs(machine, gold)
    ties = len(gold.ties(SOURCE_TYPE) & machine.keys())
    correct = sum(g == m for _, g, m in pairs)
    adjudicated = sum(claim in gold.adjudicated for claim, _, _ in pairs)
    return Accuracy(
        gold=gold.method,
        claims=len(pairs),
        adjudicated=adjudicated,
        majority=len(pairs) - adjudicated,
        ties=ties,
        accuracy=_ratio(correct, len(pairs)),
        accuracy_ties_as_errors=_ratio(correct, len(pairs) + ties),
    )


def type_scores(types: Sequence[str], matrix: Sequence[Sequence[int]]) -> tuple[TypeScore, ...]:
    total = sum(map(sum, matrix))
    scores = []
    for i, source_type in enumerate(types):
        hit = matrix[i][i]
        gold_n = sum(matrix[i])
        suggested = sum(row[i] for row in matrix)
        scores.append(
            TypeScore(
                source_type,
                precision=_ratio(hit, suggested),
                recall=_ratio(hit, gold_n),
                gold=gold_n,
                suggested=suggested,
                true_positives=hit,
                false_positives=suggested - hit,
                false_negatives=gold_n - hit,
                true_negatives=total - gold_n - suggested + hit,
            )
        )
    return tuple(scores)


def detector_quality(
    machine: Mapping[str, MachineSuggestion], views: Sequence[GoldView], gold: GoldMethod
) -> DetectorQuality:
    """The detector against each view's gold (in the order given), with the confusion
    matrix, the per-type scores and the anonymous flag against the view of `gold` (the
    first view when none has that method)."""
    chosen = next((v for v in views if v.method == gold), views[0])
    pairs = source_type_pairs(machine, chosen)
    extra = sorted({t for _, g, m in pairs for t in (g, m)} - set(SOURCE_TYPES))
    types = (*SOURCE_TYPES, *extra)
    index = {t: i for i, t in enumerate(types)}
    matrix = [[0] * len(types) for _ in types]
    for _, gold_type, machine_type in pairs:
        matrix[index[gold_type]][index[machine_type]] += 1
    flags = [
        (labels[ANONYMOUS_FLAG], machine[claim].anonymous_flag)
        for claim, labels in chosen.labels.items()
        if claim in machine and isinstance(labels.get(ANONYMOUS_FLAG), bool)
    ]
    true_pos = sum(g and m for g, m in flags)
    return DetectorQuality(
        gold=chosen.method,
        accuracies=tuple(accuracy(machine, view) for view in views),
        types=types,
        confusion=tuple(tuple(row) for row in matrix),
        scores=type_scores(types, matrix),
        anonymous_claims=len(flags),
        anonymous_ties=len(chosen.ties(ANONYMOUS_FLAG) & machine.keys()),
        anonymous_precision=_ratio(true_pos, sum(m for _, m in flags)),
        anonymous_recall=_ratio(true_pos, sum(g for g, _ in flags)),
    )
