"""What the panels' tables share: a thin model over a list of records, the
usual table view set-up, search boxes and counts."""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class RecordTableModel(QAbstractTableModel, Generic[Row]):
    """Adapts a list of records; subclasses give HEADERS and ``data``."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []

    def reset_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: list[Row]) -> None:
        """Show ``rows``, a few of which differ from those shown: only the
        stretch that differs is replaced, so the view keeps its selection
        and scroll position and redraws little."""
        old, new = self.rows, list(rows)
        both = min(len(old), len(new))
        head = 0
        while head < both and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < both - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        gone, came = len(old) - head - tail, len(new) - head - tail
        same = min(gone, came)
        if same:
            self.rows[head:head + same] = new[head:head + same]
            self.dataChanged.emit(self.index(head, 0), self.index(head + same - 1, self.columnCount() - 1))
        at = head + same
        if gone > same:
            self.beginRemoveRows(QModelIndex(), at, head + gone - 1)
            del self.rows[at:head + gone]
            self.endRemoveRows()
        elif came > same:
            self.beginInsertRows(QModelIndex(), at, head + came - 1)
            self.rows[at:at] = new[at:head + came]
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None


class PagedTableModel(RecordTableModel[Row]):
    """Rows of a library-wide query fetched a page at a time as the view
    scrolls (100,000 quotes are never read at once).  Subclasses set
    ``total`` when they load and give ``fetch(offset, count)``."""

    PAGE = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = 0

    def fetch(self, offset: int, count: int) -> list[Row]:
        raise NotImplementedError

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:
        more = self.fetch(len(self.rows), self.PAGE)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()


RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def table_view(
    parent: QWidget, name: str, model: QAbstractItemModel, stretch: tuple[int, ...] = (0,),
    multi: bool = False,
) -> QTableView:
    """A read-only, row-selecting table; ``stretch`` columns share the width,
    the others fit their contents."""
    view = QTableView(parent)
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection if multi else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    # A long name or description ("influential separatist commander in ...")
    # must not push the stretched columns out of sight: fitted columns stop
    # at about 22 characters and elide (stretched ones are not capped).
    header.setMaximumSectionSize(view.fontMetrics().averageCharWidth() * 22)
    for column in range(model.columnCount()):
        mode = QHeaderView.ResizeMode.Stretch if column in stretch else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)
    return view


def search_box(parent: QWidget, placeholder: str) -> QLineEdit:
    box = QLineEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setAccessibleName(placeholder)
    box.setClearButtonEnabled(True)
    return box


def count_text(shown: int, total: int, noun: str, plural: str | None = None) -> str:
    """"12 quotes", or "3 of 12 quotes" when a filter hides some."""
    word = noun if total == 1 else (plural or noun + "s")
    return f"{total} {word}" if shown == total else f"{shown} of {total} {word}"
