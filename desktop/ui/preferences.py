"""The preferences dialog; every choice is stored in Settings and applied
to the open window at once (no restart)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.ui.settings import Settings
from desktop.ui.theme import CHOICES
from desktop.ui.widgets.forms import add_row


class PreferencesDialog(QDialog):
    applied = Signal()
    reanalyseLibraryRequested = Signal()

    def __init__(self, settings: Settings, pipelines: list[str], current_model: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        form = QFormLayout(self)
        self.model = QComboBox(self)
        self.model.setAccessibleName("spaCy pipeline")
        self.model.addItems(pipelines if current_model in pipelines else [current_model, *pipelines])
        self.model.setCurrentText(current_model)
        self.reanalyse = QPushButton("Re-analyse library", self)
        self.reanalyse.setToolTip("Run the chosen pipeline again on every article; corrections are kept")
        self.progress = QProgressBar(self)
        self.progress.hide()
        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 1)
        model_row.addWidget(self.reanalyse)
        add_row(form, "spaCy &pipeline", model_row, self.model)
        form.addRow("", self.progress)
        self.author = QLineEdit(settings.author(), self)
        self.author.setAccessibleName("Author name")
        form.addRow("&Author name", self.author)
        self.snap = QCheckBox("Snap selections to whole words", self)
        self.snap.setChecked(settings.snap_to_words())
        form.addRow("", self.snap)
        self.theme = QComboBox(self)
        self.theme.setAccessibleName("Theme")
        for choice in CHOICES:
            self.theme.addItem(choice.capitalize(), choice)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme())))
        form.addRow("&Theme", self.theme)
        self.font = QFontComboBox(self)
        self.font.setAccessibleName("Reading font")
        if settings.font_family():
            self.font.setCurrentFont(QFont(settings.font_family()))
        self.size = QDoubleSpinBox(self)
        self.size.setAccessibleName("Font size")
        self.size.setRange(7, 36)
        self.size.setSuffix(" pt")
        self.size.setValue(settings.font_size() or 11)
        font_row = QHBoxLayout()
        font_row.addWidget(self.font, 1)
        font_row.addWidget(self.size)
        add_row(form, "Reading &font", font_row, self.font)
        self.line_length = QSpinBox(self)
        self.line_length.setAccessibleName("Maximum line length")
        self.line_length.setRange(0, 300)
        self.line_length.setSpecialValueText("Window width")
        self.line_length.setSuffix(" characters")
        self.line_length.setValue(settings.line_length())
        form.addRow("Maximum &line length", self.line_length)
        self.export_folder = QLineEdit(settings.export_folder(), self)
        self.export_folder.setAccessibleName("Default export folder")
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.export_folder, 1)
        folder_row.addWidget(browse)
        add_row(form, "Default &export folder", folder_row, self.export_folder)
        self.library = QLineEdit(settings.library(), self)
        self.library.setAccessibleName("Library")
        self.library.setPlaceholderText("the default library file")
        self.library.setToolTip("A library file, or a team library's URL (postgresql://USER@HOST:PORT/DBNAME), "
                                "opened at the next start; a password is never stored here")
        form.addRow("Li&brary", self.library)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        form.addRow(buttons)
        self.reanalyse.clicked.connect(self._reanalyse)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Default export folder", self.export_folder.text())
        if folder:
            self.export_folder.setText(folder)

    def _reanalyse(self) -> None:
        self.apply()
        self.reanalyseLibraryRequested.emit()

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setVisible(done < total)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat("%v of %m articles")

    def apply(self) -> None:
        s = self.settings
        s.set_model(self.model.currentText())
        s.set_author(self.author.text().strip())
        s.set_snap_to_words(self.snap.isChecked())
        s.set_theme(self.theme.currentData())
        s.set_font_family(self.font.currentFont().family())
        s.set_font_size(self.size.value())
        s.set_line_length(self.line_length.value())
        s.set_export_folder(self.export_folder.text().strip())
        s.set_library(self.library.text())
        self.library.setText(s.library())  # a password typed in the URL is dropped
        s.sync()
        self.applied.emit()

    def accept(self) -> None:
        self.apply()
        super().accept()
