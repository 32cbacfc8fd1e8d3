"""The coefficients against the krippendorff package, a reference Cohen's
kappa written out from its definition, and Krippendorff's worked example."""
from __future__ import annotations

import math
import random

import krippendorff
import pytest

from desktop.core.agreement import cohen_kappa, krippendorff_alpha_nominal, percent_agreement, span_f1

NAN = math.nan

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
# 4 observers, 12 units, missing values; nominal alpha = 0.743.
KRIPPENDORFF_EXAMPLE = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def units_of(rows: list[list]) -> list[tuple]:
    return list(zip(*rows, strict=True))


def package_alpha(rows: list[list]) -> float:
    data = [[NAN if v is None else v for v in row] for row in rows]
    return krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")


def reference_kappa(a: list, b: list) -> float:
    """Cohen (1960) from the contingency table, written independently."""
    pairs = [(x, y) for x, y in zip(a, b, strict=True) if x is not None and y is not None]
    n = len(pairs)
    categories = sorted({v for p in pairs for v in p}, key=repr)
    table = {(i, j): 0 for i in categories for j in categories}
    for x, y in pairs:
        table[(x, y)] += 1
    p_o = sum(table[(c, c)] for c in categories) / n
    p_e = sum(sum(table[(c, j)] for j in categories) * sum(table[(i, c)] for i in categories)
              for c in categories) / n**2
    return (p_o - p_e) / (1 - p_e)


def test_krippendorffs_worked_example_gives_0_743():
    figure = krippendorff_alpha_nominal(units_of(KRIPPENDORFF_EXAMPLE), coders=4)
    assert figure.value == pytest.approx(0.743, abs=5e-4)
    assert figure.value == pytest.approx(package_alpha(KRIPPENDORFF_EXAMPLE), abs=1e-9)
    assert figure.units == 11  # unit 12 has one value only: not pairable
    assert figure.coders == 4


def test_two_coders_with_known_agreement():
    # 10 tokens, the coders disagree on two: alpha, kappa and % from the books.
    a = [1, 1, 1, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 0, 0, 0, 0, 0, 1, 1, 0]
    rows = [a, b]
    assert percent_agreement(units_of(rows), 2).value == pytest.approx(0.8, abs=1e-12)
    assert krippendorff_alpha_nominal(units_of(rows), 2).value == pytest.approx(package_alpha(rows), abs=1e-9)
    kappa = cohen_kappa(a, b)
    # p_o = .8, p_e = .4*.4 + .6*.6 = .52, kappa = .28 / .48
    assert kappa.value == pytest.approx(0.28 / 0.48, abs=1e-12)
    assert kappa.value == pytest.approx(reference_kappa(a, b), abs=1e-9)
    assert (kappa.units, kappa.coders) == (10, 2)


def test_three_coders_with_missing_values_match_the_package():
    rows = [
        [0, 1, 1, 0, None, 1, 0, 0, 1, 1, 0, 0],
        [0, 1, 0, 0, 1, 1, 0, None, 1, 1, 0, 1],
        [1, 1, 1, 0, 1, None, 0, 0, 1, 0, None, 1],
    ]
    assert krippendorff_alpha_nominal(units_of(rows), 3).value == pytest.approx(package_alpha(rows), abs=1e-9)
    for i, j in ((0, 1), (0, 2), (1, 2)):
        assert cohen_kappa(rows[i], rows[j]).value == pytest.approx(reference_kappa(rows[i], rows[j]), abs=1e-9)


def test_random_reliability_data_match_the_references():
    rng = random.Random(17)
    for _ in range(40):
        coders, units = rng.randint(2, 5), rng.randint(5, 60)
        rows = [[rng.choice([None, "a", "b", "c", "c"]) for _ in range(units)] for _ in range(coders)]
        ours = krippendorff_alpha_nominal(units_of(rows), coders).value
        try:
            theirs = package_alpha([[{"a": 1, "b": 2, "c": 3}.get(v) for v in row] for row in rows])
        except ValueError:  # the package refuses data with one value only
            assert ours is None
            continue
        assert ours == pytest.approx(theirs, abs=1e-9)
        if sum(x is not None and y is not None for x, y in zip(rows[0], rows[1], strict=True)):
            try:
                expected = reference_kappa(rows[0], rows[1])
            except ZeroDivisionError:
                assert cohen_kappa(rows[0], rows[1]).value is None
                continue
            assert cohen_kappa(rows[0], rows[1]).value == pytest.approx(expected, abs=1e-9)


def test_perfect_agreement_on_one_value_is_undefined_not_one():
    rows = [[0, 0, 0], [0, 0, 0]]
    assert krippendorff_alpha_nominal(units_of(rows), 2).value is None
    assert percent_agreement(units_of(rows), 2).value == 1.0
    assert cohen_kappa(*rows).value is None


def test_span_f1_exact_and_overlapping():
    a = [(0, 10), (20, 30), (40, 50)]
    b = [(0, 10), (22, 30), (60, 70), (65, 80)]
    exact = span_f1(a, b, exact=True)
    assert exact.value == pytest.approx(2 * 1 / 7)
    assert (exact.units, exact.coders) == (7, 2)
    # A: 2 of 3 overlap something of B; B: 2 of 4 overlap something of A.
    assert span_f1(a, b, exact=False).value == pytest.approx(4 / 7)
    assert span_f1([], [], exact=True).value is None
