"""Bringing coders together without a server: another coder's highlights
of an article the library already holds are added beside the ones there,
under their own coder's name."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from desktop.core.model import ArticleBundle, Tag
from desktop.services.bundles import add_missing_tags
from desktop.store.annotations import add_annotation, list_annotations


def _key(start: int, end: int, author: str, tags: list[str]) -> tuple:
    # Not the note: re-importing an old export of one's own highlights must
    # not double them because a note was edited since.
    return (start, end, author, tuple(sorted(t.casefold() for t in tags)))


def merge_highlights(article_id: int, bundle: ArticleBundle) -> int:
    """Add the bundle's highlights the article does not hold yet (the same
    boundaries, coder and tags count as held); the codebook gains the
    tags they need.  Returns how many were added.  Runs inside the caller's
    transaction."""
    held = {_key(a.start, a.end, a.author, a.tags) for a in list_annotations(article_id)}
    new = [a for a in bundle.annotations if _key(a.start, a.end, a.author, a.tags) not in held]
    if not new:
        return 0
    named = {t.name.casefold() for t in bundle.tags}
    extra = [Tag(n) for a in new for n in a.tags if n.casefold() not in named]
    add_missing_tags([*bundle.tags, *extra])
    for annotation in new:
        add_annotation(article_id, replace(annotation, id=None))
        held.add(_key(annotation.start, annotation.end, annotation.author, annotation.tags))
    return len(new)


def only_coder(bundle: ArticleBundle, coder: str) -> ArticleBundle:
    """The bundle with one coder's highlights only (e.g. the curated layer)."""
    return replace(bundle, annotations=[a for a in bundle.annotations if a.author == coder])


def coder_exporter(coder: str) -> Callable[..., list[str]]:
    """An export function like the export dialog's default one
    (``ids, fmt, path, progress, cancelled``) that writes one coder's
    highlights only: the export dialog's "Highlights of: <coder>" choice."""
    from desktop.formats.exporters import LazyBundles, export
    from desktop.services.bundles import load_bundle

    def run(ids: Sequence[int], fmt: str, path: Path, progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> list[str]:
        bundles = LazyBundles(list(ids), lambda article_id: only_coder(load_bundle(article_id), coder))
        return export(bundles, fmt, path, progress, cancelled)

    return run
