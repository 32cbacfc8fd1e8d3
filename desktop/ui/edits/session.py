"""The article session: the open article and all that is shown of it,
kept equal to the library, and one signal announcing every change."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from desktop.core import regions
from desktop.core.model import Actor, Analysis, Annotation, Article, Tag
from desktop.services.view import article_view
from desktop.store.analyses import load_analysis
from desktop.store.annotations import annotations_overlapping, list_annotations
from desktop.store.articles import get_article
from desktop.store.tags import list_tags
from desktop.ui.edits.changes import Changes


class ArticleSession(QObject):
    """Owns the open article, its analysis and actors, its highlights and
    the codebook (no widgets).  ``publish(changes)`` brings this state up to
    date with the library, then ``changed`` tells every subscriber; each
    panel reads the parts the :class:`Changes` names."""

    changed = Signal(object)  # Changes

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.actors: list[Actor] = []
        self.quote_actor: list[int | None] = []
        self.annotations: list[Annotation] = []
        self.tags: list[Tag] = []  # read when the window publishes Changes(tags=True)
        # A team library: whose highlights are shown (None: everyone's) and
        # each coder's gutter colour (empty: the tags' colours).
        self.author: str | None = None
        self.coder_colours: dict[str, str] = {}

    @property
    def article_id(self) -> int | None:
        return self.article.id if self.article is not None else None

    # what is open --------------------------------------------------------------
    def open(self, article_id: int) -> None:
        """Open an article, without its analysis (see ``show_analysis``)."""
        self.article = get_article(article_id)
        self._clear_analysis()
        self.annotations = self._shown(list_annotations(article_id))
        self.changed.emit(Changes(article_id, opened=True, annotations=True))

    def close(self) -> None:
        """No article open (the library is empty)."""
        self.article = None
        self._clear_analysis()
        self.annotations = []
        self.changed.emit(Changes(None, opened=True, annotations=True))

    def _clear_analysis(self) -> None:
        self.analysis, self.actors, self.quote_actor = None, [], []

    def show_analysis(self, analysis: Analysis) -> None:
        """Show stored spans: the entities as the actors' types say, the
        quotes, and the actors."""
        if self.article is None or self.article.id is None:
            return
        view = article_view(self.article.id, analysis, text=self.article.text)
        assert view is not None
        self.analysis, self.actors, self.quote_actor = view.analysis, view.actors, view.quote_actor
        self.changed.emit(Changes(self.article.id, analysis=True))

    def reload_analysis(self) -> None:
        """Show the stored spans again after a correction (no spaCy run)."""
        if self.article is not None and self.article.id is not None:
            stored = load_analysis(self.article.id)
            if stored is not None:
                self.show_analysis(stored)

    def show_author(self, author: str | None) -> None:
        """Show only ``author``'s highlights (None: everyone's)."""
        self.author = author
        if self.article_id is not None:
            self.publish(Changes(self.article_id, annotations=True))

    def _shown(self, annotations: list[Annotation]) -> list[Annotation]:
        if self.author is None:
            return annotations
        return [a for a in annotations if a.author == self.author]

    # edits ---------------------------------------------------------------------
    def publish(self, changes: Changes) -> None:
        """Read again what ``changes`` says changed, then announce it."""
        if changes.tags:
            self.tags = list_tags()
        here = self.article_id is not None and changes.article_id == self.article_id
        if here and changes.details:
            self.article = get_article(changes.article_id)  # type: ignore[arg-type]
        if here and changes.highlights:
            changes = self._reload_highlights(changes)
        if here and changes.spans:
            stored = load_analysis(changes.article_id)  # type: ignore[arg-type]
            if stored is not None and self.article is not None:
                view = article_view(changes.article_id, stored, text=self.article.text)  # type: ignore[arg-type]
                assert view is not None
                self.analysis, self.actors, self.quote_actor = view.analysis, view.actors, view.quote_actor
                changes = replace(changes, analysis=True)
        self.changed.emit(changes)

    def _reload_highlights(self, changes: Changes) -> Changes:
        """Reload the highlights; for an edit of one stretch only those
        there (an edit in a long article then re-cuts a few pieces, not
        thousands), widening ``where`` to every piece whose look changes."""
        assert self.article_id is not None
        if changes.where is None or changes.tags:
            self.annotations = self._shown(list_annotations(self.article_id))
            return replace(changes, where=None)
        start, end = changes.where
        old = self.annotations
        here = self._shown(annotations_overlapping(self.article_id, start, end))
        self.annotations = regions.merge_region(old, here, start, end)
        spans = [(a.start, a.end) for a in (*regions.overlapping(old, start, end), *self.annotations)]
        return replace(changes, where=regions.closed_region(spans, start, end))
