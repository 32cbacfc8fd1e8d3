"""Curation: settling two coders' disagreements into the curated layer
(the coder ``curation``).  Every operation is one transaction and returns
a ``CurationChange`` that ``undo`` reverts, so the UI wraps each in one undo
command."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from desktop.core.curation import AGREED, CURATION, OPEN, Item, accepted_copy, compare, status
from desktop.core.errors import StoreError
from desktop.core.model import Annotation
from desktop.store.annotations import add_annotation, delete_annotation, list_annotations
from desktop.store.curation import add_rejection, rejections, remove_rejections
from desktop.store.models import db


@dataclass(slots=True)
class CurationChange:
    article_id: int
    added: list[int] = field(default_factory=list)  # curated highlights added
    removed: list[Annotation] = field(default_factory=list)  # curated highlights removed, whole
    rejected: list[tuple[int, int]] = field(default_factory=list)  # rejections added
    unrejected: list[tuple[int, int]] = field(default_factory=list)  # rejections removed


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two coders' items on one article, each with its curation status."""

    article_id: int
    coder_a: str
    coder_b: str
    items: list[tuple[Item, str]]

    def disagreements(self) -> list[tuple[Item, str]]:
        return [(i, s) for i, s in self.items if i.is_disagreement]


def by_coder(article_id: int, coder: str) -> list[Annotation]:
    return [a for a in list_annotations(article_id) if a.author == coder]


def comparison(article_id: int, coder_a: str, coder_b: str) -> Comparison:
    if coder_a == coder_b:
        raise StoreError("choose two different coders to compare.")
    items = compare(by_coder(article_id, coder_a), by_coder(article_id, coder_b))
    curated, rejected = by_coder(article_id, CURATION), rejections(article_id)
    return Comparison(article_id, coder_a, coder_b, [(i, status(i, curated, rejected)) for i in items])


def settle(article_id: int, start: int, end: int, curated: list[Annotation], reject: bool = False) -> CurationChange:
    """Replace the curated layer's decision over ``start``–``end``: its
    highlights and rejections there go, ``curated`` (or a rejection) comes."""
    change = CurationChange(article_id)
    with db.atomic():
        for old in by_coder(article_id, CURATION):
            if old.start < end and start < old.end:
                change.removed.append(delete_annotation(old.id))  # type: ignore[arg-type]
        change.unrejected = remove_rejections(article_id, start, end)
        for highlight in curated:
            change.added.append(add_annotation(article_id, replace(highlight, author=CURATION, id=None)))
        if reject and add_rejection(article_id, start, end):
            change.rejected.append((start, end))
    return change


def accept(article_id: int, item: Item, which: str) -> CurationChange:
    """Accept A's (``"a"``), B's (``"b"``) or both coders' (``"both"``) highlights."""
    chosen = accepted_copy(item, which)
    if not chosen:
        other = "B" if which == "a" else "A"
        raise StoreError(f"coder {which.upper()} has no highlight here: accept {other}'s or reject.")
    return settle(article_id, item.start, item.end, chosen)


def edit(article_id: int, item: Item, start: int, end: int, tags: list[str], note: str = "") -> CurationChange:
    """Settle the item with a highlight of the curator's own making."""
    if not tags:
        raise StoreError("a curated highlight needs at least one tag.")
    return settle(article_id, min(start, item.start), max(end, item.end),
                  [Annotation(start, end, list(tags), note, CURATION)])


def reject(article_id: int, item: Item) -> CurationChange:
    """Settle the item as "none of it": nothing of it in the curated layer."""
    return settle(article_id, item.start, item.end, [], reject=True)


def accept_all_agreed(article_id: int, coder_a: str, coder_b: str) -> CurationChange:
    """Copy every agreed highlight not settled yet into the curated layer."""
    change = CurationChange(article_id)
    with db.atomic():
        for item, state in comparison(article_id, coder_a, coder_b).items:
            if item.kind == AGREED and state == OPEN:
                for highlight in accepted_copy(item, "a"):
                    change.added.append(add_annotation(article_id, highlight))
    return change


def undo(change: CurationChange) -> None:
    """Put the curated layer back as it was before ``change``."""
    with db.atomic():
        for annotation_id in change.added:
            delete_annotation(annotation_id)
        for old in change.removed:
            add_annotation(change.article_id, old)
        for start, end in change.rejected:
            remove_rejections(change.article_id, start, end)
        for start, end in change.unrejected:
            add_rejection(change.article_id, start, end)
