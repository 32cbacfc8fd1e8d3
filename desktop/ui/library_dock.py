"""The Library dock: every article as a table row, with full-text search,
filters, sorting by any column, and a context menu to open, export or delete.

The table model is a thin adapter over ``LibraryRow`` records; sorting
happens on those records in Python (a key per column, one ``list.sort``), so
a click on a header orders ten thousand rows at once, where a proxy calling
``data()`` for every comparison would take seconds.  The proxy only filters.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import Any

from PySide6.QtCore import (
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.actors import articles_of_actor, library_actors
from desktop.store.articles import ArticleSummary
from desktop.store.library import LibraryRow, library_rows
from desktop.store.search import search_articles
from desktop.ui.tables import RIGHT, RecordTableModel, count_text, search_box

Index = QModelIndex | QPersistentModelIndex
TITLE, DATE, SOURCE, ENTITIES, QUOTES, HIGHLIGHTS, TAGS = range(7)
COUNTS = (ENTITIES, QUOTES, HIGHLIGHTS)
ID_ROLE = Qt.ItemDataRole.UserRole
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_LIMIT = 1000
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
SortKey = Callable[[LibraryRow], Any]
_KEYS: dict[int, SortKey] = {
    TITLE: lambda r: r.title.casefold(),
    DATE: lambda r: r.date or None,
    SOURCE: lambda r: r.source.casefold() if r.source else None,
    ENTITIES: lambda r: r.entities,
    QUOTES: lambda r: r.quotes,
    HIGHLIGHTS: lambda r: r.highlights,
    TAGS: lambda r: ", ".join(r.tags).casefold() or None,
}


class LibraryModel(RecordTableModel[LibraryRow]):
    HEADERS = ("Title", "Date", "Source", "Entities", "Quotes", "Highlights", "Tags")
    TIPS = ("", "Publication date", "Outlet or site", "Named entities found",
            "Quotes found", "Your highlights", "Tags of your highlights")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LibraryRow] = []
        self.snippets: dict[int, str] = {}  # article id -> search snippet
        self.ranks: dict[int, int] = {}  # article id -> search rank (0 best)
        self._row_of: dict[int, int] = {}
        self._sort = (-1, Qt.SortOrder.AscendingOrder)

    # changing ----------------------------------------------------------------
    def set_rows(self, rows: Sequence[LibraryRow]) -> None:
        self.beginResetModel()
        self.rows = self._sorted(list(rows), *self._sort)
        self._index_rows()
        self.endResetModel()

    def update_rows(self, records: Sequence[LibraryRow]) -> None:
        """New counts or tags for rows already shown."""
        for record in records:
            row = self._row_of.get(record.id)
            if row is not None:
                self.rows[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def remove_ids(self, ids: Sequence[int]) -> None:
        rows = sorted((self._row_of[i] for i in set(ids) if i in self._row_of), reverse=True)
        while rows:  # contiguous runs, last first, so earlier rows keep their numbers
            last = first = rows.pop(0)
            while rows and rows[0] == first - 1:
                first = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            del self.rows[first : last + 1]
            self.endRemoveRows()
        self._index_rows()

    def set_snippets(self, snippets: dict[int, str]) -> None:
        """Search snippets by id, in rank order (best first); {} ends a search."""
        self.snippets = dict(snippets)
        self.ranks = {article_id: rank for rank, article_id in enumerate(snippets)}
        if self.rows:
            self.dataChanged.emit(self.index(0, TITLE), self.index(len(self.rows) - 1, TITLE))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the records; column -1 is the natural order: by relevance
        during a search, else newest first."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.rows[p.row()].id for p in persistent]
        self.rows = self._sorted(self.rows, column, order)
        self._index_rows()
        moved = [
            self.index(self._row_of[i], p.column()) for i, p in zip(ids, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[LibraryRow], column: int, order: Qt.SortOrder) -> list[LibraryRow]:
        descending = order == Qt.SortOrder.DescendingOrder
        if column not in _KEYS:  # natural order
            rows = sorted(rows, key=_newest_first, reverse=True)
            if self.ranks:
                rows.sort(key=lambda r: self.ranks.get(r.id, len(self.ranks)))
            return rows
        key = _KEYS[column]
        # Empty dates, sources and tags go last whichever way the column is sorted.
        present = sorted((r for r in rows if key(r) is not None), key=key, reverse=descending)
        return present + [r for r in rows if key(r) is None]

    def _index_rows(self) -> None:
        self._row_of = {r.id: i for i, r in enumerate(self.rows)}

    def row_of(self, article_id: int) -> int:
        return self._row_of.get(article_id, -1)

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

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802, E501
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.TIPS[section] or None
        return None


def _newest_first(row: LibraryRow) -> tuple[bool, str, int]:
    return (row.date is not None, row.date or "", row.id)


def _display(row: LibraryRow, column: int) -> Any:
    values = (row.title, row.date or "", row.source or "", row.entities, row.quotes,
              row.highlights, ", ".join(row.tags))
    return values[column]


def snippet_html(snippet: str) -> str:
    """A search snippet as escaped HTML with the matches in bold."""
    from desktop.store.search import snippet_parts

    parts = snippet_parts(" ".join(snippet.split()))
    return "".join(f"<b>{escape(text)}</b>" if match else escape(text) for text, match in parts)


@dataclass(frozen=True, slots=True)
class LibraryFilter:
    """Which rows the table shows; None means "any"."""

    search: frozenset[int] | None = None
    tag: str | None = None
    actor: frozenset[int] | None = None
    source: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None

    def accepts(self, row: LibraryRow) -> bool:
        if self.search is not None and row.id not in self.search:
            return False
        if self.actor is not None and row.id not in self.actor:
            return False
        if self.tag is not None and self.tag not in row.tags:
            return False
        if self.source is not None and (row.source or "") != self.source:
            return False
        if self.date_from is None and self.date_to is None:
            return True
        # A date filter shows only rows whose date it can compare.
        day = row.date[:10] if row.date and _ISO_DAY.match(row.date) else None
        return day is not None and (self.date_from or day) <= day <= (self.date_to or day)

    def count(self) -> int:
        """How many filters (besides the search) are set."""
        dates = self.date_from is not None or self.date_to is not None
        return sum(x is not None for x in (self.tag, self.actor, self.source)) + dates


class LibraryProxy(QSortFilterProxyModel):
    """Filters the rows; sorting is handed to the source model (see above)."""

    def __init__(self, model: LibraryModel) -> None:
        super().__init__(model)
        self.setSourceModel(model)
        self.criteria = LibraryFilter()

    def set_filter(self, criteria: LibraryFilter) -> None:
        self.beginFilterChange()
        self.criteria = criteria
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model: LibraryModel = self.sourceModel()  # type: ignore[assignment]
        return self.criteria.accepts(model.rows[source_row])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


def snippet_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.9)
    return small


def search_row_height(font: QFont) -> int:
    """A title line and two lines of snippet."""
    return QFontMetrics(font).height() + 2 * QFontMetrics(snippet_font(font)).lineSpacing() + 6


class SnippetDelegate(QStyledItemDelegate):
    """The title cell during a search: the title, and under it the passage
    that matched with the matches in bold."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        snippet = index.data(SNIPPET_ROLE)
        if not snippet:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(4, 2, -4, -2)
        small = snippet_font(opt.font)
        line = opt.fontMetrics.height()
        spacing = QFontMetrics(small).lineSpacing()
        lines = max(0, (rect.height() - line) // spacing)
        painter.save()
        # Whole lines only: a half-cut line of text reads as a glitch.
        painter.setClipRect(rect.x(), rect.y(), rect.width(), line + lines * spacing)
        painter.setPen(opt.palette.color(role))
        elided = opt.fontMetrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect.x(), rect.y(), rect.width(), line, Qt.AlignmentFlag.AlignLeft, elided)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(small)
        doc.setHtml(snippet_html(snippet))
        doc.setTextWidth(rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.translate(rect.x(), rect.y() + line)
        doc.documentLayout().draw(painter, context)
        painter.restore()


class LibraryTable(QTableView):
    """Keeps the title wide: it takes the room the other columns leave, or,
    in a narrow dock, all but the date's (the rest scroll into view)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        room = self.viewport().width()
        shown = [c for c in range(1, self.model().columnCount()) if not self.isColumnHidden(c)]
        others = sum(self.columnWidth(c) for c in shown if c != TAGS)
        others += self.fontMetrics().horizontalAdvance("M") * 8 if TAGS in shown else 0
        date = 0 if self.isColumnHidden(DATE) else self.columnWidth(DATE)
        least = self.fontMetrics().horizontalAdvance("M") * 14
        if room - others >= least:
            width = room - others
        else:  # the title and the date in view; more columns need a wider dock
            width = max(least, min(room - date, least * 2))
        self.setColumnWidth(TITLE, width)


class FilterPanel(QWidget):
    """Tag, actor, source and date range; ``changed`` after any change."""

    changed = Signal()
    actorChanged = Signal(str)  # noqa: N815 -- Qt naming; "" for any actor

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag = self._combo("Any tag", "Show articles with a highlight carrying this tag")
        self.source = self._combo("Any source", "Show articles from this outlet or site")
        self.actor = self._combo("Any actor", "Show articles naming this actor (analysed articles)")
        self.actor.setEditable(True)
        self.actor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.actor.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.actor.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.use_from, self.date_from = self._date("From", "Show articles published on or after")
        self.use_to, self.date_to = self._date("to", "Show articles published on or before")
        # Compact rows: the dock is narrow and the table needs the height.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.tag, 0, 0, 1, 2)
        grid.addWidget(self.source, 0, 2, 1, 2)
        grid.addWidget(self.actor, 1, 0, 1, 4)
        for column, widget in enumerate((self.use_from, self.date_from, self.use_to, self.date_to)):
            grid.addWidget(widget, 2, column)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.actor.currentIndexChanged.connect(lambda: self.actorChanged.emit(self.actor_name()))
        for combo in (self.tag, self.source):
            combo.currentIndexChanged.connect(self.changed)
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.changed)
            edit.dateChanged.connect(lambda _d, c=check: c.isChecked() and self.changed.emit())

    def _combo(self, any_text: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(any_text, None)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.setAccessibleName(any_text.replace("Any ", "Filter by "))
        return combo

    def _date(self, text: str, tip: str) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(text, self)
        check.setToolTip(tip)
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        edit.setAccessibleName(f"{text} date")
        return check, edit

    # choices -------------------------------------------------------------------
    @staticmethod
    def _fill(combo: QComboBox, items: Sequence[tuple[str, str]]) -> None:
        """Replace the choices after "any", keeping the chosen one if it is still there."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in items:
            combo.addItem(text, value)
        found = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)
        if current is not None and found < 0:
            combo.currentIndexChanged.emit(0)

    def set_rows(self, rows: Sequence[LibraryRow]) -> None:
        """Tags, sources and the date range the rows hold."""
        tags = sorted({t for r in rows for t in r.tags}, key=str.casefold)
        sources = sorted({r.source for r in rows if r.source}, key=str.casefold)
        self._fill(self.tag, [(t, t) for t in tags])
        self._fill(self.source, [(s, s) for s in sources])
        days = sorted(r.date[:10] for r in rows if r.date and _ISO_DAY.match(r.date))
        bounds = ((self.use_from, self.date_from, days[:1]), (self.use_to, self.date_to, days[-1:]))
        for check, edit, day in bounds:
            if day and not check.isChecked():
                edit.setDate(QDate.fromString(day[0], Qt.DateFormat.ISODate))

    def set_actors(self, actors: Sequence[tuple[str, str, int]]) -> None:
        """(name, type, articles) of the library's actors."""
        self._fill(self.actor, [(f"{n} ({t}, {k})", n) for n, t, k in actors])

    # state ---------------------------------------------------------------------
    def actor_name(self) -> str:
        return self.actor.currentData() or ""

    def criteria(self, actor_ids: frozenset[int] | None) -> LibraryFilter:
        def day(check: QCheckBox, edit: QDateEdit) -> str | None:
            return edit.date().toString(Qt.DateFormat.ISODate) if check.isChecked() else None

        return LibraryFilter(
            tag=self.tag.currentData(), actor=actor_ids, source=self.source.currentData(),
            date_from=day(self.use_from, self.date_from), date_to=day(self.use_to, self.date_to),
        )

    def clear(self) -> None:
        for widget in (self.tag, self.actor, self.source, self.use_from, self.use_to):
            widget.blockSignals(True)
        self.tag.setCurrentIndex(0)
        self.actor.setCurrentIndex(0)
        self.source.setCurrentIndex(0)
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        for widget in (self.tag, self.actor, self.source, self.use_from, self.use_to):
            widget.blockSignals(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.actorChanged.emit("")


class LibraryDock(QDockWidget):
    """The library table; reads through store functions, and asks the
    controller (signals) for anything that changes the library."""

    articleChosen = Signal(int)  # noqa: N815 (Qt naming)
    exportRequested = Signal(list)  # noqa: N815 -- article ids
    deleteRequested = Signal(list)  # noqa: N815 -- article ids
    filtered = Signal()  # after the search or a filter changed what is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Library", parent)
        self.setObjectName("LibraryDock")
        self.model = LibraryModel(self)
        self.proxy = LibraryProxy(self.model)
        self._search_ids: frozenset[int] | None = None
        self._actor_ids: frozenset[int] | None = None
        self._current = -1
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.run_search)
        self.panel.changed.connect(self._apply)
        self.panel.actorChanged.connect(self._actor_chosen)
        self.filters_button.toggled.connect(self._show_filters)

    def _build(self) -> None:
        body = QWidget(self)
        self.search = search_box(body, "Search titles and texts")
        self.search.setToolTip('All words must occur; "quoted phrase", word*, a OR b')
        self.filters_button = QToolButton(body)
        self.filters_button.setText("Filters")
        self.filters_button.setCheckable(True)
        self.filters_button.setToolTip("Filter by tag, actor, source and date")
        self.panel = FilterPanel(body)
        self.panel.hide()
        self.clear_button = QToolButton(body)
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Show every article: no search, no filters")
        self.clear_button.clicked.connect(self.clear_filters)
        self.clear_button.hide()
        self.view = self._table(body)
        self.count_label = QLabel(body)
        self.count_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.filters_button)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.panel)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.setWidget(body)
        self.open_action = self._action("&Open", self._open_selected)
        self.export_action = self._action(
            "&Export…", lambda: self.exportRequested.emit(self.selected_ids())
        )
        self.delete_action = self._action(
            "&Delete…", lambda: self.deleteRequested.emit(self.selected_ids())
        )
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self._selection_changed()

    def _table(self, parent: QWidget) -> QTableView:
        view = LibraryTable(parent)
        view.setAccessibleName("Library articles")
        view.setModel(self.proxy)
        view.setItemDelegateForColumn(TITLE, SnippetDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(QFontMetrics(view.font()).height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        metrics = view.fontMetrics()
        em = metrics.horizontalAdvance("M")
        widths = {TITLE: 22 * em, DATE: metrics.horizontalAdvance("2019-12-31") + 2 * em,
                  SOURCE: 8 * em, TAGS: 8 * em}
        for column, title in enumerate(LibraryModel.HEADERS):
            width = widths.get(column, metrics.horizontalAdvance(title) + 2 * em)
            view.setColumnWidth(column, width)
        header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        view.setSortingEnabled(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.activated.connect(self._choose)
        view.clicked.connect(self._clicked)
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        return view

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self.view)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    # rows --------------------------------------------------------------------
    def set_articles(self, rows: Sequence[LibraryRow | ArticleSummary]) -> None:
        """Show these articles; plain summaries get their counts from the store."""
        if any(not isinstance(r, LibraryRow) for r in rows):
            rows = library_rows([r.id for r in rows])
        records: list[LibraryRow] = list(rows)  # type: ignore[arg-type]
        self.model.set_rows(records)
        self.panel.set_rows(records)
        if self.panel.isVisible():
            self.load_actors()
        if self._search_ids is not None:
            self.run_search()  # new articles may match
        elif self._actor_ids is not None:
            self._actor_chosen(self.panel.actor_name())
        else:
            self._apply()
        self.mark_current(self._current)

    def update_articles(self, rows: Sequence[LibraryRow]) -> None:
        """New counts or tags for articles already listed."""
        self.model.update_rows(rows)

    def remove_articles(self, ids: Sequence[int]) -> None:
        self.model.remove_ids(ids)
        self._update_count()

    def mark_current(self, article_id: int) -> None:
        """Select the open article's row (without opening it again)."""
        self._current = article_id
        source = self.model.row_of(article_id)
        index = self.proxy.mapFromSource(self.model.index(source, 0))
        if source < 0 or not index.isValid():
            return
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.view.scrollTo(index)

    def selected_ids(self) -> list[int]:
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ID_ROLE) for i in rows]

    def visible_ids(self) -> list[int]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    # search and filters -----------------------------------------------------
    def run_search(self) -> None:
        """Full-text search now (typing waits a moment first)."""
        self._search_timer.stop()
        text = self.search.text().strip()
        hits = search_articles(text, limit=SEARCH_LIMIT) if text else []
        searching = bool(text)
        was = self._search_ids is not None
        self._search_ids = frozenset(h.id for h in hits) if searching else None
        self.model.set_snippets({h.id: h.snippet for h in hits})
        font = self.view.font()
        height = search_row_height(font) if searching else QFontMetrics(font).height() + 8
        self.view.verticalHeader().setDefaultSectionSize(height)
        header = self.view.horizontalHeader()
        if searching and not was:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # by relevance
        elif searching:
            self.model.sort(*self.model._sort)  # new ranks
        elif was and header.sortIndicatorSection() == -1:
            header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self._apply()

    def _actor_chosen(self, name: str) -> None:
        self._actor_ids = frozenset(row[0] for row in articles_of_actor(name)) if name else None
        self._apply()

    def _apply(self) -> None:
        criteria = replace(self.panel.criteria(self._actor_ids), search=self._search_ids)
        self.proxy.set_filter(criteria)
        count = criteria.count()
        self.filters_button.setText(f"Filters ({count})" if count else "Filters")
        self.clear_button.setVisible(bool(count) or self._search_ids is not None)
        self._update_count()
        self.filtered.emit()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = count_text(shown, total, "article")
        if self._search_ids is not None:
            text = f"{shown} of {text.split(' of ')[-1]} match"
            if len(self._search_ids) >= SEARCH_LIMIT:
                text += f" (the best {SEARCH_LIMIT:,} matches)"
        elif shown != total:
            text += " shown"
        self.count_label.setText(text)

    def clear_filters(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if self._search_ids is not None:
            self.run_search()
        self.panel.clear()

    def _show_filters(self, shown: bool) -> None:
        self.panel.setVisible(shown)
        if shown:
            self.load_actors()

    def load_actors(self) -> None:
        self.panel.set_actors([(a.name, a.type, a.articles) for a in library_actors()])

    # choosing -----------------------------------------------------------------
    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.articleChosen.emit(index.data(ID_ROLE))

    def _clicked(self, index: QModelIndex) -> None:
        """A plain click opens; Ctrl or Shift clicks only select."""
        keys = Qt.KeyboardModifier
        if not QApplication.keyboardModifiers() & (keys.ControlModifier | keys.ShiftModifier):
            self._choose(index)

    def _open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.articleChosen.emit(ids[0])

    def _selection_changed(self) -> None:
        count = len(self.view.selectionModel().selectedRows())
        self.open_action.setEnabled(count == 1)
        self.export_action.setEnabled(count > 0)
        self.delete_action.setEnabled(count > 0)
        self.export_action.setText(f"&Export {count} selected…" if count > 1 else "&Export…")
        self.delete_action.setText(f"&Delete {count} articles…" if count > 1 else "&Delete…")

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addActions([self.open_action, self.export_action])
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _header_menu(self, pos: QPoint) -> None:
        """Show or hide columns (the title stays)."""
        menu = QMenu(self)
        for column in range(1, len(LibraryModel.HEADERS)):
            action = menu.addAction(LibraryModel.HEADERS[column])
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.view.setColumnHidden(c, not on))
        menu.exec(self.view.horizontalHeader().mapToGlobal(pos))
