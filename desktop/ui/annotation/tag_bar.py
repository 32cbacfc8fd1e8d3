"""A small bar of tag buttons that appears by the selected text."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from desktop.core.model import Tag
from desktop.ui.reader.legend import swatch

MAX_BUTTONS = 9


class TagBar(QFrame):
    tagRequested = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tagBar")
        self.setAccessibleName("Tag the selection")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(3, 2, 3, 2)
        self._layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        self.hide()

    def set_tags(self, tags: list[Tag]) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons.clear()
        for tag in [t for t in tags if t.shortcut][:MAX_BUTTONS] or tags[:MAX_BUTTONS]:
            button = QToolButton(self)
            button.setIcon(swatch(tag.color, 10))
            button.setText(f"{tag.shortcut} {tag.name}" if tag.shortcut else tag.name)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setToolTip(f"Tag the selection '{tag.name}'" + (f" (key {tag.shortcut})" if tag.shortcut else ""))
            button.clicked.connect(lambda _=False, name=tag.name: self.tagRequested.emit(name))
            self._layout.addWidget(button)
            self.buttons[tag.name] = button
        self.adjustSize()

    def show_at(self, anchor: QPoint) -> None:
        """Show just below ``anchor`` (parent coordinates), kept inside the parent."""
        if not self.buttons:
            return
        self.adjustSize()
        parent = self.parentWidget()
        x = max(4, min(anchor.x() - self.width() // 2, parent.width() - self.width() - 4))
        y = anchor.y() + 6
        if y + self.height() > parent.height():
            y = max(4, anchor.y() - self.height() - 24)
        self.move(x, y)
        self.show()
        self.raise_()
