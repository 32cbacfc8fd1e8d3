"""The Library table's model: every article as a ``LibraryRow`` tuple,
sorted and filtered in Python.

There is no proxy.  Ten thousand rows passed through a
``QSortFilterProxyModel`` cost a Python ``filterAcceptsRow`` call per row on
every reset, even with no filter set; here an empty filter costs nothing and
a set one narrows the list in C.  Sorting is one ``list.sort`` with a key
per column (C getters for most), where a proxy would call ``data()`` for
every comparison.  Only the cells the view paints are ever formatted.
(Which rows a filter accepts is ``criteria.LibraryFilter``.)
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from html import escape
from itertools import filterfalse
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop.store.library import LibraryRow, newest_first
from desktop.store.search import snippet_parts
from desktop.ui.library.criteria import LibraryFilter
from desktop.ui.widgets.tables import RIGHT, RecordTableModel

Index = QModelIndex | QPersistentModelIndex
TITLE, DATE, SOURCE, ENTITIES, QUOTES, HIGHLIGHTS, TAGS = range(7)
COUNTS = (ENTITIES, QUOTES, HIGHLIGHTS)
ID_ROLE = Qt.ItemDataRole.UserRole
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 1
SortKey = Callable[[LibraryRow], Any]
_KEYS: dict[int, SortKey] = {
    TITLE: lambda r: r.title.casefold(),
    DATE: attrgetter("date"),
    SOURCE: lambda r: r.source.casefold(),
    ENTITIES: attrgetter("entities"),
    QUOTES: attrgetter("quotes"),
    HIGHLIGHTS: attrgetter("highlights"),
    TAGS: lambda r: ", ".join(r.tags).casefold(),
}
# Columns whose empty values (no date, no source, no tags) go last whichever
# way the column is sorted.
_MAY_BE_EMPTY: dict[int, SortKey] = {
    DATE: attrgetter("date"), SOURCE: attrgetter("source"), TAGS: attrgetter("tags"),
}


Pages = Iterator[tuple[list[LibraryRow], bool]]  # as ``library_pages`` gives them


class LibraryModel(RecordTableModel[LibraryRow]):
    """``records`` are all the articles in the current order; ``rows`` the
    ones the filter accepts, in the same order: the table's rows.

    The whole library may come in pages (``set_pages``): the first is shown
    at once, the others are read by ``fetch_page`` and appended together
    after the last; scrolling to the end of the first page, or any change of
    order, filter or rows, reads all the rest first (``complete``), so that
    these always work on every article."""

    loaded = Signal()  # the last page of ``set_pages`` came in

    HEADERS = ("Title", "Date", "Source", "Entities", "Quotes", "Highlights", "Tags")
    TIPS = ("", "Publication date", "Outlet or site", "Named entities found",
            "Quotes found", "Your highlights", "Tags of your highlights")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[LibraryRow] = []
        self.rows: list[LibraryRow] = []
        self.criteria = LibraryFilter()
        self.snippets: dict[int, str] = {}  # article id -> search snippet
        self.ranks: dict[int, int] = {}  # article id -> search rank (0 best)
        self._row_of: dict[int, int] = {}
        self._sort = (-1, Qt.SortOrder.AscendingOrder)
        self._pending: Pages | None = None
        self._read: list[LibraryRow] = []  # pages read, not shown yet

    # changing ----------------------------------------------------------------
    def set_rows(self, rows: Sequence[LibraryRow]) -> None:
        self._pending, self._read = None, []
        self.beginResetModel()
        self.records = self._sorted(list(rows), *self._sort)
        self.rows = self._accepted(self.records)
        self._index_rows()
        self.endResetModel()

    def set_pages(self, pages: Pages) -> None:
        """Show the first page now and keep the others for ``fetch_page``.
        Only in the library's own order (newest first, which sorting by
        date descending also gives) with nothing filtered do pages simply
        follow one another; otherwise every page is read now."""
        first, more = next(pages, ([], False))
        column, order = self._sort
        natural = (column == -1 and not self.ranks) or (column == DATE and order == Qt.SortOrder.DescendingOrder)
        if more and not (natural and self.criteria.is_empty()):
            first += [r for page, _more in pages for r in page]
            more = False
        self.set_rows(first)
        self._pending = pages if more else None

    @property
    def loading(self) -> bool:
        """Whether pages of ``set_pages`` are still to come."""
        return self._pending is not None

    def fetch_page(self) -> None:
        """Read the next page.  The pages read join the table together after
        the last one: appending each one repainted the table each time."""
        if self._pending is not None:
            page, more = next(self._pending, ([], False))
            self._read += page
            if not more:
                self._show_read()

    def complete(self) -> None:
        """Read every page still to come, at once, and show them."""
        if self._pending is not None:
            self._read += [r for page, _more in self._pending for r in page]
            self._show_read()

    def stop_pages(self) -> None:
        """Show the pages read so far and read no more (reading failed)."""
        if self._pending is not None:
            self._show_read()

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._pending is not None

    def fetchMore(self, parent: Index) -> None:
        """The view scrolled to the end of the first page: show the rest now."""
        self.complete()

    def _show_read(self) -> None:
        rows, self._read, self._pending = self._read, [], None
        if rows:  # nothing is filtered while pages come: every record is a row
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self.records += rows
            self.rows += rows
            self._row_of.update(zip(map(attrgetter("id"), rows), range(start, start + len(rows)), strict=True))
            self.endInsertRows()
        self.loaded.emit()

    def set_filter(self, criteria: LibraryFilter) -> bool:
        """Show the records ``criteria`` accepts, in one reset: removing and
        inserting the runs that change took seconds when a filter's matches
        lay scattered through ten thousand rows.  (The dock selects again the
        rows that were selected.)  False when nothing changed."""
        if criteria == self.criteria:
            return False
        self.complete()
        self.beginResetModel()
        self.criteria = criteria
        self.rows = self._accepted(self.records)
        self._index_rows()
        self.endResetModel()
        return True

    def update_rows(self, records: Sequence[LibraryRow]) -> None:
        """New counts or tags for records already listed; a row the filter
        now refuses (a tag removed) leaves, one it now accepts comes in."""
        self.complete()
        new = {r.id: r for r in records}
        listed = []
        for i, record in enumerate(self.records):
            if record.id in new:
                self.records[i] = new[record.id]
                listed.append(new[record.id])
        moved = False
        for record in listed:
            row = self._row_of.get(record.id)
            accepted = self.criteria.accepts(record)
            if row is not None and accepted:
                self.rows[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
            moved = moved or (row is not None) != accepted
        if moved:
            self._show(self._accepted(self.records))

    def remove_ids(self, ids: Sequence[int]) -> None:
        self.complete()
        gone = set(ids)
        self.records = [r for r in self.records if r.id not in gone]
        self._remove_rows(gone)

    def set_snippets(self, snippets: dict[int, str]) -> None:
        """Search snippets by id, in rank order (best first); {} ends a search."""
        self.snippets = dict(snippets)
        self.ranks = {article_id: rank for rank, article_id in enumerate(snippets)}
        if self.rows:
            self.dataChanged.emit(self.index(0, TITLE), self.index(len(self.rows) - 1, TITLE))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the records; column -1 is the natural order: by relevance
        during a search, else newest first."""
        self.complete()
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.rows[p.row()].id for p in persistent]
        self.records = self._sorted(self.records, column, order)
        shown = self._row_of
        self.rows = [r for r in self.records if r.id in shown]
        self._index_rows()
        moved = [
            self.index(self._row_of[i], p.column()) for i, p in zip(ids, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def resort(self) -> None:
        """Sort again as last asked (the search ranks changed)."""
        self.sort(*self._sort)

    def _sorted(self, rows: list[LibraryRow], column: int, order: Qt.SortOrder) -> list[LibraryRow]:
        if column not in _KEYS:  # natural order
            rows = sorted(rows, key=newest_first, reverse=True)
            if self.ranks:
                rows.sort(key=lambda r: self.ranks.get(r.id, len(self.ranks)))
            return rows
        descending = order == Qt.SortOrder.DescendingOrder
        if column not in _MAY_BE_EMPTY:
            return sorted(rows, key=_KEYS[column], reverse=descending)
        value = _MAY_BE_EMPTY[column]
        present = sorted(filter(value, rows), key=_KEYS[column], reverse=descending)
        return present + list(filterfalse(value, rows))

    def _accepted(self, records: list[LibraryRow]) -> list[LibraryRow]:
        if self.criteria.is_empty():
            return list(records)
        return self.criteria.select(records)

    def _show(self, rows: list[LibraryRow]) -> None:
        """Go from the rows shown to ``rows`` (records in their order):
        remove the rows that leave, then insert the runs that come in."""
        keep = {r.id for r in rows}
        self._remove_rows({r.id for r in self.rows if r.id not in keep})
        shown = set(self._row_of)
        start = 0
        while start < len(rows):
            if rows[start].id in shown:
                start += 1
                continue
            end = start + 1
            while end < len(rows) and rows[end].id not in shown:
                end += 1
            self.beginInsertRows(QModelIndex(), start, end - 1)
            self.rows[start:start] = rows[start:end]
            self.endInsertRows()
            start = end
        self._index_rows()

    def _remove_rows(self, ids: set[int]) -> None:
        """Remove the shown rows of these ids, in contiguous runs, last first,
        so that earlier rows keep their numbers."""
        rows = sorted((self._row_of[i] for i in ids if i in self._row_of), reverse=True)
        while rows:
            last = first = rows.pop(0)
            while rows and rows[0] == first - 1:
                first = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            del self.rows[first : last + 1]
            self.endRemoveRows()
        self._index_rows()

    def _index_rows(self) -> None:
        self._row_of = dict(zip(map(attrgetter("id"), self.rows), range(len(self.rows)), strict=True))

    def row_of(self, article_id: int) -> int:
        """The table row of an article, -1 when it is not shown."""
        return self._row_of.get(article_id, -1)

    def total(self) -> int:
        """How many articles are listed, shown or not."""
        return len(self.records)

    # reading -----------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == ID_ROLE:
            return row.id
        if role == SNIPPET_ROLE:
            return self.snippets.get(row.id) if column == TITLE else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in COUNTS:
            return RIGHT
        return None

    def _tooltip(self, row: LibraryRow, column: int) -> str | None:
        if column == TAGS:
            return ", ".join(row.tags) or None
        if column != TITLE:
            return None
        lines = [f"<b>{escape(row.title)}</b>"]
        meta = " · ".join(part for part in (row.date, row.source) if part)
        lines += [escape(part) for part in (meta, row.url) if part]
        snippet = self.snippets.get(row.id)
        if snippet:
            lines.append(snippet_html(snippet))
        return "<p>" + "<br>".join(lines) + "</p>"

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: E501
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.TIPS[section] or None
        return None


def _display(row: LibraryRow, column: int) -> Any:
    if column == TITLE:
        return row.title
    if column == DATE:
        return row.date or ""
    if column == SOURCE:
        return row.source or ""
    if column == TAGS:
        return ", ".join(row.tags)
    return (row.entities, row.quotes, row.highlights)[column - ENTITIES]


def snippet_html(snippet: str) -> str:
    """A search snippet as escaped HTML with the matches in bold."""
    parts = snippet_parts(" ".join(snippet.split()))
    return "".join(f"<b>{escape(text)}</b>" if match else escape(text) for text, match in parts)
