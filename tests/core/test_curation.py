"""Two coders' highlights sorted into agreed items and disagreements."""
from __future__ import annotations

from desktop.core.curation import (
    AGREED,
    CURATION,
    DIFFERENT_BOUNDARIES,
    DIFFERENT_TAG,
    ONLY_A,
    ONLY_B,
    Item,
    accepted_copy,
    compare,
)
from desktop.core.model import Annotation


def h(start: int, end: int, *tags: str, who: str = "ann", note: str = "") -> Annotation:
    return Annotation(start, end, list(tags), note, who)


def test_each_kind_of_disagreement():
    a = [h(0, 10, "Claim"), h(20, 30, "Claim"), h(40, 50, "Claim"), h(60, 70, "Evidence")]
    b = [h(0, 10, "Claim", who="bob"), h(20, 30, "Opinion", who="bob"), h(38, 52, "Claim", who="bob"),
         h(80, 90, "Opinion", who="bob")]
    items = compare(a, b)
    assert [(i.kind, i.start, i.end) for i in items] == [
        (AGREED, 0, 10), (DIFFERENT_TAG, 20, 30), (DIFFERENT_BOUNDARIES, 38, 52), (ONLY_A, 60, 70), (ONLY_B, 80, 90),
    ]
    assert [i.is_disagreement for i in items] == [False, True, True, True, True]


def test_overlaps_pair_by_shared_tag_first():
    a = [h(0, 20, "Claim")]
    b = [h(0, 15, "Opinion", who="bob"), h(5, 12, "Claim", who="bob")]
    items = compare(a, b)
    paired = next(i for i in items if i.kind == DIFFERENT_BOUNDARIES)
    assert paired.b is not None and paired.b.tags == ["Claim"]
    assert [i.kind for i in items if i.b is not None and i.b.tags == ["Opinion"]] == [ONLY_B]


def test_accept_both_on_one_span_merges_tags_and_notes():
    item = Item(DIFFERENT_TAG, h(0, 5, "Claim", note="a says"), h(0, 5, "Opinion", who="bob", note="b says"))
    (one,) = accepted_copy(item, "both")
    assert (one.start, one.end, one.tags, one.author) == (0, 5, ["Claim", "Opinion"], CURATION)
    assert one.note == "a says\n\nb says"
    assert [x.tags for x in accepted_copy(item, "b")] == [["Opinion"]]
    assert accepted_copy(Item(ONLY_A, h(0, 5, "Claim"), None), "b") == []
