"""Creating or editing one tag: name, colour, parent, shortcut, description."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.core.model import Tag
from desktop.ui.reader.legend import swatch

SHORTCUTS = [str(i) for i in range(1, 10)]


class TagDialog(QDialog):
    def __init__(self, tags: list[Tag], tag: Tag | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit tag" if tag else "New tag")
        self.others = [t for t in tags if tag is None or t.id != tag.id]
        self.tag = tag or Tag(name="", color="#ffd54f")
        form = QFormLayout(self)
        self.name = QLineEdit(self.tag.name, self)
        self.name.setAccessibleName("Tag name")
        form.addRow("&Name", self.name)
        self.colour_button = QPushButton(self)
        self.colour_button.setAccessibleName("Tag colour")
        self.colour = self.tag.color
        self._show_colour()
        self.colour_button.clicked.connect(self._choose_colour)
        form.addRow("&Colour", self.colour_button)
        self.parent_box = QComboBox(self)
        self.parent_box.addItem("(top level)", None)
        for other in self.others:
            self.parent_box.addItem(swatch(other.color), other.name, other.name)
        self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(self.tag.parent)))
        form.addRow("&Parent", self.parent_box)
        self.shortcut_box = QComboBox(self)
        self.shortcut_box.addItem("(none)", None)
        used = {t.shortcut: t.name for t in self.others if t.shortcut}
        for key in SHORTCUTS:
            label = f"{key}  (now {used[key]})" if key in used else key
            self.shortcut_box.addItem(label, key)
        self.shortcut_box.setCurrentIndex(max(0, self.shortcut_box.findData(self.tag.shortcut)))
        form.addRow("&Shortcut", self.shortcut_box)
        self.description = QPlainTextEdit(self.tag.description, self)
        self.description.setMaximumHeight(70)
        form.addRow("&Description", self.description)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _show_colour(self) -> None:
        self.colour_button.setIcon(swatch(self.colour, 16))
        self.colour_button.setText(self.colour)

    def _choose_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, "Tag colour")
        if chosen.isValid():
            self.colour = chosen.name()
            self._show_colour()

    def accept(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.error.setText("A tag needs a name.")
            return
        if any(t.name.casefold() == name.casefold() for t in self.others):
            self.error.setText(f"There is already a tag named '{name}'.")
            return
        super().accept()

    def result_tag(self) -> Tag:
        return Tag(
            name=self.name.text().strip(),
            color=self.colour,
            parent=self.parent_box.currentData(),
            shortcut=self.shortcut_box.currentData(),
            description=self.description.toPlainText().strip(),
            position=self.tag.position,
            id=self.tag.id,
        )
