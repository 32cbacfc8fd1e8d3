"""The library at work in the window: importing (File menu, drag and drop),
analysing new articles in the background, deleting, and keeping the
Library dock up to date.

Threads.  Analysing needs the one spaCy pipeline, which is not safe to use
from two threads at once, and the window's ``TaskRunner`` is the single
thread that uses it (opening an article analyses it there).  New articles
are therefore analysed on that same runner, but a few at a time: the next
small batch is queued only when the previous one is done, so an article the
user opens meanwhile waits for at most one batch (about a second), never
for the whole import.  No lock is needed and the window is unchanged.  The
import itself (no spaCy) runs in the import dialog's own thread.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QToolButton,
    QWidget,
)

from desktop.formats.registry import file_filters
from desktop.nlp.pipeline import load_pipeline
from desktop.services.batch import analyse_in_batches
from desktop.services.importing import ImportReport
from desktop.store.library import delete_articles, deletion_counts, library_rows
from desktop.ui.library.import_dialog import ImportDialog, plural
from desktop.ui.workers import TaskRunner

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def install_library(window: MainWindow) -> LibraryController:
    """Connect the Library dock, the File menu's import actions and drag and drop."""
    controller = LibraryController(window)
    controller.install()
    return controller


class BatchAnalyser(QObject):
    """Analyses queued articles on ``runner``, ``chunk`` at a time (see the
    module's docstring); ``progress(done, total)`` after each batch."""

    progress = Signal(int, int)
    analysed = Signal(list)  # ids of the articles of the batch just done
    stopped = Signal(int, int)  # done, total: Stop was pressed

    def __init__(self, runner: TaskRunner, model: str | None, parent: QObject | None = None,
                 chunk: int = 8) -> None:
        super().__init__(parent)
        self.runner, self.model, self.chunk = runner, model, chunk
        self.queue: list[int] = []
        self.done = self.total = 0
        self._batch: list[int] | None = None
        self._cancel = threading.Event()

    def running(self) -> bool:
        return self._batch is not None or bool(self.queue)

    def add(self, ids: Sequence[int]) -> None:
        if not self.running():
            self.done = self.total = 0
        self._cancel.clear()  # new articles after a Stop: analyse them
        new = [i for i in dict.fromkeys(ids) if i not in self.queue]
        self.queue += new
        self.total += len(new)
        if new:
            self.progress.emit(self.done, self.total)
        if self._batch is None:
            self._next()

    def forget(self, ids: Sequence[int]) -> None:
        """Deleted articles: take them out of the queue."""
        gone = set(ids)
        left = [i for i in self.queue if i not in gone]
        self.total -= len(self.queue) - len(left)
        self.queue = left

    def stop(self) -> None:
        if not self.running():
            return
        self._cancel.set()
        self.queue.clear()
        if self._batch is None:
            self.stopped.emit(self.done, self.total)

    def _next(self) -> None:
        if not self.queue:
            if self._cancel.is_set():
                self.stopped.emit(self.done, self.total)
            return
        batch, self.queue = self.queue[: self.chunk], self.queue[self.chunk :]
        self._batch = batch
        model = self.model
        work = partial(analyse_in_batches, lambda: load_pipeline(model), batch, self.chunk, 1,
                       None, self._cancel.is_set)
        self.runner.submit(work, self._batch_done, self._batch_failed)

    def _batch_done(self, analysed: list[int]) -> None:
        batch, self._batch = self._batch or [], None
        # Stopped midway, only what was analysed counts; else the whole batch
        # (articles analysed meanwhile by opening them were skipped).
        self.done += len(analysed) if self._cancel.is_set() else len(batch)
        self.analysed.emit(batch)
        self.progress.emit(self.done, self.total)
        self._next()

    def _batch_failed(self, message: str) -> None:
        # An article deleted meanwhile, or a pipeline error: the articles of
        # this batch are analysed when opened; the others go on.
        log.warning("background analysis of %s failed: %s", self._batch, message)
        self._batch_done([])


class DropFilter(QObject):
    """Files and folders dragged onto the window start an import."""

    def __init__(self, controller: LibraryController) -> None:
        super().__init__(controller)
        self.controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        drop: QDropEvent = event  # type: ignore[assignment]
        paths = local_paths(drop.mimeData())
        if not paths:
            return False
        drop.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            # Return to the drag source first; the dialog opens right after.
            QTimer.singleShot(0, lambda: self.controller.import_paths_dialog(paths))
        return True


def local_paths(mime: QMimeData | None) -> list[Path]:
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class LibraryController(QObject):
    articlesDeleted = Signal(list)  # noqa: N815 (Qt naming): article ids
    importFinished = Signal(object)  # noqa: N815 -- the ImportReport

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dock = window.library_dock
        self.analyser = BatchAnalyser(window.runner, window.model_name, self)
        self.dialogs: list[ImportDialog] = []
        self.folder = Path.home()
        self.drops = DropFilter(self)
        self.actions: dict[str, QAction] = {}
        # Edits update the dock once, after the event that made them: "Tag
        # all" sends a change notice per match, and each would query the row.
        self._edited_ids: set[int] = set()
        self._tags_edited = False
        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(0)
        self._edit_timer.timeout.connect(self._show_edits)

    def install(self) -> None:
        window, dock = self.window, self.dock
        dock.deleteRequested.connect(self.delete)
        dock.exportRequested.connect(window.export_articles)
        dock.set_hidden_columns(window.settings.hidden_library_columns())
        dock.columnsHidden.connect(window.settings.set_hidden_library_columns)
        window.analysisShown.connect(lambda article_id: self.update_rows([article_id]))
        window.editor.changed.connect(self._edited)
        window.modelLoaded.connect(self._model_loaded)
        # Deleted articles leave File > Open Recent and the last-article memory.
        self.articlesDeleted.connect(lambda ids: window.settings.forget_articles(set(ids)))
        self.analyser.analysed.connect(self.update_rows)
        self.analyser.progress.connect(self._analysis_progress)
        self.analyser.stopped.connect(self._analysis_stopped)
        window.setAcceptDrops(True)
        window.installEventFilter(self.drops)
        # A floating dock is a window of its own, and the reader would
        # take a drop as text: both pass drops to the filter too.
        for widget in (dock, window.reader.viewport()):
            widget.setAcceptDrops(True)
            widget.installEventFilter(self.drops)
        self._build_status()
        self._build_menu()

    def _build_status(self) -> None:
        self.status = QWidget(self.window)
        self.status_label = QLabel(self.status)
        self.status_bar = QProgressBar(self.status)
        self.status_bar.setMaximumWidth(140)
        self.status_bar.setTextVisible(False)
        stop = QToolButton(self.status)
        stop.setText("Stop")
        stop.setToolTip("Stop analysing the new articles; each is analysed when opened")
        stop.clicked.connect(self.analyser.stop)
        layout = QHBoxLayout(self.status)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.status_label, self.status_bar, stop):
            layout.addWidget(widget)
        self.status.hide()
        self.window.statusBar().addPermanentWidget(self.status)

    def _build_menu(self) -> None:
        menu = self.window.menus["&File"]
        specs = (
            ("import_files", "&Import files…", "Ctrl+Shift+I", self.open_files_dialog,
             "Import articles from files: text, web pages, Markdown, CSV, JSON Lines, Word, PDF"),
            ("import_folder", "Import f&older…", "Ctrl+Shift+O", self.open_folder_dialog,
             "Import every article file in a folder and its subfolders"),
            ("import_columns", "Import CSV with &columns…", "", self.open_corpus_dialog,
             "Import a CSV/TSV corpus, choosing which column holds the text, title, date…"),
        )
        existing = menu.actions()
        opener = self.window.findChild(QAction, "action_open")
        position = existing.index(opener) + 1 if opener in existing else 0
        before = existing[position] if position < len(existing) else None
        for key, text, shortcut, slot, tip in specs:
            action = QAction(text, self.window)
            action.setObjectName(f"action_{key}")
            action.setStatusTip(tip)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.insertAction(before, action)
            self.window.addAction(action)
            self.actions[key] = action

    # importing -----------------------------------------------------------------
    def open_files_dialog(self) -> ImportDialog | None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Import articles", str(self.folder), ";;".join(file_filters())
        )
        return self.import_paths_dialog([Path(n) for n in names]) if names else None

    def open_folder_dialog(self) -> ImportDialog | None:
        name = QFileDialog.getExistingDirectory(self.window, "Import a folder", str(self.folder))
        return self.import_paths_dialog([Path(name)]) if name else None

    def open_corpus_dialog(self) -> ImportDialog | None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Import a corpus", str(self.folder), "CSV and TSV corpora (*.csv *.tsv)"
        )
        paths = [Path(n) for n in names]
        return self.import_paths_dialog(paths, ask_all_columns=True) if paths else None

    def import_paths_dialog(
        self, paths: Sequence[Path], ask_all_columns: bool = False
    ) -> ImportDialog:
        """Import files and folders with the progress dialog (not modal: the
        window stays usable), then analyse the new articles."""
        paths = [Path(p) for p in paths]
        if paths:
            self.folder = paths[0] if paths[0].is_dir() else paths[0].parent
        dialog = ImportDialog(paths, self.window, ask_all_columns=ask_all_columns)
        dialog.importFinished.connect(self._imported)
        dialog.stopAnalysisRequested.connect(self.analyser.stop)
        self.analyser.progress.connect(dialog.show_analysis)
        self.analyser.stopped.connect(dialog.analysis_stopped)
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_closed(d))
        self.dialogs.append(dialog)
        dialog.show()
        dialog.start()
        return dialog

    def _imported(self, report: ImportReport) -> None:
        new = report.imported
        self.refresh()
        if new:
            window = self.window
            if window.article is None or len(new) == 1:
                window.open_article(new[0])  # analysed at once, on the runner
            opened = window.article.id if window.article is not None else None
            self.analyser.add([i for i in new if i != opened])
        parts = [f"Imported {plural(len(new), 'article')}"]
        if report.duplicates:
            parts.append(f"skipped {plural(report.duplicates, 'duplicate')}")
        if report.failures:
            parts.append(f"{plural(len(report.failures), 'file')} failed")
        self.window.statusBar().showMessage(", ".join(parts) + ".", 8000)
        self.importFinished.emit(report)

    def _dialog_closed(self, dialog: ImportDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    # background analysis -------------------------------------------------------
    def _model_loaded(self, _name: str) -> None:
        self.analyser.model = self.window.model_name

    def _analysis_progress(self, done: int, total: int) -> None:
        busy = done < total
        self.status.setVisible(busy)
        self.status_label.setText(f"Analysing new articles: {done} of {total}")
        self.status_bar.setRange(0, max(1, total))
        self.status_bar.setValue(done)
        if not busy:
            self._analysis_over(f"Analysed {plural(total, 'new article')}.")

    def _analysis_stopped(self, done: int, total: int) -> None:
        self.status.hide()
        self._analysis_over(f"Stopped after analysing {done} of {plural(total, 'new article')}.")

    def _analysis_over(self, message: str) -> None:
        window = self.window
        window.progress.setVisible(window.runner.busy())
        window.statusBar().showMessage(message, 8000)

    # the dock ------------------------------------------------------------------
    def refresh(self) -> None:
        """List the whole library again."""
        self.dock.set_articles(library_rows())

    def update_rows(self, ids: Sequence[int]) -> None:
        self.dock.update_articles(library_rows(ids))

    def _edited(self, article_id: int, kinds: tuple[str, ...], *_where: object) -> None:
        if "tags" in kinds:  # a tag renamed or deleted shows in many rows
            self._tags_edited = True
        else:
            self._edited_ids.add(article_id)
        self._edit_timer.start()

    def _show_edits(self) -> None:
        """The rows of the articles edited since the last time, each once."""
        ids, self._edited_ids = sorted(self._edited_ids), set()
        if self._tags_edited:
            self._tags_edited = False
            self.refresh()
        elif ids:
            self.update_rows(ids)

    # deleting ------------------------------------------------------------------
    def delete(self, ids: Sequence[int]) -> bool:
        """Ask, then delete the articles with their highlights and analyses."""
        ids = list(dict.fromkeys(ids))
        articles, highlights = deletion_counts(ids)
        if not articles:
            return False
        what = "this article" if articles == 1 else f"these {articles} articles"
        goes = (f"Their {highlights} highlight{'s' * (highlights != 1)} with notes and tags, "
                if highlights else "Their ")
        answer = QMessageBox.question(
            self.window,
            "Delete articles",
            f"Delete {what} from the library?\n\n{goes}analyses and corrections "
            "are deleted with them. This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        delete_articles(ids)
        self.analyser.forget(ids)
        self.dock.remove_articles(ids)
        self._forget_undo(ids)
        article = self.window.article
        if article is not None and article.id in ids:
            self._open_another()
        self.window.statusBar().showMessage(f"Deleted {plural(articles, 'article')}.", 6000)
        self.articlesDeleted.emit(ids)
        return True

    def _forget_undo(self, ids: Sequence[int]) -> None:
        """Undo steps of deleted articles could only fail now."""
        editor = self.window.editor
        for article_id in ids:
            stack = editor.stacks.pop(article_id, None)
            if stack is not None:
                editor.group.removeStack(stack)
                stack.deleteLater()

    def _open_another(self) -> None:
        shown = self.dock.visible_ids() or [r.id for r in self.dock.model.records]
        if shown:
            self.window.open_article(shown[0])
            return
        window = self.window  # the library is empty now
        window.article, window.analysis = None, None
        window.actors, window.quote_actor = [], []
        window.setWindowTitle("Byline")
        window.reader.set_placeholder("The library is empty. Drop files or folders here, "
                                      "or use File > Import files…")
        window.legend.set_labels({}, window.hidden_labels)
        window.quotes_dock.set_quotes("", [])
        window.actors_dock.set_actors([])
        window.annotator.refresh_annotations()
