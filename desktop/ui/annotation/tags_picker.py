"""A small dialog to choose the tags of a highlight."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.core.model import Tag
from desktop.ui.reader.legend import swatch


class TagsPicker(QDialog):
    def __init__(self, tags: list[Tag], chosen: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tags of the highlight")
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Tags")
        for tag in tags:
            item = QListWidgetItem(swatch(tag.color), tag.name, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if tag.name in chosen else Qt.CheckState.Unchecked)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).text()
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


def pick_tags(parent: QWidget, tags: list[Tag], chosen: list[str]) -> list[str] | None:
    dialog = TagsPicker(tags, chosen, parent)
    return dialog.chosen() if dialog.exec() else None
