"""Importing files and folders: a row per file with its status, a progress
bar, Cancel, and a summary at the end; then the new articles' analysis.

The dialog holds no import logic.  A worker lists the files (``iter_files``)
and previews the CSV/TSV corpora whose text column has no known name, the
main thread asks for their columns (``MappingDialog``), and a worker then
imports the files one by one through ``import_paths``, which writes each
file in one transaction: Cancel stops between files, so what was imported
stays and no article is half-written.  The import has its own thread, not
the window's ``TaskRunner``: it needs no spaCy, and the runner stays free to
analyse the article the user opens.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import BylineError
from desktop.core.text import plural
from desktop.formats.csv_corpus import EXTENSIONS as CORPUS_EXTENSIONS
from desktop.formats.csv_corpus import preview
from desktop.formats.registry import iter_files
from desktop.services.importing import FileResult, ImportReport, import_paths
from desktop.ui.library.mapping_dialog import MappingDialog
from desktop.ui.library.work_dialog import WorkDialog
from desktop.ui.widgets.tables import RecordTableModel
from desktop.ui.workers import Task

Index = QModelIndex | QPersistentModelIndex
Preview = tuple[list[str], list[list[str]], dict[str, str]]
AskColumns = Callable[[Path, Preview], "dict[str, str] | None"]
FAILED_COLOUR = "#c62828"
LISTED_FAILURES = 12


def import_file(path: Path, columns: dict[str, str] | None) -> FileResult:
    """Import one file (one transaction) and say what became of it."""
    report = import_paths([path], columns)
    return report.files[0]


def scan(paths: Sequence[Path], ask_all: bool) -> list[tuple[Path, Preview | None]]:
    """The files to import, each CSV/TSV with its preview when its columns
    must be asked (always when ``ask_all``, else when no column is known to
    hold the text)."""
    found: list[tuple[Path, Preview | None]] = []
    for path in iter_files(paths):
        shown: Preview | None = None
        if path.suffix.lower() in CORPUS_EXTENSIONS:
            try:
                header, rows, guessed = preview(path)
            except BylineError:
                pass  # the import names the reason
            else:
                if ask_all or "text" not in guessed:
                    shown = (header, rows, guessed)
        found.append((path, shown))
    return found


def ask_columns(parent: QWidget | None) -> AskColumns:
    """Ask with the mapping dialog; None when the user cancels."""

    def ask(path: Path, shown: Preview) -> dict[str, str] | None:
        dialog = MappingDialog(path.name, *shown, parent=parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.mapping() if accepted else None

    return ask


# -- the file rows -------------------------------------------------------------

PENDING, IMPORTING, DONE, FAILED, NOT_IMPORTED = "pending", "importing", "done", "failed", "skipped"


@dataclass(slots=True)
class FileStatus:
    path: Path
    label: str  # the path as the user knows it: relative to a dropped folder
    state: str = PENDING
    result: FileResult | None = None
    reason: str = ""

    def text(self) -> str:
        if self.state == FAILED:
            return f"failed: {self.reason}"
        if self.state == NOT_IMPORTED:
            return f"not imported: {self.reason}"
        if self.state != DONE or self.result is None:
            return "importing…" if self.state == IMPORTING else "pending"
        result, parts = self.result, []
        if result.imported or not result.duplicates:
            parts.append(f"imported {len(result.imported)}")
        if result.duplicates:
            n = result.duplicates
            parts.append("duplicate" if n == 1 and not result.imported else plural(n, "duplicate"))
        if result.skipped_rows:
            parts.append(f"{plural(result.skipped_rows, 'row')} without text")
        return ", ".join(parts)


class FileStatusModel(RecordTableModel[FileStatus]):
    HEADERS = ("File", "Status")

    @property
    def files(self) -> list[FileStatus]:
        return self.rows

    def set_files(self, files: list[FileStatus]) -> None:
        self.reset_rows(files)

    def changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        status = self.files[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return status.label if index.column() == 0 else status.text()
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(status.path) if index.column() == 0 else status.text()
        if role == Qt.ItemDataRole.ForegroundRole and status.state == FAILED:
            return QColor(FAILED_COLOUR)
        return None


def label_of(path: Path, roots: Sequence[Path]) -> str:
    """A found file's path from the folder the user gave, or its name."""
    for root in roots:
        if root.is_dir():
            try:
                return str(Path(root.name) / path.relative_to(root))
            except ValueError:
                continue
    return path.name


def summary_text(report: ImportReport, not_imported: int = 0) -> str:
    """What the import did, in a few plain sentences."""
    imported, files = len(report.imported), sum(1 for f in report.files if f.imported)
    lines = [
        f"Imported {plural(imported, 'article')} from {plural(files, 'file')}."
        if imported else "No new articles were imported."
    ]
    if report.duplicates:
        lines.append(f"Skipped {report.duplicates} already in the library (same text).")
    if report.skipped_rows:
        lines.append(f"Skipped {report.skipped_rows} rows or records without text.")
    if report.merged:
        lines.append(f"{plural(report.merged, 'highlight')} of other coders added to articles already here.")
    warnings = report.warnings
    if warnings:
        lines.append(f"{plural(len(warnings), 'warning')}:")
        lines += [f"  • {w}" for w in warnings[:LISTED_FAILURES]]
        if len(warnings) > LISTED_FAILURES:
            lines.append(f"  … and {len(warnings) - LISTED_FAILURES} more.")
    failures = report.failures
    if failures:
        lines.append(f"{plural(len(failures), 'file')} failed:")
        lines += [f"  • {path.name}: {reason}" for path, reason in failures[:LISTED_FAILURES]]
        if len(failures) > LISTED_FAILURES:
            lines.append(f"  … and {len(failures) - LISTED_FAILURES} more (see the list).")
    if report.cancelled:
        lines.append(f"Cancelled: {plural(not_imported, 'file')} not imported.")
    return "\n".join(lines)


class _Posts(QObject):
    # Made in the main thread; emitted from the worker, so delivered queued.
    started = Signal(int)
    done = Signal(int, object)


class ImportDialog(WorkDialog):
    """Import ``paths`` (files and folders); ``start()`` begins."""

    CANCELLING = "Cancelling after the current file…"

    importFinished = Signal(object)  # the ImportReport
    stopAnalysisRequested = Signal()

    def __init__(
        self,
        paths: Sequence[Path],
        parent: QWidget | None = None,
        ask_all_columns: bool = False,
        ask: AskColumns | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import")
        self.paths = [Path(p) for p in paths]
        self.ask_all_columns = ask_all_columns
        self.ask = ask or ask_columns(self)
        self.report = ImportReport()
        self.columns: dict[Path, dict[str, str]] = {}
        self._posts = _Posts(self)
        self._posts.started.connect(self._file_started)
        self._posts.done.connect(self._file_done)
        self._build()

    def _build(self) -> None:
        self.files_model = FileStatusModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.files_model)
        self.table.setAccessibleName("Files to import")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.status = QLabel("Looking for files…")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # file names are not HTML
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.hide()
        self.analysis_status = QLabel()
        self.analysis_bar = QProgressBar()
        for widget in (self.analysis_status, self.analysis_bar):
            widget.hide()
        self.buttons = QDialogButtonBox()
        self.stop_button = QPushButton("Stop analysis")
        self.stop_button.setToolTip("The rest are analysed when you open them")
        self.stop_button.clicked.connect(self._stop_analysis)
        self.stop_button.hide()
        self.buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.analysis_status)
        layout.addWidget(self.analysis_bar)
        layout.addWidget(self.buttons)
        self.resize(640, 460)

    # -- running ---------------------------------------------------------------

    def start(self) -> None:
        """List the files in a worker, then ask for columns and import."""
        if self.running():
            return
        paths, ask_all = self.paths, self.ask_all_columns
        self._run(lambda: scan(paths, ask_all), self._scanned)

    def _run(self, fn: Callable[[], object], on_done: Callable[[Any], None]) -> None:
        task = Task(fn)
        task.signals.done.connect(on_done)
        task.signals.failed.connect(self._failed)
        self._start(task)

    def _scanned(self, found: list[tuple[Path, Preview | None]]) -> None:
        self._task = None
        files = [FileStatus(path, label_of(path, self.paths)) for path, _ in found]
        self.files_model.set_files(files)
        for row, (path, shown) in enumerate(found):
            if shown is None or self._cancel.is_set():
                continue
            columns = self.ask(path, shown)
            if columns is None:
                files[row].state, files[row].reason = NOT_IMPORTED, "no columns chosen"
                self.files_model.changed(row)
            else:
                self.columns[path] = columns
        if self._cancel.is_set():
            self._finished(True)
            return
        self._import([i for i, f in enumerate(files) if f.state == PENDING])

    def _import(self, rows: list[int]) -> None:
        files = [self.files_model.files[i].path for i in rows]
        columns, posts, cancel = self.columns, self._posts, self._cancel
        self.bar.setRange(0, max(1, len(rows)))
        self.bar.setValue(0)

        def work() -> bool:
            for row, path in zip(rows, files, strict=True):
                if cancel.is_set():
                    return True
                _post(posts.started, row)
                _post(posts.done, row, import_file(path, columns.get(path)))
            return False

        self._run(work, self._finished)

    def _file_started(self, row: int) -> None:
        status = self.files_model.files[row]
        status.state = IMPORTING
        self.files_model.changed(row)
        self.table.scrollTo(self.files_model.index(row, 0))
        done = self.bar.value()
        self.status.setText(f"Importing {done + 1} of {self.bar.maximum()}: {status.label}")

    def _file_done(self, row: int, result: FileResult) -> None:
        status = self.files_model.files[row]
        status.result = result
        status.state = FAILED if result.error is not None else DONE
        status.reason = result.error or ""
        self.report.files.append(result)
        self.files_model.changed(row)
        self.bar.setValue(self.bar.value() + 1)

    def _finished(self, cancelled: bool) -> None:
        self._task = None
        self.report.cancelled = cancelled
        left = 0
        for row, status in enumerate(self.files_model.files):
            if status.state == PENDING:
                status.state, status.reason = NOT_IMPORTED, "cancelled"
                self.files_model.changed(row)
                left += 1
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.status.setText("Import cancelled." if cancelled else "Import finished.")
        self.summary.setText(summary_text(self.report, left))
        self.summary.show()
        self.cancel_button.setText("Close")
        self.cancel_button.setEnabled(True)
        self.importFinished.emit(self.report)

    def _failed(self, message: str) -> None:
        """A bug, not a bad file (those are rows): say so and stop."""
        self._task = None
        self._finished(True)
        self.status.setText(f"Import stopped by an error: {message}")

    # -- the analysis that follows ---------------------------------------------

    def show_analysis(self, done: int, total: int) -> None:
        """Progress of the new articles' analysis (run by the controller)."""
        finished = done >= total
        self.analysis_status.setText(
            ("Analysed the new article." if total == 1 else f"Analysed all {total} new articles.")
            if finished
            else f"Analysing the new articles: {done} of {total}. "
            "You can open any article meanwhile."
        )
        self.analysis_bar.setRange(0, max(1, total))
        self.analysis_bar.setValue(done)
        self.analysis_status.show()
        self.analysis_bar.setVisible(not finished)
        self.stop_button.setVisible(not finished)

    def analysis_stopped(self, done: int, total: int) -> None:
        self.analysis_status.setText(
            f"Analysis stopped after {done} of {total}; the rest are analysed when opened."
        )
        self.analysis_bar.hide()
        self.stop_button.hide()

    def _stop_analysis(self) -> None:
        self.stop_button.setEnabled(False)
        self.stopAnalysisRequested.emit()


def _post(signal: Any, *args: object) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:  # the dialog went away while the app was closing
        pass
