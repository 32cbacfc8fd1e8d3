"""The find bar: matches counted and marked, next/previous, tag them all."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop.core.find import find_all
from desktop.core.model import Tag
from desktop.ui.reader.legend import swatch


class FindLine(QLineEdit):
    """Enter finds the next match, Shift+Enter the previous, Escape closes."""

    step = Signal(int)
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step.emit(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Opening it never moves the docks: it asks for no more width than its
    text box (room for about 16 characters) and the arrows, and leaves out
    the tagging and the options, in that order, when the reader is too
    narrow for them."""

    LINE_CHARS = 16
    matchesChanged = Signal(list)  # [(start, end)]
    currentChanged = Signal(int, int)  # the current match
    tagAllRequested = Signal(str, list)  # tag name, matches
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.text = ""
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        self.line = FindLine(self)
        self.line.setPlaceholderText("Find in article")
        self.line.setAccessibleName("Find in article")
        self.line.setClearButtonEnabled(True)
        self.line.setMinimumWidth(self.line.fontMetrics().averageCharWidth() * self.LINE_CHARS + 30)
        self.count = QLabel(self)
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("No matches") + 4)
        self.previous = QToolButton(self)
        self.previous.setText("▲")
        self.previous.setToolTip("Previous match (Shift+Enter, Shift+F3)")
        self.next = QToolButton(self)
        self.next.setText("▼")
        self.next.setToolTip("Next match (Enter, F3)")
        self.case = QCheckBox("Match case", self)
        self.whole = QCheckBox("Whole words", self)
        self.tag_box = QComboBox(self)
        self.tag_box.setAccessibleName("Tag for all matches")
        self.tag_all = QPushButton("Tag all", self)
        self.tag_all.setToolTip("Tag every match with the chosen tag, in one undoable step")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Escape)")
        close.setAccessibleName("Close find bar")
        for widget in (self.line, self.count, self.previous, self.next, self.case, self.whole,
                       self.tag_box, self.tag_all, close):
            layout.addWidget(widget)
        layout.setStretch(0, 1)
        # Left out first when there is no room: tagging, then the options.
        self._optional = [(self.tag_box, self.tag_all), (self.whole,), (self.case,)]
        self._close = close
        self.line.textChanged.connect(self.refresh)
        self.case.toggled.connect(self.refresh)
        self.whole.toggled.connect(self.refresh)
        self.line.step.connect(self.step)
        self.line.closed.connect(self.close_bar)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.tag_all.clicked.connect(self._tag_all)
        close.clicked.connect(self.close_bar)
        self.hide()

    def minimumSizeHint(self) -> QSize:
        margins = self.layout().contentsMargins()
        spacing = self.layout().spacing()
        needed = [self.line, self.count, self.previous, self.next, self._close]
        width = sum(w.minimumSizeHint().width() if w is not self.line else w.minimumWidth() for w in needed)
        width += spacing * (len(needed) - 1) + margins.left() + margins.right()
        return QSize(width, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        """Show the optional parts that fit beside the text box and arrows."""
        spare = width - self.minimumSizeHint().width()
        spacing = self.layout().spacing()
        for group in reversed(self._optional):
            cost = sum(w.sizeHint().width() + spacing for w in group)
            fits = cost <= spare
            for widget in group:
                widget.setVisible(fits)
            spare -= cost if fits else spare + 1  # once one group is left out, so are the rest

    def set_text(self, text: str) -> None:
        self.text = text
        if self.isVisible():
            self.refresh()

    def set_tags(self, tags: list[Tag]) -> None:
        chosen = self.tag_box.currentText()
        self.tag_box.clear()
        for tag in tags:
            self.tag_box.addItem(swatch(tag.color), tag.name)
        index = self.tag_box.findText(chosen)
        self.tag_box.setCurrentIndex(max(0, index))

    def open_bar(self, query: str = "") -> None:
        self.show()
        if query:
            self.line.setText(query)
        self.line.setFocus()
        self.line.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self.matches, self.current = [], -1
        self.matchesChanged.emit([])
        self.closed.emit()

    def refresh(self) -> None:
        self.matches = find_all(self.text, self.line.text(), self.case.isChecked(), self.whole.isChecked())
        self.current = -1
        self.matchesChanged.emit(self.matches)
        if self.matches:
            self.step(1)
        else:
            self._show_count()

    def step(self, direction: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + direction) % len(self.matches)
        self._show_count()
        self.currentChanged.emit(*self.matches[self.current])

    def _show_count(self) -> None:
        if not self.line.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        self.tag_all.setEnabled(bool(self.matches))

    def _tag_all(self) -> None:
        if self.matches and self.tag_box.currentText():
            self.tagAllRequested.emit(self.tag_box.currentText(), list(self.matches))
