"""The Library dock: the stored articles; choosing one opens it."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTableView, QWidget

from desktop.store.articles import ArticleSummary

Index = QModelIndex | QPersistentModelIndex


class ArticleTableModel(QAbstractTableModel):
    HEADERS = ("Title", "Date")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ArticleSummary] = []

    def set_rows(self, rows: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = row.title if index.column() == 0 else (row.date or "")
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
                return "\n".join(part for part in (row.title, row.source, row.url) if part)
            return value
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def row_of(self, article_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == article_id), -1)


class LibraryDock(QDockWidget):
    articleChosen = Signal(int)  # noqa: N815 (Qt naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Library", parent)
        self.setObjectName("LibraryDock")
        self.model = ArticleTableModel(self)
        self.view = QTableView(self)
        self.view.setAccessibleName("Library articles")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self._choose)
        self.view.clicked.connect(self._choose)
        self.setWidget(self.view)

    def set_articles(self, rows: list[ArticleSummary]) -> None:
        self.model.set_rows(rows)

    def mark_current(self, article_id: int) -> None:
        row = self.model.row_of(article_id)
        if row >= 0:
            self.view.selectRow(row)

    def _choose(self, index: QModelIndex) -> None:
        self.articleChosen.emit(self.model.data(index, Qt.ItemDataRole.UserRole))
