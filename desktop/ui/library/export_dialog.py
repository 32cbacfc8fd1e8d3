"""File > Export…: choose a format and a destination, watch the progress,
cancel cleanly.

The dialog holds no export logic: it calls ``export_fn(ids, fmt, path,
progress, cancelled)`` in a worker thread (by default ``export_articles``
below, which loads each bundle through the service layer and hands it to
``desktop.formats.exporters.export``).  Cancel sets a flag the exporter
checks between articles; the exporter then removes its temporary output, so
a cancelled export leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import BylineError
from desktop.core.text import plural, shorten
from desktop.formats.exporters import FORMATS, ExportCancelled, Format, slug
from desktop.ui.library.work_dialog import WorkDialog
from desktop.ui.workers import Task

ExportFn = Callable[..., list[str]]


def export_articles(
    ids: Sequence[int],
    fmt: str,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[str]:
    """The default exporter: the library's articles, loaded one at a time."""
    from desktop.formats.exporters import LazyBundles, export
    from desktop.services.bundles import load_bundle

    return export(LazyBundles(ids, load_bundle), fmt, path, progress, cancelled)


def target_path(fmt: Format, count: int, text: str, as_zip: bool) -> Path:
    """Where the export goes: the typed path, with the format's extension
    for one file, as a folder or ``.zip`` for several files."""
    path = Path(text).expanduser()
    several = not fmt.extension or (fmt.per_article and count > 1)
    if several:
        if as_zip and path.suffix.lower() != ".zip":
            return path.with_name(path.name + ".zip")
        if not as_zip and path.suffix.lower() == ".zip":
            return path.with_suffix("")
        return path
    if path.suffix.lower() != fmt.extension:
        return path.with_name(path.name + fmt.extension)
    return path


class _Progress(QObject):
    # Made in the main thread; emitted from the worker, so delivered queued.
    changed = Signal(int, int)


class ExportDialog(WorkDialog):
    """Export ``article_ids`` through ``export_fn``."""

    exported = Signal(str, list)  # path, warnings

    def __init__(
        self,
        article_ids: Sequence[int],
        export_fn: ExportFn | None = None,
        parent: QWidget | None = None,
        folder: Path | None = None,
        title: str = "",
        coders: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.ids = list(article_ids)
        self.export_fn = export_fn or export_articles
        self.folder = folder or Path.home()
        # One article is saved under a name from its title; several as one export.
        self.stem = slug(shorten(title, 40)) if title and len(self.ids) == 1 else "byline-export"
        self._progress = _Progress(self)
        self._progress.changed.connect(self._on_progress)

        self.format = QComboBox()
        for f in FORMATS.values():
            self.format.addItem(f.name.upper(), f.name)
            self.format.setItemData(
                self.format.count() - 1, f.description, Qt.ItemDataRole.ToolTipRole
            )
        # "Highlights of: everyone / <coder>" (issue 17), when coders are known.
        self.coder = QComboBox()
        self.coder.setAccessibleName("Highlights of")
        self.coder.addItem("everyone", "")
        for name in coders:
            self.coder.addItem(name, name)
        self.description = QLabel()
        self.description.setWordWrap(True)
        # Room for two lines whatever the format: a description that wraps
        # must push the rows below it down, not run over them.
        self.description.setMinimumHeight(self.description.fontMetrics().lineSpacing() * 2 + 2)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.path = QLineEdit()
        self.path.setPlaceholderText("Where to save the export")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self.choose_path)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.as_zip = QCheckBox()
        self.bar = QProgressBar()
        self.bar.setRange(0, max(1, len(self.ids)))
        self.bar.setValue(0)
        self.status = QLabel()
        self.warnings = QPlainTextEdit()
        self.warnings.setReadOnly(True)
        self.warnings.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("", self.description)
        form.addRow("Save to", row)
        if coders:
            form.addRow("Highlights of", self.coder)
        else:
            self.coder.hide()
        form.addRow("", self.as_zip)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.warnings)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    # -- state ---------------------------------------------------------------

    def selected_format(self) -> Format:
        return FORMATS[self.format.currentData()]

    def destination(self) -> Path:
        zipped = not self.as_zip.isHidden() and self.as_zip.isChecked()
        return target_path(self.selected_format(), len(self.ids), self.path.text(), zipped)

    def _format_changed(self) -> None:
        fmt = self.selected_format()
        self.description.setText(fmt.description)
        self._ready()
        several = not fmt.extension or (fmt.per_article and len(self.ids) > 1)
        self.as_zip.setVisible(several)
        if several:
            self.as_zip.setText("One file per article, in a ZIP" if fmt.per_article else "As a ZIP")
        if not self.path.text().strip():
            self.path.setText(str(self.folder / self.stem))

    def _ready(self) -> None:
        """The last export's outcome goes once anything is changed."""
        if self.running():
            return
        self.bar.setValue(0)
        self.status.setText(f"{plural(len(self.ids), 'article')} to export.")
        self.warnings.clear()
        self.warnings.setVisible(False)

    def choose_path(self) -> None:
        fmt = self.selected_format()
        current = str(self.destination())
        if fmt.extension and not (fmt.per_article and len(self.ids) > 1):
            chosen, _ = QFileDialog.getSaveFileName(self, "Export to", current, f"*{fmt.extension}")
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Export to (a folder, or a .zip)", current
            )
        if chosen:
            self.path.setText(chosen)

    # -- running -------------------------------------------------------------

    def export_function(self) -> ExportFn:
        """The export function for the chosen "Highlights of"."""
        coder = self.coder.currentData()
        if not coder:
            return self.export_fn
        from desktop.services.coders import coder_exporter

        return coder_exporter(coder)

    def start(self) -> None:
        if self.running() or not self.path.text().strip():
            return
        fmt, target = self.selected_format().name, self.destination()
        ids, fn, progress, cancel = self.ids, self.export_function(), self._progress.changed, self._cancel
        cancel.clear()

        def work() -> tuple[str, list[str]]:
            try:
                warnings = fn(
                    ids, fmt, target, lambda done, total: progress.emit(done, total), cancel.is_set
                )
            except ExportCancelled:
                return "cancelled", []
            except OSError as exc:  # a disk error is a message, not a crash
                raise ExportFailed(f"cannot write {target}: {exc.strerror or exc}") from exc
            return str(target), warnings

        self._set_running(True)
        self.bar.setValue(0)
        self.status.setText(f"Exporting to {target}…")
        task = Task(work)
        task.signals.done.connect(self._finished)
        task.signals.failed.connect(self._failed)
        self._start(task)

    def _on_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)

    def _finished(self, result: tuple[str, list[str]]) -> None:
        self._set_running(False)
        path, warnings = result
        if path == "cancelled":
            self.bar.setValue(0)
            self.status.setText("Export cancelled; nothing was written.")
            return
        self.bar.setValue(self.bar.maximum())
        self.status.setText(f"Exported {plural(len(self.ids), 'article')} to {path}.")
        self.warnings.setPlainText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        self.exported.emit(path, warnings)

    def _failed(self, message: str) -> None:
        self._set_running(False)
        self.status.setText(f"Export failed: {message}")

    def _set_running(self, running: bool) -> None:
        if not running:
            self._task = None
        self.export_button.setEnabled(not running)
        self.format.setEnabled(not running)
        self.path.setEnabled(not running)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Cancel" if running else "Close")


class ExportFailed(BylineError):
    """Raised in the worker so the failure reaches the dialog as a message."""
