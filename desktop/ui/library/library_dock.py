"""The Library dock: every article as a table row, with full-text search,
filters, sorting by any column, and a context menu to open, export or delete.

The pieces live next door: the model (``library_model``: rows, sorting,
filtering), the view (``library_view``) and the filter panel
(``library_filters``); their public names are importable from here too.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import BylineError
from desktop.store.actors import article_ids_of_actor, library_actors
from desktop.store.articles import ArticleSummary
from desktop.store.library import LibraryRow, library_rows
from desktop.store.search import search_articles
from desktop.ui.library.filters import FilterPanel
from desktop.ui.library.model import (
    COUNTS,
    DATE,
    ENTITIES,
    HIGHLIGHTS,
    ID_ROLE,
    QUOTES,
    SNIPPET_ROLE,
    SOURCE,
    TAGS,
    TITLE,
    LibraryFilter,
    LibraryModel,
    Pages,
    snippet_html,
)
from desktop.ui.library.view import LibraryTable, SnippetDelegate, search_row_height, snippet_font
from desktop.ui.widgets.tables import count_text, search_box

__all__ = [
    "COUNTS", "DATE", "ENTITIES", "HIGHLIGHTS", "ID_ROLE", "QUOTES", "SNIPPET_ROLE", "SOURCE",
    "TAGS", "TITLE", "FilterPanel", "LibraryDock", "LibraryFilter", "LibraryModel", "LibraryTable",
    "SnippetDelegate", "search_row_height", "snippet_font", "snippet_html",
]
SEARCH_LIMIT = 1000


class LibraryDock(QDockWidget):
    """The library table; reads through store functions, and asks the
    controller (signals) for anything that changes the library."""

    articleChosen = Signal(int)
    exportRequested = Signal(list)  # article ids
    deleteRequested = Signal(list)  # article ids
    detailsRequested = Signal(int)  # article id
    filtered = Signal()  # after the search or a filter changed what is shown
    columnsHidden = Signal(set)  # the names of the hidden columns

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Library", parent)
        self.setObjectName("LibraryDock")
        self.model = LibraryModel(self)
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
        self._page_timer = QTimer(self)  # the library's next page, between events
        self._page_timer.setSingleShot(True)
        self._page_timer.setInterval(0)
        self._page_timer.timeout.connect(self._next_page)
        self.model.loaded.connect(self._loaded)

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
        self.details_action = self._action("Edit &details…", self._details_of_selected)
        self.delete_action = self._action(
            "&Delete…", lambda: self.deleteRequested.emit(self.selected_ids())
        )
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self._selection_changed()

    def _table(self, parent: QWidget) -> LibraryTable:
        view = LibraryTable(self.model, parent)
        header = view.horizontalHeader()
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
        if not set(map(type, rows)) <= {LibraryRow}:
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

    def show_pages(self, pages: Pages) -> None:
        """Show the whole library from ``library_pages``: the first page at
        once, the others read between events while the user looks (all at
        once when a search or filter needs every article first)."""
        if self._search_ids is not None or self._actor_ids is not None or not self.model.criteria.is_empty():
            self.set_articles([r for page, _more in pages for r in page])
            return
        self.model.set_pages(pages)
        if self.panel.isVisible():
            self.load_actors()
        self.mark_current(self._current)
        if self.model.loading:
            self._update_count()
            self._page_timer.start()
        else:
            self.panel.set_rows(self.model.records)
            self._apply()

    def _next_page(self) -> None:
        try:
            self.model.fetch_page()
        except BylineError as exc:  # a team library's server went away meanwhile
            self.model.stop_pages()
            self.count_label.setText(f"{self.count_label.text()}; the rest could not be read: {exc}")
            return
        if self.model.loading:
            self._page_timer.start()

    def _loaded(self) -> None:
        """The last page came in: the filter panel's choices and the count
        cover every article now, and the open article's row is selected."""
        self._page_timer.stop()
        self.panel.set_rows(self.model.records)
        self._update_count()
        if self.view.selectionModel().currentIndex().data(ID_ROLE) != self._current:
            self.mark_current(self._current)

    def update_articles(self, rows: Sequence[LibraryRow]) -> None:
        """New counts or tags for articles already listed (a filter may now
        hide or show them)."""
        self.model.update_rows(rows)
        self._update_count()

    def remove_articles(self, ids: Sequence[int]) -> None:
        self.model.remove_ids(ids)
        self._update_count()

    def mark_current(self, article_id: int) -> None:
        """Select the open article's row (without opening it again)."""
        self._current = article_id
        row = self.model.row_of(article_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.view.scrollTo(index)

    def _select_ids(self, ids: list[int], current: int | None) -> None:
        """Select these articles' rows (those shown), in contiguous runs."""
        rows = sorted(r for r in map(self.model.row_of, ids) if r >= 0)
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        runs: list[list[int]] = []
        for row in rows:
            if runs and runs[-1][1] == row - 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        for first, last in runs:
            selection.select(self.model.index(first, 0), self.model.index(last, last_column))
        flags = QItemSelectionModel.SelectionFlag
        model = self.view.selectionModel()
        row = self.model.row_of(current) if current is not None else -1
        if row >= 0:
            model.setCurrentIndex(self.model.index(row, 0), flags.NoUpdate)
        model.select(selection, flags.ClearAndSelect | flags.Rows)

    def selected_ids(self) -> list[int]:
        """The selected articles in table order (read from the selection's
        ranges: a select-all of ten thousand rows is one range)."""
        ranges = self.view.selectionModel().selection()
        rows = sorted({row for r in ranges for row in range(r.top(), r.bottom() + 1)})
        return [self.model.rows[row].id for row in rows]

    def visible_ids(self) -> list[int]:
        return [r.id for r in self.model.rows]

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
        self.view.set_searching(searching)
        header = self.view.horizontalHeader()
        if searching and not was:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # by relevance
        elif searching:
            self.model.resort()  # new ranks
        elif was and header.sortIndicatorSection() == -1:
            header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self._apply()

    def _actor_chosen(self, name: str) -> None:
        self._actor_ids = frozenset(article_ids_of_actor(name)) if name else None
        self._apply()

    def _apply(self) -> None:
        criteria = replace(self.panel.criteria(self._actor_ids), search=self._search_ids)
        selection = self.view.selectionModel()
        current = selection.currentIndex().data(ID_ROLE)
        selected = self.selected_ids()
        if self.model.set_filter(criteria):
            self._select_ids(selected, current)
        count = criteria.count()
        self.filters_button.setText(f"Filters ({count})" if count else "Filters")
        self.clear_button.setVisible(bool(count) or self._search_ids is not None)
        self._update_count()
        self.filtered.emit()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        text = count_text(shown, total, "article")
        if self.model.loading:
            text += ", listing more…"
        elif self._search_ids is not None:
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
        menu.addActions([self.open_action, self.details_action, self.export_action])
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _details_of_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.detailsRequested.emit(ids[0])

    def _header_menu(self, pos: QPoint) -> None:
        self.column_menu().exec(self.view.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """The header's context menu: show or hide columns (the title stays)."""
        menu = QMenu(self)
        for column in range(1, len(LibraryModel.HEADERS)):
            action = menu.addAction(LibraryModel.HEADERS[column])
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self._show_column(c, on))
        return menu

    def _show_column(self, column: int, shown: bool) -> None:
        self.view.setColumnHidden(column, not shown)
        self.columnsHidden.emit(self.hidden_columns())

    def hidden_columns(self) -> set[str]:
        headers = LibraryModel.HEADERS
        return {headers[c] for c in range(1, len(headers)) if self.view.isColumnHidden(c)}

    def set_hidden_columns(self, names: set[str]) -> None:
        """Hide the columns of these names (the title always shows)."""
        for column, name in enumerate(LibraryModel.HEADERS[1:], start=1):
            self.view.setColumnHidden(column, name in names)
