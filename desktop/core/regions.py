"""Which stretch of an article an edit to its highlights touches.

Overlapping highlights are drawn as pieces cut at every edge, each with the
blend of the highlights covering it, so changing one highlight can change
the look of its neighbours.  After an edit the reader re-cuts only the
stretch that no untouched highlight crosses, and reloads only the
highlights in it.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.core.model import Annotation


def closed_region(spans: Iterable[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """Widen ``start``–``end`` until none of ``spans`` crosses its edges:
    every span either overlaps the region wholly or lies outside it."""
    spans = list(spans)
    while True:
        lo, hi = start, end
        for a, b in spans:
            if a < end and b > start:
                lo, hi = min(lo, a), max(hi, b)
        if (lo, hi) == (start, end):
            return start, end
        start, end = lo, hi


def merge_region(
    old: Sequence[Annotation], fresh: Sequence[Annotation], start: int, end: int
) -> list[Annotation]:
    """The highlights after an edit: ``old`` with those overlapping
    ``start``–``end`` replaced by ``fresh`` (the stored highlights that now
    overlap it), in text order as the store lists them."""
    kept = [a for a in old if a.end <= start or a.start >= end]
    return sorted([*kept, *fresh], key=lambda a: (a.start, a.id or 0))


def overlapping(annotations: Iterable[Annotation], start: int, end: int) -> list[Annotation]:
    return [a for a in annotations if a.start < end and a.end > start]
