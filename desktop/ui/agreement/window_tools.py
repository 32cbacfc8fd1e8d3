"""Article > Compare coders… and Library > Agreement in the window: each view
in a non-modal dialog, built from the session and the undo hub.  The
library's figures are computed in a worker."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop.core.agreement_report import AgreementReport
from desktop.services.agreement import library_agreement
from desktop.store.coders import list_coders
from desktop.store.database import threads_can_write, worker_connection
from desktop.store.tags import list_tags
from desktop.ui.edits.changes import Changes
from desktop.ui.edits.session import ArticleSession
from desktop.ui.edits.undo import UndoHub
from desktop.ui.workers import TaskRunner

# The views are imported when first shown: the window shows sooner.
if TYPE_CHECKING:
    from desktop.ui.agreement.agreement_view import AgreementView
    from desktop.ui.agreement.compare_view import CompareCodersView


def _in_dialog(parent: QWidget, title: str, view: QWidget) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.resize(1000, 680)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    view.setParent(dialog)
    dialog.show()
    return dialog


def _agreement_in_worker(coders: list[str]) -> AgreementReport:
    with worker_connection():
        return library_agreement(coders)


class AgreementTools(QObject):
    """``articleChosen(article_id)``: open that article (from the agreement table)."""

    articleChosen = Signal(int)  # noqa: N815

    def __init__(self, session: ArticleSession, undo: UndoHub, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.undo, self.runner, self.parent_widget = session, undo, runner, parent
        self._followed: dict[int, int] = {}  # article id -> its stack's index, last seen

    def compare_coders(self) -> CompareCodersView | None:
        from desktop.ui.agreement.compare_view import CompareCodersView

        article, stack = self.session.article, self.undo.stack()
        if article is None or article.id is None or stack is None:
            return None
        coders = [c.name for c in list_coders() if c.name]
        view = CompareCodersView(article.id, article.text, coders, list_tags(), stack)
        self._follow_curation(article.id, stack)
        _in_dialog(self.parent_widget, f"Compare coders — {article.title}", view)
        return view

    def _follow_curation(self, article_id: int, stack: QUndoStack) -> None:
        """The reader shows each curation step, its undo and redo, even after
        the Compare coders dialog was closed (the steps stay on the
        article's stack, which the window's Undo moves)."""
        if article_id in self._followed:
            return
        self._followed[article_id] = stack.index()

        from desktop.ui.agreement.curation_command import CurationCommand

        def moved(index: int) -> None:
            if not (isValid(stack) and isValid(self.session)):  # the window is closing
                return
            before, self._followed[article_id] = self._followed[article_id], index
            run = range(min(before, index), max(before, index))
            if any(isinstance(stack.command(i), CurationCommand) for i in run):
                self.session.publish(Changes(article_id, annotations=True))

        stack.indexChanged.connect(moved)

    def agreement(self) -> AgreementView:
        from desktop.ui.agreement.agreement_view import AgreementView

        coders = [c.name for c in list_coders() if c.name]
        views: list[AgreementView] = []

        def compute(chosen: list[str]) -> AgreementReport | None:
            if not threads_can_write():  # in memory, a worker would see another, empty library
                return library_agreement(chosen)
            # The view is made by then: the result comes after its constructor.
            self.runner.submit(lambda: _agreement_in_worker(chosen), lambda report: views[0].show_report(report),
                               lambda message: views[0].show_refusal(message))
            return None

        view = AgreementView(coders, compute)
        views.append(view)
        view.articleActivated.connect(self.articleChosen)
        _in_dialog(self.parent_widget, "Agreement between coders", view)
        return view
