"""The Quotes dock at work: filled from the session; a chosen quote is
shown in the reader."""
from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.ui.edits.changes import Changes
from desktop.ui.edits.session import ArticleSession
from desktop.ui.quotes.quotes_dock import QuotesDock
from desktop.ui.reader import layers
from desktop.ui.reader.view import ReaderView


class QuoteTools(QObject):
    def __init__(self, session: ArticleSession, dock: QuotesDock, reader: ReaderView) -> None:
        super().__init__(session)
        self.session, self.dock, self.reader = session, dock, reader
        session.changed.connect(self._changed)
        dock.quoteChosen.connect(self.show_quote)

    def _changed(self, changes: Changes) -> None:
        article = self.session.article
        if changes.opened:
            self.dock.set_quotes(article.text if article else "", [])
            self.dock.clear_filters()
        if changes.analysis and article is not None and changes.article_id == article.id:
            self.dock.set_quotes(article.text, self.session.analysis.quotes if self.session.analysis else [])

    def show_quote(self, index: int) -> None:
        analysis = self.session.analysis
        if analysis is None or not 0 <= index < len(analysis.quotes):
            return
        quote = analysis.quotes[index]
        self.reader.set_layer("focus", layers.focus_layer(quote, self.reader.theme))
        self.reader.select_offsets(quote.start, quote.end)
