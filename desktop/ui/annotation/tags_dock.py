"""The Tags dock: the codebook as a tree; apply, create, edit, delete, reorder."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import Tag
from desktop.ui.reader.legend import swatch

ID_ROLE = Qt.ItemDataRole.UserRole


class TagsDock(QDockWidget):
    applyRequested = Signal(str)  # tag name
    newRequested = Signal()
    editRequested = Signal(int)  # tag id
    deleteRequested = Signal(int)
    moveRequested = Signal(int, int)  # tag id, -1 up / +1 down

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Tags", parent)
        self.setObjectName("TagsDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.toolbar = QToolBar(body)
        self.actions_: dict[str, QAction] = {}
        for key, text, tip in (
            ("apply", "Apply", "Tag the selected text with this tag"),
            ("new", "New…", "Create a tag"),
            ("edit", "Edit…", "Rename, recolour, re-parent or re-key the tag"),
            ("delete", "Delete", "Delete the tag"),
            ("up", "▲", "Move up"),
            ("down", "▼", "Move down"),
        ):
            action = self.toolbar.addAction(text)
            action.setToolTip(tip)
            action.setObjectName(f"tags_{key}")
            self.actions_[key] = action
        layout.addWidget(self.toolbar)
        self.tree = QTreeWidget(body)
        self.tree.setAccessibleName("Tags")
        self.tree.setHeaderLabels(["Tag", "Key", "Used"])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree)
        self.setWidget(body)
        self.tags: list[Tag] = []
        self.actions_["apply"].triggered.connect(lambda: self._emit_name(self.applyRequested))
        self.actions_["new"].triggered.connect(self.newRequested)
        self.actions_["edit"].triggered.connect(lambda: self._emit_id(self.editRequested))
        self.actions_["delete"].triggered.connect(lambda: self._emit_id(self.deleteRequested))
        self.actions_["up"].triggered.connect(lambda: self._emit_move(-1))
        self.actions_["down"].triggered.connect(lambda: self._emit_move(1))
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.applyRequested.emit(item.text(0)))

    def set_tags(self, tags: list[Tag], usage: dict[str, int]) -> None:
        current = self.current_id()
        self.tags = tags
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        pending = list(tags)
        # Parents before children, whatever the positions say.
        while pending:
            progressed = False
            for tag in list(pending):
                if tag.parent and tag.parent not in items:
                    continue
                holder = items.get(tag.parent) if tag.parent else None
                item = QTreeWidgetItem(holder) if holder else QTreeWidgetItem(self.tree)
                item.setText(0, tag.name)
                item.setIcon(0, swatch(tag.color))
                item.setText(1, tag.shortcut or "")
                item.setText(2, str(usage.get(tag.name, 0)))
                item.setToolTip(0, tag.description or tag.name)
                item.setData(0, ID_ROLE, tag.id)
                items[tag.name] = item
                pending.remove(tag)
                progressed = True
            if not progressed:  # a parent that no longer exists: show at top level
                pending[0].parent = None
        self.tree.expandAll()
        if current is not None:
            self.select(current)

    def set_usage(self, usage: dict[str, int]) -> None:
        """The "Used" column again, after highlights were tagged or deleted."""
        for item in self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive):
            item.setText(2, str(usage.get(item.text(0), 0)))

    def usage(self, name: str) -> int | None:
        """The "Used" count shown for the tag ``name``."""
        found = self.tree.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return int(found[0].text(2)) if found else None

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item else None

    def select(self, tag_id: int) -> None:
        for item in self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive):
            if item.data(0, ID_ROLE) == tag_id:
                self.tree.setCurrentItem(item)
                return

    def _emit_name(self, signal: Signal) -> None:
        item = self.tree.currentItem()
        if item:
            signal.emit(item.text(0))

    def _emit_id(self, signal: Signal) -> None:
        tag_id = self.current_id()
        if tag_id is not None:
            signal.emit(tag_id)

    def _emit_move(self, delta: int) -> None:
        tag_id = self.current_id()
        if tag_id is not None:
            self.moveRequested.emit(tag_id, delta)
