"""The library at work in the window: importing (File menu, drag and drop),
analysing new articles in the background (see ``batch_analyser``),
deleting, and keeping the Library dock up to date."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStatusBar,
    QToolButton,
    QWidget,
)

from desktop.core.errors import BylineError
from desktop.core.text import plural
from desktop.formats.registry import file_filters
from desktop.services.importing import ImportReport
from desktop.services.startup import unanalysed_articles
from desktop.store.library import delete_articles, deletion_counts, library_pages, library_rows
from desktop.ui.edits.changes import Changes
from desktop.ui.edits.session import ArticleSession
from desktop.ui.edits.undo import UndoHub
from desktop.ui.library.batch_analyser import BatchAnalyser
from desktop.ui.library.drops import DropFilter
from desktop.ui.library.import_dialog import ImportDialog
from desktop.ui.library.library_dock import LibraryDock
from desktop.ui.settings import Settings
from desktop.ui.workers import TaskRunner


class LibraryController(QObject):
    """``host``: the widget its dialogs open over and that takes drops;
    ``openRequested``: an article to open (one just imported, or another
    when the open one was deleted)."""

    articlesDeleted = Signal(list)  # article ids
    importFinished = Signal(object)  # the ImportReport
    openRequested = Signal(int)  # article id
    backgroundDone = Signal()  # the new articles are analysed, or the analysis stopped

    def __init__(
        self,
        session: ArticleSession,
        undo: UndoHub,
        dock: LibraryDock,
        runner: TaskRunner,
        model: str,
        settings: Settings,
        host: QWidget,
        status: QStatusBar,
    ) -> None:
        super().__init__(session)
        self.session, self.undo, self.dock, self.host, self.messages = session, undo, dock, host, status
        self.analyser = BatchAnalyser(runner, model, self)
        self.dialogs: list[ImportDialog] = []
        self.folder = Path.home()
        self.drops = DropFilter(self.import_paths_dialog, self)
        self.actions: dict[str, QAction] = {}
        # Edits update the dock once, after the event that made them: a
        # compound edit may touch many rows, and each would query the row.
        self._edited_ids: set[int] = set()
        self._tags_edited = False
        self._edit_timer = QTimer(self)
        self._edit_timer.setSingleShot(True)
        self._edit_timer.setInterval(0)
        self._edit_timer.timeout.connect(self._show_edits)
        dock.deleteRequested.connect(self.delete)
        dock.set_hidden_columns(settings.hidden_library_columns())
        dock.columnsHidden.connect(settings.set_hidden_library_columns)
        session.changed.connect(self._changed)
        # Deleted articles leave File > Open Recent and the last-article memory.
        self.articlesDeleted.connect(lambda ids: settings.forget_articles(set(ids)))
        self.analyser.analysed.connect(self.update_rows)
        self.analyser.progress.connect(self._analysis_progress)
        self.analyser.stopped.connect(self._analysis_stopped)

    def install(self, file_menu: QMenu, after: QAction | None, drop_targets: Sequence[QWidget]) -> None:
        """Put the import actions in the File menu after ``after``; take
        drops on ``host`` and ``drop_targets``, and show the background
        analysis in the status bar."""
        self.host.setAcceptDrops(True)
        self.host.installEventFilter(self.drops)
        # A floating dock is a window of its own, and the reader would
        # take a drop as text: both pass drops to the filter too.
        for widget in (self.dock, *drop_targets):
            widget.setAcceptDrops(True)
            widget.installEventFilter(self.drops)
        self._build_status()
        self._build_menu(file_menu, after)

    def set_model(self, name: str) -> None:
        self.analyser.model = name

    def stop_background(self) -> None:
        """Quitting: imports stop after the file they are writing, and the
        background analysis stops (what is left is resumed next start)."""
        for dialog in self.dialogs:
            dialog.cancel()
        self.analyser.stop()

    def busy_dialogs(self) -> list[ImportDialog]:
        return [d for d in self.dialogs if d.running()]

    def resume_unanalysed(self) -> None:
        """Analyse, in the background, the articles whose analysis was
        abandoned (the app quit or was killed in the middle of it)."""
        self.analyser.add([i for i in unanalysed_articles() if i != self.session.article_id])

    def _build_status(self) -> None:
        self.status = QWidget(self.host)
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
        self.messages.addPermanentWidget(self.status)

    def _build_menu(self, menu: QMenu, opener: QAction | None) -> None:
        specs = (
            ("import_files", "&Import files…", "Ctrl+Shift+I", self.open_files_dialog,
             "Import articles from files: text, web pages, Markdown, CSV, JSON Lines, Word, PDF"),
            ("import_folder", "Import f&older…", "Ctrl+Shift+O", self.open_folder_dialog,
             "Import every article file in a folder and its subfolders"),
            ("import_columns", "Import CSV with &columns…", "", self.open_corpus_dialog,
             "Import a CSV/TSV corpus, choosing which column holds the text, title, date…"),
        )
        existing = menu.actions()
        position = existing.index(opener) + 1 if opener in existing else 0
        before = existing[position] if position < len(existing) else None
        for key, text, shortcut, slot, tip in specs:
            action = QAction(text, self.host)
            action.setObjectName(f"action_{key}")
            action.setStatusTip(tip)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.insertAction(before, action)
            self.host.addAction(action)
            self.actions[key] = action

    # importing -----------------------------------------------------------------
    def open_files_dialog(self) -> ImportDialog | None:
        names, _ = QFileDialog.getOpenFileNames(
            self.host, "Import articles", str(self.folder), ";;".join(file_filters())
        )
        return self.import_paths_dialog([Path(n) for n in names]) if names else None

    def open_folder_dialog(self) -> ImportDialog | None:
        name = QFileDialog.getExistingDirectory(self.host, "Import a folder", str(self.folder))
        return self.import_paths_dialog([Path(name)]) if name else None

    def open_corpus_dialog(self) -> ImportDialog | None:
        names, _ = QFileDialog.getOpenFileNames(
            self.host, "Import a corpus", str(self.folder), "CSV and TSV corpora (*.csv *.tsv)"
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
        dialog = ImportDialog(paths, self.host, ask_all_columns=ask_all_columns)
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
            if self.session.article is None or len(new) == 1:
                self.openRequested.emit(new[0])  # analysed at once, on the runner
            self.analyser.add([i for i in new if i != self.session.article_id])
        parts = [f"Imported {plural(len(new), 'article')}"]
        if report.duplicates:
            parts.append(f"skipped {plural(report.duplicates, 'duplicate')}")
        if report.merged:
            parts.append(f"added {plural(report.merged, 'highlight')} of other coders")
        if report.failures:
            parts.append(f"{plural(len(report.failures), 'file')} failed")
        self.messages.showMessage(", ".join(parts) + ".", 8000)
        self.importFinished.emit(report)

    def _dialog_closed(self, dialog: ImportDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    # background analysis -------------------------------------------------------
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
        self.backgroundDone.emit()
        self.messages.showMessage(message, 8000)

    # the dock ------------------------------------------------------------------
    def refresh(self) -> None:
        """List the whole library again (the first page at once)."""
        self.dock.show_pages(library_pages())

    def update_rows(self, ids: Sequence[int]) -> None:
        self.dock.update_articles(library_rows(ids))

    def _changed(self, changes: Changes) -> None:
        if changes.opened:
            if changes.article_id is not None:
                self.dock.mark_current(changes.article_id)
            return
        if changes.tag_ids:  # a tag edited: renamed or deleted, it shows in many rows
            self._tags_edited = True
            self._edit_timer.start()
        elif changes.article_id is None:
            return
        elif changes.analysis and not (changes.annotations or changes.spans):
            self.update_rows([changes.article_id])  # an analysis shown: its counts
        else:
            self._edited_ids.add(changes.article_id)
            self._edit_timer.start()

    def _show_edits(self) -> None:
        """The rows of the articles edited since the last time, each once."""
        ids, self._edited_ids = sorted(self._edited_ids), set()
        try:
            if self._tags_edited:
                self._tags_edited = False
                self.refresh()
            elif ids:
                self.update_rows(ids)
        except BylineError as exc:  # a team library's server went away meanwhile
            self.messages.showMessage(f"The library list could not be updated: {exc}", 8000)

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
            self.host,
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
        self.undo.forget(ids)
        if self.session.article_id in ids:
            self._open_another()
        self.messages.showMessage(f"Deleted {plural(articles, 'article')}.", 6000)
        self.articlesDeleted.emit(ids)
        return True

    def _open_another(self) -> None:
        shown = self.dock.visible_ids() or [r.id for r in self.dock.model.records]
        if shown:
            self.openRequested.emit(shown[0])
        else:
            self.session.close()  # the library is empty now
