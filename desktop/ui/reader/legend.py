"""The legend: one checkbox per entity label present, in the label's colour."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from desktop.core import labels
from desktop.core.colours import LIGHT, themed
from desktop.ui.widgets.flow_layout import FlowLayout


def swatch(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class LegendBar(QWidget):
    labelToggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName("Entity legend")
        self._layout = FlowLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self.boxes: dict[str, QCheckBox] = {}

    def set_labels(self, counts: dict[str, int], hidden: set[str], theme: str = LIGHT) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.boxes.clear()
        if not counts:
            self._layout.addWidget(QLabel("No entities yet"))
            return
        for label in labels.sort_labels(counts):
            box = QCheckBox(f"{label} ({counts[label]})")
            box.setIcon(swatch(themed(labels.colour(label), theme)))
            box.setToolTip(labels.describe(label))
            box.setChecked(label not in hidden)
            box.toggled.connect(lambda on, name=label: self.labelToggled.emit(name, on))
            self._layout.addWidget(box)
            self.boxes[label] = box
        self.updateGeometry()
