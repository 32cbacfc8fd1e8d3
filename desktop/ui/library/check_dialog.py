"""Help > Check library: the report of ``desktop.store.check``, read-only.

The dialog can open at once with "Checking…" and receive the report when
the check, run in a worker, is done::

    dialog = CheckDialog(parent=window)
    dialog.show()
    window.runner.submit(lambda: check_library(path), dialog.set_report, dialog.set_failed)
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.check import CheckReport


class CheckDialog(QDialog):
    def __init__(self, report: CheckReport | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check library")
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.headline = QLabel("Checking the library…", self)
        font = QFont(self.headline.font())
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Check report")
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setToolTip("Copy the report to the clipboard")
        self.copy_button.setEnabled(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if report is not None:
            self.set_report(report)

    def set_report(self, report: CheckReport) -> None:
        self.headline.setText(report.headline())
        self.details.setPlainText(report.text())
        self.copy_button.setEnabled(True)

    def set_failed(self, message: str) -> None:
        self.headline.setText("The library could not be checked.")
        self.details.setPlainText(message)
        self.copy_button.setEnabled(True)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
