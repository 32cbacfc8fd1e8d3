"""Choosing a quote's speaker and type."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from desktop.ui.quotes.quotes_dock import TYPE_NAMES


class QuoteDialog(QDialog):
    def __init__(
        self, quoted: str, speakers: list[str], speaker: str = "", quote_type: str = "direct",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Quote")
        form = QFormLayout(self)
        preview = QLabel(" ".join(quoted.split())[:300], self)
        preview.setWordWrap(True)
        form.addRow("Quote", preview)
        self.speaker = QComboBox(self)
        self.speaker.setEditable(True)
        self.speaker.setAccessibleName("Speaker")
        self.speaker.addItems(speakers)
        self.speaker.setCurrentText(speaker)
        form.addRow("&Speaker", self.speaker)
        self.type = QComboBox(self)
        self.type.setAccessibleName("Quote type")
        for key, name in TYPE_NAMES.items():
            self.type.addItem(name, key)
        self.type.setCurrentIndex(max(0, self.type.findData(quote_type)))
        form.addRow("&Type", self.type)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.speaker.currentText().strip(), self.type.currentData()
