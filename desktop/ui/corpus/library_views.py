"""The Library menu's corpus views in the window: each a dock made on first
use, scoped to the Library's filter and read again when the session's
changes touch what they show.  Built with the window (as a plain
``QMainWindow``), the session, the Library dock and the task runner."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from desktop.core.corpus import ALL_ARTICLES, Scope
from desktop.services.view import ensure_actor_summaries
from desktop.store.analyses import analysed_ids
from desktop.store.database import threads_can_write, worker_connection
from desktop.ui.corpus.matrix_view import CodeMatrixView
from desktop.ui.corpus.quotes_view import AllQuotesView
from desktop.ui.corpus.report_dialog import ReportDialog
from desktop.ui.corpus.segments_view import RetrievedSegmentsView
from desktop.ui.edits.changes import Changes
from desktop.ui.edits.session import ArticleSession
from desktop.ui.library.library_dock import LibraryDock
from desktop.ui.workers import TaskRunner

DOCK_HEIGHT = 300  # pixels, when a view is first shown

VIEWS: dict[str, tuple[str, Callable[[QWidget], QWidget]]] = {
    "quotes": ("All quotes", AllQuotesView),
    "segments": ("Retrieved segments", RetrievedSegmentsView),
    "matrix": ("Code matrix", CodeMatrixView),
}


def _summaries_in_worker() -> None:
    with worker_connection():
        ensure_actor_summaries(analysed_ids())


class LibraryViews(QObject):
    """``openAt(article_id, start, end)``: the user chose a quote or a segment."""

    openAt = Signal(int, int, int)  # noqa: N815

    def __init__(self, window: QMainWindow, session: ArticleSession, library_dock: LibraryDock,
                 runner: TaskRunner) -> None:
        super().__init__(window)
        self.window, self.library_dock, self.runner = window, library_dock, runner
        self.docks: dict[str, QDockWidget] = {}
        self._summaries_checked = False
        session.changed.connect(self._changed)
        library_dock.filtered.connect(self._filtered)

    def view(self, key: str) -> QWidget | None:
        dock = self.docks.get(key)
        return dock.widget() if dock else None

    def show(self, key: str) -> QDockWidget:
        """Show the view ``key`` ("quotes", "segments", "matrix"), making it the first time."""
        dock = self.docks.get(key)
        if dock is None:
            self._ensure_summaries()
            title, make = VIEWS[key]
            dock = QDockWidget(title, self.window)
            dock.setObjectName(f"library_{key}_dock")
            view = make(dock)
            dock.setWidget(view)
            view.openAt.connect(self.openAt)
            view.set_scope(self.scope())
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            self.window.resizeDocks([dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)  # the reader keeps the most
            others = [d for k, d in self.docks.items() if k != key]
            if others:
                self.window.tabifyDockWidget(others[0], dock)
            self.docks[key] = dock
        dock.show()
        dock.raise_()
        return dock

    def report(self) -> ReportDialog:
        self._ensure_summaries()
        dialog = ReportDialog(self.window)
        dialog.open()
        return dialog

    def scope(self) -> Scope:
        """The Library's filter: every article, or the ids it shows."""
        model = self.library_dock.model
        if model.rowCount() == model.total():
            return ALL_ARTICLES
        return Scope(article_ids=tuple(self.library_dock.visible_ids()))

    def refresh(self) -> None:
        for dock in self.docks.values():
            dock.widget().refresh()

    def _filtered(self) -> None:
        scope = self.scope()
        for dock in self.docks.values():
            dock.widget().set_scope(scope)

    def _changed(self, changes: Changes) -> None:
        # Not on ``analysis``: opening an article shows its stored analysis,
        # which changes nothing in the library (new analyses come with the
        # controller's ``backgroundDone``, connected by the window).
        if self.docks and (changes.spans or changes.annotations or changes.tags or changes.details
                           or changes.actor_rules):
            self.refresh()

    def _ensure_summaries(self) -> None:
        """A library made before the quote summaries gets them, once, in a worker."""
        if self._summaries_checked:
            return
        self._summaries_checked = True
        if threads_can_write():
            self.runner.submit(_summaries_in_worker, lambda _result: self.refresh(), lambda _message: None)
        else:  # an in-memory library: a worker would see another, empty one
            ensure_actor_summaries(analysed_ids())
