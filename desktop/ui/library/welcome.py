"""The page a new, empty library shows instead of an empty reader: what
Byline does and the first things to do, one click each."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

WELCOME = (
    "<h2>Welcome to Byline</h2>"
    "<p>Read news articles with their people, organisations and places marked, "
    "see who is quoted saying what, and highlight and tag passages with your notes.</p>"
    "<p>Your library is empty. Start with the sample article, or bring your own: "
    "text, HTML, PDF, Word or CSV files, or text you paste.</p>"
)


class WelcomePage(QWidget):
    sampleRequested = Signal()
    importRequested = Signal()
    pasteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAccessibleName("Welcome")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        self.setMinimumSize(1, 1)  # never what keeps the window from narrowing
        layout.addStretch(1)
        text = QLabel(WELCOME, self)
        text.setWordWrap(True)
        text.setMaximumWidth(560)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        self.buttons: dict[str, QPushButton] = {}
        for key, label, signal in (
            ("sample", "Open the &sample article", self.sampleRequested),
            ("import", "&Import files…", self.importRequested),
            ("paste", "&New article from pasted text…", self.pasteRequested),
        ):
            button = QPushButton(label, self)
            button.clicked.connect(signal)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self.buttons[key] = button
        self.buttons["sample"].setDefault(True)
        layout.addStretch(2)
