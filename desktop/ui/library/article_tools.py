"""Articles made or changed by hand: a new one from pasted text, an
article's details edited (one undo step), printing the open one."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from desktop.core.model import Article
from desktop.store.articles import DETAILS, add_article
from desktop.ui.edits.commands import EditArticleDetails
from desktop.ui.edits.session import ArticleSession
from desktop.ui.edits.undo import UndoHub
from desktop.ui.library.details_dialog import ArticleDetailsDialog
from desktop.ui.library.printing import print_article


class ArticleTools(QObject):
    added = Signal(int)  # a new article's id: refresh the library, open it
    openRequested = Signal(int)  # open this article (before editing its details)

    def __init__(self, session: ArticleSession, undo: UndoHub, host: QWidget, status: QStatusBar) -> None:
        super().__init__(session)
        self.session, self.undo, self.host, self.status = session, undo, host, status

    def new_article(self) -> ArticleDetailsDialog:
        """File > New article from pasted text…"""
        dialog = ArticleDetailsDialog(None, self.host)
        dialog.accepted.connect(lambda: self._add(dialog.article()))
        dialog.open()
        return dialog

    def _add(self, article: Article) -> None:
        article_id, created = add_article(article)
        if not created:
            self.status.showMessage("That text is in the library already: it is opened.", 6000)
        self.added.emit(article_id)

    def edit_details(self, article_id: int) -> ArticleDetailsDialog | None:
        """The library's Edit details…: an undoable edit of the article,
        which is opened first (each article has its own undo history)."""
        if article_id != self.session.article_id:
            self.openRequested.emit(article_id)
        article = self.session.article
        if article is None or article.id != article_id:
            return None
        dialog = ArticleDetailsDialog(article, self.host)
        before = {name: getattr(article, name) for name in DETAILS}
        dialog.accepted.connect(lambda: self.undo.push(EditArticleDetails(article_id, before, dialog.details())))
        dialog.open()
        return dialog

    def print_open(self) -> None:
        if self.session.article_id is None:
            self.status.showMessage("Open an article to print it.", 4000)
        else:
            print_article(self.session.article_id, self.host)
