"""Agreement figures against published reference values (not against this code's output)."""

from __future__ import annotations

import krippendorff
import numpy as np
import pytest

from annotator.audit.agreement import (
    FieldSpec,
    Level,
    alpha_from_coincidences,
    alpha_from_counts,
    bootstrap_alpha_ci,
    cohen_kappa,
    field_agreement,
    fields_from_schema,
    percent_agreement,
    unit_coincidences,
    value_counts,
)
from annotator.labels import LabelSchema

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# 4 observers x 12 units, missing values as None. Published nominal alpha = 0.743.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
OBSERVERS = ["A", "B", "C", "D"]


def reliability_ratings() -> dict[str, dict[str, object]]:
    return {
        f"unit{u}": {
            OBSERVERS[o]: KRIPPENDORFF_2011[o][u]
            for o in range(4)
            if KRIPPENDORFF_2011[o][u] is not None
        }
        for u in range(12)
    }


def test_nominal_alpha_matches_krippendorff_2011() -> None:
    result = field_agreement(reliability_ratings(), FieldSpec("x", "nominal", (1, 2, 3, 4, 5)))
    assert result.alpha == pytest.approx(0.743, abs=5e-4)
    assert result.claims == 11  # unit 12 has one value only: not pairable


def test_ordinal_alpha_matches_the_same_data() -> None:
    # 0.815: the ordinal value for this data in the krippendorff package's documented example.
    counts = value_counts(reliability_ratings(), FieldSpec("x", "ordinal", (1, 2, 3, 4, 5)))
    assert alpha_from_counts(counts, "ordinal") == pytest.approx(0.815, abs=5e-4)


def test_cohen_kappa_matches_the_wikipedia_example() -> None:
    # Wikipedia "Cohen's kappa": 50 grant proposals; yes/yes 20, yes/no 5, no/yes 10, no/no 15.
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.40)


def test_kappa_is_undefined_when_chance_agreement_is_total() -> None:
    assert cohen_kappa([("a", "a"), ("a", "a")]) is None
    assert cohen_kappa([]) is None


def test_percent_agreement_pools_pairs_of_values() -> None:
    # Unit 1: three equal values (3 agreeing pairs of 3); unit 2: two different (0 of 1).
    counts = np.array([[3, 0], [1, 1]])
    assert percent_agreement(counts) == pytest.approx(3 / 4)


def test_bootstrap_interval_is_deterministic_and_brackets_alpha() -> None:
    counts = value_counts(reliability_ratings(), FieldSpec("x", "nominal", (1, 2, 3, 4, 5)))
    first = bootstrap_alpha_ci(counts, "nominal", resamples=300)
    assert first == bootstrap_alpha_ci(counts, "nominal", resamples=300)
    assert first is not None
    assert first[0] <= 0.743 <= first[1]


def test_cant_judge_is_missing_on_the_credibility_scale(schema: LabelSchema) -> None:
    specs = {s.name: s for s in fields_from_schema(schema)}
    assert specs["credibility"].level == "ordinal"
    assert specs["credibility"].domain == (1, 2, 3, 4, 5)
    assert specs["source_type"].level == "nominal"
    assert "note" not in specs
    ratings = {"c1": {"a": 3, "b": "cant_judge"}, "c2": {"a": 2, "b": 2}, "c3": {"a": 4, "b": 5}}
    result = field_agreement(ratings, specs["credibility"], resamples=50)
    assert result.claims == 2  # c1 has one usable value


def test_no_variation_gives_no_alpha() -> None:
    result = field_agreement(
        {"c": {"a": True, "b": True}}, FieldSpec("f", "nominal", (False, True))
    )
    assert result.alpha is None
    assert result.percent_agreement == 1.0


@pytest.mark.parametrize("level", ["nominal", "ordinal"])
def test_bootstrap_alpha_equals_the_package_on_resampled_units(level: Level) -> None:
    """The vectorised alpha used for resamples agrees with krippendorff.alpha."""
    rng = np.random.default_rng(1)
    for _ in range(20):
        units = int(rng.integers(3, 30))
        counts = np.zeros((units, 5))
        for u in range(units):
            for _ in range(int(rng.integers(2, 5))):
                counts[u, int(np.clip(rng.normal(2, 1.2), 0, 4))] += 1
        weights = rng.integers(0, 3, units)
        stacked = (weights[:, None] * unit_coincidences(counts).reshape(units, -1)).sum(axis=0)
        mine = alpha_from_coincidences(stacked.reshape(1, 5, 5), level)[0]
        resample = np.repeat(counts, weights, axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            reference = krippendorff.alpha(value_counts=resample, level_of_measurement=level)
        assert mine == pytest.approx(reference, nan_ok=True)
