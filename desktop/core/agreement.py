"""Reliability coefficients as pure functions over plain values.

Units are lists of values, one per coder, ``None`` where a coder gave no
value.  Only units with two or more values are "pairable" and count.
Nothing here knows about articles or highlights: ``agreement_report``
turns codings into units.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

Unit = Sequence[Hashable | None]


@dataclass(frozen=True, slots=True)
class Figure:
    """One coefficient with what stands behind it: ``units`` pairable units
    (tokens, or spans for F1) and ``coders`` coders.  ``value`` is None when
    the coefficient is undefined (no unit, or no variation at all)."""

    value: float | None
    units: int
    coders: int

    def as_dict(self) -> dict[str, float | int | None]:
        return {"value": self.value, "units": self.units, "coders": self.coders}


Counted = Mapping[tuple, int]  # each distinct unit and how many units are like it


def count_units(units: Iterable[Unit]) -> Counted:
    """Identical units counted together (at C speed): a text has thousands
    of tokens but few distinct units."""
    return Counter(map(tuple, units))


def _patterns(counted: Counted) -> Counter[tuple[tuple[Hashable, int], ...]]:
    """Pairable units grouped by how many coders gave each value."""
    patterns: Counter[tuple[tuple[Hashable, int], ...]] = Counter()
    for unit, times in counted.items():
        counts = Counter(v for v in unit if v is not None)
        if sum(counts.values()) >= 2:
            patterns[tuple(sorted(counts.items(), key=repr))] += times
    return patterns


def krippendorff_alpha_nominal(units: Iterable[Unit], coders: int | None = None) -> Figure:
    """Krippendorff's alpha for nominal data (see ``alpha_of_counted``)."""
    return alpha_of_counted(count_units(units), coders)


def alpha_of_counted(counted: Counted, coders: int | None = None) -> Figure:
    """Krippendorff's alpha for nominal data, from the coincidence matrix
    (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"):
    alpha = 1 - (n - 1) * D_o / D_e with D_o = sum over units of the
    disagreeing pairs / (m_u - 1) and D_e = sum_{c != k} n_c n_k."""
    n_c: Counter[Hashable] = Counter()
    observed = 0.0
    units_count = 0
    for pattern, times in _patterns(counted).items():
        m_u = sum(c for _, c in pattern)
        same = sum(c * (c - 1) for _, c in pattern)
        observed += times * (m_u * (m_u - 1) - same) / (m_u - 1)
        for value, c in pattern:
            n_c[value] += times * c
        units_count += times
    n = sum(n_c.values())
    expected = n * n - sum(c * c for c in n_c.values())
    coders = coders if coders is not None else 0
    if units_count == 0 or expected == 0:
        return Figure(None, units_count, coders)
    return Figure(1.0 - (n - 1) * observed / expected, units_count, coders)


def percent_agreement(units: Iterable[Unit], coders: int | None = None) -> Figure:
    """The share of agreeing coder pairs (see ``percent_of_counted``)."""
    return percent_of_counted(count_units(units), coders)


def percent_of_counted(counted: Counted, coders: int | None = None) -> Figure:
    """The share of agreeing coder pairs over all pairs of values in the
    pairable units (for two coders: the share of units they agree on)."""
    agree = pairs = 0
    units_count = 0
    for pattern, times in _patterns(counted).items():
        m_u = sum(c for _, c in pattern)
        agree += times * sum(c * (c - 1) // 2 for _, c in pattern)
        pairs += times * m_u * (m_u - 1) // 2
        units_count += times
    return Figure(agree / pairs if pairs else None, units_count, coders or 0)


def cohen_kappa(a: Sequence[Hashable | None], b: Sequence[Hashable | None]) -> Figure:
    """Cohen's kappa of two coders (see ``kappa_of_table``)."""
    return kappa_of_table(Counter(zip(a, b, strict=True)))


def kappa_of_table(table: Mapping[tuple[Hashable | None, Hashable | None], int]) -> Figure:
    """Cohen's kappa from the contingency table of two coders' values (None
    where a coder gave none; those units do not count):
    (p_o - p_e) / (1 - p_e), p_e from each coder's own marginals."""
    pairs = {(x, y): n for (x, y), n in table.items() if x is not None and y is not None}
    n = sum(pairs.values())
    if n == 0:
        return Figure(None, 0, 2)
    p_o = sum(c for (x, y), c in pairs.items() if x == y) / n
    left: Counter[Hashable] = Counter()
    right: Counter[Hashable] = Counter()
    for (x, y), c in pairs.items():
        left[x] += c
        right[y] += c
    p_e = sum(left[v] * right.get(v, 0) for v in left) / (n * n)
    if p_e == 1.0:
        return Figure(None, n, 2)
    return Figure((p_o - p_e) / (1.0 - p_e), n, 2)


Interval = tuple[int, int]


def span_f1(a: Sequence[Interval], b: Sequence[Interval], exact: bool) -> Figure:
    """Pairwise F1 of two coders' spans: with ``exact``, a span matches a
    span of the other coder with the same boundaries; otherwise one it
    overlaps.  F1 = (matched spans of A + matched spans of B) / (|A| + |B|),
    which for exact matching is 2 * matches / (|A| + |B|).  Units: spans."""
    total = len(a) + len(b)
    if total == 0:
        return Figure(None, 0, 2)
    if exact:
        matched = 2 * sum((Counter(a) & Counter(b)).values())
    else:
        matched = _overlapping(a, b) + _overlapping(b, a)
    return Figure(matched / total, total, 2)


def _overlapping(spans: Sequence[Interval], others: Sequence[Interval]) -> int:
    return sum(any(s < oe and os_ < e for os_, oe in others) for s, e in spans)
