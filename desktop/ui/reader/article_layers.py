"""The open article in the reader: its text, and the entity and quote
layers with the legend above them, drawn from the session."""
from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.core import labels
from desktop.ui.edits.changes import Changes
from desktop.ui.edits.session import ArticleSession
from desktop.ui.reader import layers
from desktop.ui.reader.legend import LegendBar
from desktop.ui.reader.view import ReaderView

EMPTY_LIBRARY = "The library is empty. Drop files or folders here, or use File > Import files…"


class ArticleLayers(QObject):
    """Subscribe it first: the other panels draw on the text it sets."""

    def __init__(self, session: ArticleSession, reader: ReaderView, legend: LegendBar, hidden: set[str]) -> None:
        super().__init__(session)
        self.session, self.reader, self.legend = session, reader, legend
        self.hidden_labels = hidden
        session.changed.connect(self._changed)
        reader.themeChanged.connect(lambda _theme: self.paint())
        legend.labelToggled.connect(self.set_label_visible)

    def _changed(self, changes: Changes) -> None:
        if changes.opened:
            article = self.session.article
            if article is None:
                self.reader.set_placeholder(EMPTY_LIBRARY)
            else:
                self.reader.set_article(article)
            self.legend.set_labels({}, self.hidden_labels)
        if changes.details and changes.article_id == self.session.article_id and self.session.article:
            self.reader.set_header(self.session.article)
        if changes.analysis and changes.article_id == self.session.article_id:
            self.paint()
            self.reader.set_layer("focus", [])

    def paint(self) -> None:
        analysis, article, theme = self.session.analysis, self.session.article, self.reader.theme
        if analysis is None or article is None:
            return
        self.reader.set_layer("entities", layers.entity_layer(analysis, self.hidden_labels, theme))
        self.reader.set_layer("quotes", layers.quote_layer(article.text, analysis.quotes, theme))
        self.legend.set_labels(layers.label_counts(analysis), self.hidden_labels, theme)

    def set_label_visible(self, label: str, visible: bool) -> None:
        (self.hidden_labels.discard if visible else self.hidden_labels.add)(label)
        if self.session.analysis is not None:
            entities = layers.entity_layer(self.session.analysis, self.hidden_labels, self.reader.theme)
            self.reader.set_layer("entities", entities)

    def show_only(self, shown: frozenset[str] | None) -> None:
        """Reading mode: draw only the ``shown`` labels (None: every label)."""
        self.hidden_labels.clear()
        if shown is not None:
            self.hidden_labels |= labels.hidden_except(shown)
        self.paint()
