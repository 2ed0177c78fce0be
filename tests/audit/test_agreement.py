"""Agreement figures against published reference values (not against this code's output)."""

from __future__ import annotations

import dataclasses

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
from annotator.audit.span_agreement import difference, span_units
from annotator.labels import LabelSchema, Question

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


# A hand-worked ordinal example (values 1 < 2 < 3), two reviewers per claim:
# claims (1,1) (1,2) (2,3) (3,3) (3,3). Value totals n1 = 3, n2 = 2, n3 = 5, n = 10.
# Coincidences off the diagonal: o12 = o21 = 1, o23 = o32 = 1.
# Ordinal differences (sum of n_g from c to k, less half of n_c and n_k, squared):
#   d12 = (3 + 2 - 2.5)^2 = 6.25, d23 = (2 + 5 - 3.5)^2 = 12.25, d13 = (10 - 4)^2 = 36.
# Observed: 2 * 6.25 + 2 * 12.25 = 37. Expected: 2 * (3*2*6.25 + 2*5*12.25 + 3*5*36) = 1400.
# alpha = 1 - (n - 1) * 37 / 1400 = 1 - 333/1400 = 1067/1400 = 0.7621...
# Nominal on the same data: observed 4, expected 10^2 - (9 + 4 + 25) = 62, alpha = 1 - 36/62.
# Interval would give 1 - 36/152 = 0.7632: a different number, so the level is the ordinal one.
HAND_WORKED = {"u1": (1, 1), "u2": (1, 2), "u3": (2, 3), "u4": (3, 3), "u5": (3, 3)}


def test_ordinal_alpha_matches_a_hand_worked_example() -> None:
    ratings = {unit: {"a": x, "b": y} for unit, (x, y) in HAND_WORKED.items()}
    ordinal = field_agreement(ratings, FieldSpec("x", "ordinal", (1, 2, 3)), resamples=10)
    assert ordinal.alpha == pytest.approx(1067 / 1400)
    nominal = field_agreement(ratings, FieldSpec("x", "nominal", (1, 2, 3)), resamples=10)
    assert nominal.alpha == pytest.approx(1 - 36 / 62)


def test_the_credibility_scale_is_ordinal_by_its_kind(schema: LabelSchema) -> None:
    ratings = {unit: {"a": x, "b": y} for unit, (x, y) in HAND_WORKED.items()}
    (credibility,) = [s for s in fields_from_schema(schema) if s.name == "credibility"]
    # The scale's domain is 1-5: values nobody gave change no difference between 1, 2, 3.
    assert field_agreement(ratings, credibility, resamples=10).alpha == pytest.approx(1067 / 1400)


def span(start: int, end: int) -> dict[str, int]:
    return {"start": start, "end": end}


# A hand-worked span example, one article, two reviewers per claim:
#   claim 1: 0-10 and 0-5 (overlap 5 of 10: difference 0.5); claim 2: no span twice;
#   claim 3: 20-30 twice. n = 6 answers: 2 nulls, 4 spans.
# Observed: claim 1 gives 2 * 0.5 / (2 - 1) = 1; the others 0.
# Expected, over all ordered pairs: null against span 2 * 2 * 4 = 16; span pairs: 0-10/0-5
# 0.5, the two 20-30 0, the four other pairs 1 each: (0.5 + 4) * 2 = 9. Total 25.
# alpha = 1 - (6 - 1) * 1 / 25 = 0.8. Exactly equal pairs: claims 2 and 3 of 3.
SPANS = {
    "c1": {"a": span(0, 10), "b": span(0, 5)},
    "c2": {"a": None, "b": None},
    "c3": {"a": span(20, 30), "b": span(20, 30)},
}


def test_span_alpha_matches_a_hand_worked_example() -> None:
    result = field_agreement(
        SPANS,
        FieldSpec("source_span", "span", ()),
        resamples=50,
        article_of=dict.fromkeys(SPANS, "art"),
    )
    assert result.level == "span" and result.claims == 3
    assert result.alpha == pytest.approx(0.8)
    assert result.percent_agreement == pytest.approx(2 / 3)
    assert result.alpha_ci is not None


def test_spans_of_two_articles_never_overlap() -> None:
    """The same offsets in two articles are two different stretches of text."""
    ratings = {
        "c1": {"a": span(0, 10), "b": span(0, 10)},
        "c2": {"a": span(0, 10), "b": None},
    }
    spec = FieldSpec("source_span", "span", ())
    one = field_agreement(ratings, spec, resamples=10, article_of={"c1": "x", "c2": "x"})
    two = field_agreement(ratings, spec, resamples=10, article_of={"c1": "x", "c2": "y"})
    # n = 4, observed 2 (claim 2: null against a span, twice).
    # One article: expected = null/span 2*1*3 = 6, spans all equal: 0 -> 1 - 3*2/6 = 0.
    # Two articles: spans of c2 differ from c1's by 1: 6 + 2*2 = 10 -> 1 - 3*2/10 = 0.4.
    assert one.alpha == pytest.approx(0.0)
    assert two.alpha == pytest.approx(0.4)


def package_span_alpha(ratings: dict[str, dict[str, object]], article_of: dict[str, str]) -> float:
    """krippendorff.alpha over every distinct (article, span) value, with the overlap
    difference as its metric: the reference for the article-by-article computation."""
    keyed = {
        c: {r: None if v is None else (article_of[c], v["start"], v["end"]) for r, v in by.items()}  # type: ignore[index]
        for c, by in ratings.items()
    }
    domain: list[tuple[str, int, int] | None] = []
    for by in keyed.values():
        domain += [v for v in by.values() if v not in domain]
    data = np.full((3, len(keyed)), np.nan)
    for u, by in enumerate(keyed.values()):
        for r, v in by.items():
            data["xyz".index(r), u] = domain.index(v)

    def one(a: int, b: int) -> float:
        x, y = domain[a], domain[b]
        if x is None or y is None or x[0] != y[0]:
            return 0.0 if x is y else 1.0
        return difference(x[1:], y[1:])

    def metric(v1, v2, i1, i2, n_v, dtype=np.float64):  # type: ignore[no-untyped-def]
        return np.vectorize(one)(*np.broadcast_arrays(i1, i2))

    with np.errstate(divide="ignore", invalid="ignore"):
        return float(
            krippendorff.alpha(
                reliability_data=data,
                value_domain=np.arange(len(domain)),
                level_of_measurement=metric,
            )
        )


def test_span_alpha_equals_the_package_with_an_overlap_metric() -> None:
    """The article-by-article computation agrees with krippendorff.alpha."""
    rng = np.random.default_rng(7)
    for _ in range(15):
        ratings: dict[str, dict[str, object]] = {}
        article_of = {}
        for c in range(int(rng.integers(3, 9))):
            article_of[f"c{c}"] = str(rng.choice(["a", "b"]))
            ratings[f"c{c}"] = {}
            for r in "xyz"[: int(rng.integers(2, 4))]:
                start = int(rng.integers(0, 20))
                end = start + int(rng.integers(1, 9))
                ratings[f"c{c}"][r] = None if rng.random() < 0.25 else span(start, end)
        mine = span_units(ratings, article_of).alpha()
        reference = package_span_alpha(ratings, article_of)
        assert (mine if mine is not None else np.nan) == pytest.approx(reference, nan_ok=True)


def test_a_span_question_is_compared_by_overlap(schema: LabelSchema) -> None:
    """A question of kind "span" (the review issue's source_span) gets the span level."""
    source_span = Question("source_span", "span", "Where the source is.", adjudicate=True)
    with_span = dataclasses.replace(schema, questions=(*schema.questions, source_span))
    levels = {s.name: s.level for s in fields_from_schema(with_span)}
    assert levels["source_span"] == "span"
    assert levels["credibility"] == "ordinal" and levels["source_type"] == "nominal"


# Two reviewers, yes/no, 10 shared claims: yes/yes 4, yes/no 1, no/no 5.
# p_o = 0.9; p_e = 0.5 * 0.4 + 0.5 * 0.6 = 0.5; kappa = (0.9 - 0.5) / 0.5 = 0.8.
TEN = [("y", "y")] * 4 + [("y", "n")] + [("n", "n")] * 5


def test_kappa_per_pair_needs_ten_shared_claims() -> None:
    spec = FieldSpec("f", "nominal", ("y", "n"))
    ratings = {f"c{i}": {"a": x, "b": y} for i, (x, y) in enumerate(TEN)}
    (pair,) = field_agreement(ratings, spec, resamples=10).kappas
    assert (pair.claims, pair.too_few) == (10, False)
    assert pair.kappa == pytest.approx(0.8)
    del ratings["c9"]
    (pair,) = field_agreement(ratings, spec, resamples=10).kappas
    assert (pair.claims, pair.too_few, pair.kappa) == (9, True, None)
