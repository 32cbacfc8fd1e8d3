"""A small bar of tag buttons that appears by the text the user selected.

It never covers the selection (it sits below its last line, or above its
first when there is no room below), stays whole inside the reader (its
buttons lose their names, keeping key and colour, when the reader is
narrow), and goes away with Escape, a scroll or a resize: it belongs to
the selection as it was seen."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QHBoxLayout, QToolButton, QWidget

from desktop.core.model import Tag
from desktop.ui.reader.legend import swatch
from desktop.ui.widgets.forms import literal

MAX_BUTTONS = 9
GAP = 4  # pixels between the bar and the selected text, and the reader's edges


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
        self._names: dict[str, str] = {}  # button label with and without the name
        self.hide()
        parent.installEventFilter(self)
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea):
            area.installEventFilter(self)
            area.verticalScrollBar().valueChanged.connect(self.hide)
            area.horizontalScrollBar().valueChanged.connect(self.hide)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.isVisible():
            if kind == QEvent.Type.Resize:
                self.hide()
            elif kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:  # type: ignore[attr-defined]
                self.hide()
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def set_tags(self, tags: list[Tag]) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons.clear()
        self._names.clear()
        for tag in [t for t in tags if t.shortcut][:MAX_BUTTONS] or tags[:MAX_BUTTONS]:
            button = QToolButton(self)
            button.setIcon(swatch(tag.color, 10))
            button.setText(f"{tag.shortcut} {literal(tag.name)}" if tag.shortcut else literal(tag.name))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setToolTip(f"Tag the selection '{tag.name}'" + (f" (key {tag.shortcut})" if tag.shortcut else ""))
            button.clicked.connect(lambda _=False, name=tag.name: self.tagRequested.emit(name))
            self._layout.addWidget(button)
            self.buttons[tag.name] = button
            self._names[tag.name] = tag.shortcut or tag.name
        self.adjustSize()

    def _fit(self, width: int) -> None:
        """Names beside the colours when they fit in ``width``, else the keys."""
        for name, button in self.buttons.items():
            key = self._names[name]
            button.setText(literal(name) if key == name else f"{key} {literal(name)}")
        self.adjustSize()
        if self.sizeHint().width() > width:
            for name, button in self.buttons.items():
                button.setText(literal(self._names[name]))
            self.adjustSize()

    def show_by(self, selection: QRect) -> None:
        """Show beside ``selection`` (the selected text's bounding rectangle,
        parent coordinates): below it, or above when there is no room below,
        or at the bottom edge when neither has room; never over it."""
        if not self.buttons:
            return
        parent = self.parentWidget()
        self._fit(parent.width() - 2 * GAP)
        width, height = self.width(), self.height()
        x = max(GAP, min(selection.left(), parent.width() - width - GAP))
        if selection.bottom() + GAP + height <= parent.height() - GAP:
            y = selection.bottom() + GAP
        elif selection.top() - GAP - height >= GAP:
            y = selection.top() - GAP - height
        else:  # a selection taller than the view: keep to a corner of it
            y = parent.height() - height - GAP
        self.move(x, y)
        self.show()
        self.raise_()
