"""Comparing two coders' highlights of one article, as plain data.

Each of A's and B's highlights lands in one item:

- ``agreed``: the same boundaries and the same tags;
- ``different tag``: the same boundaries, other tags;
- ``different boundaries``: overlapping highlights whose boundaries differ
  (tags may differ too: both are shown);
- ``only A`` / ``only B``: a highlight the other coder has nothing over.

Overlapping highlights are paired greedily: a shared tag first, then the
largest overlap.  The curated layer is the coder ``CURATION``.
"""
from __future__ import annotations

from dataclasses import dataclass

from desktop.core.model import Annotation

CURATION = "curation"

AGREED = "agreed"
DIFFERENT_TAG = "different tag"
DIFFERENT_BOUNDARIES = "different boundaries"
ONLY_A = "only A"
ONLY_B = "only B"
DISAGREEMENTS = (ONLY_A, ONLY_B, DIFFERENT_TAG, DIFFERENT_BOUNDARIES)

OPEN = "open"
ACCEPTED = "accepted"
REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Item:
    """One place where the coders agree or not; ``a``/``b`` are the coders'
    highlights (None for the coder who has none there)."""

    kind: str
    a: Annotation | None
    b: Annotation | None

    @property
    def start(self) -> int:
        return min(h.start for h in (self.a, self.b) if h is not None)

    @property
    def end(self) -> int:
        return max(h.end for h in (self.a, self.b) if h is not None)

    @property
    def is_disagreement(self) -> bool:
        return self.kind != AGREED


def _same_tags(a: Annotation, b: Annotation) -> bool:
    return sorted(t.casefold() for t in a.tags) == sorted(t.casefold() for t in b.tags)


def compare(a: list[Annotation], b: list[Annotation]) -> list[Item]:
    """The items of two coders' highlights of one article, in text order."""
    items: list[Item] = []
    left, right = list(a), list(b)
    for x in list(left):  # the same boundaries first
        twin = next((y for y in right if (y.start, y.end) == (x.start, x.end) and _same_tags(x, y)), None)
        twin = twin or next((y for y in right if (y.start, y.end) == (x.start, x.end)), None)
        if twin is not None:
            items.append(Item(AGREED if _same_tags(x, twin) else DIFFERENT_TAG, x, twin))
            left.remove(x)
            right.remove(twin)
    pairs = sorted(
        ((_shares_tag(x, y), min(x.end, y.end) - max(x.start, y.start), i, j)
         for i, x in enumerate(left) for j, y in enumerate(right) if x.start < y.end and y.start < x.end),
        key=lambda p: (-p[0], -p[1], p[2], p[3]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _shared, _overlap, i, j in pairs:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            items.append(Item(DIFFERENT_BOUNDARIES, left[i], right[j]))
    items += [Item(ONLY_A, x, None) for i, x in enumerate(left) if i not in used_a]
    items += [Item(ONLY_B, None, y) for j, y in enumerate(right) if j not in used_b]
    return sorted(items, key=lambda it: (it.start, it.end, it.kind))


def _shares_tag(x: Annotation, y: Annotation) -> bool:
    return bool({t.casefold() for t in x.tags} & {t.casefold() for t in y.tags})


def status(item: Item, curated: list[Annotation], rejected: set[tuple[int, int]]) -> str:
    """Whether the curator settled the item: ``accepted`` when the curated
    layer has a highlight over it, ``rejected`` when its range was rejected,
    else ``open``."""
    if any(c.start < item.end and item.start < c.end for c in curated):
        return ACCEPTED
    if (item.start, item.end) in rejected:
        return REJECTED
    return OPEN


def accepted_copy(item: Item, which: str) -> list[Annotation]:
    """The curated highlights for "accept A", "accept B" or "accept both"
    (``which`` is "a", "b" or "both"): copies under the coder ``CURATION``,
    notes kept; "both" on the same boundaries gives one highlight with the
    tags of both."""
    chosen = {"a": [item.a], "b": [item.b], "both": [item.a, item.b]}[which]
    present = [h for h in chosen if h is not None]
    if not present:
        return []
    if len(present) == 2 and (present[0].start, present[0].end) == (present[1].start, present[1].end):
        x, y = present
        tags = list(dict.fromkeys([*x.tags, *y.tags]))
        note = "\n\n".join(dict.fromkeys(n for n in (x.note, y.note) if n.strip()))
        return [Annotation(x.start, x.end, tags, note, CURATION)]
    return [Annotation(h.start, h.end, list(h.tags), h.note, CURATION) for h in present]
