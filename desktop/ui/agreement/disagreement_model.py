"""The disagreements of a comparison as a thin table model."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.core.curation import Item
from desktop.ui.widgets.tables import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
Row = tuple[Item, str]  # the item and its curation status


class DisagreementModel(RecordTableModel[Row]):
    HEADERS = ("Kind", "Status", "A", "B", "Text")

    def __init__(self, text: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item, state = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return item.kind
            if column == 1:
                return state
            if column in (2, 3):
                h = item.a if column == 2 else item.b
                return ", ".join(h.tags) if h is not None else "—"
            return " ".join(self.text[item.start:item.end].split())[:120]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return self.text[item.start:item.end]
        return None
