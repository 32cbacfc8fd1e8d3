"""The dock the Quotes, Actors and Annotations panels share: filters over a
table of records, a count of what the filters let through, and the row the
user chose."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QComboBox, QDockWidget, QHBoxLayout, QLabel, QLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.widgets.tables import RecordTableModel, count_text, search_box, table_view


class FilteredTableDock(QDockWidget):
    """Subclasses put their filters in ``filters`` (``add_search``,
    ``add_choice``), may add rows (``add_row``), then call ``finish()``;
    they implement ``apply_filters()`` and ``row_chosen(source_row)``."""

    NOUN = "row"

    def __init__(
        self, title: str, name: str, model: RecordTableModel, proxy: QSortFilterProxyModel, parent: QWidget | None
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName(name)
        self.model, self.proxy = model, proxy
        model.setParent(self)
        proxy.setParent(self)
        proxy.setSourceModel(model)
        self.body = QWidget(self)
        self._layout = QVBoxLayout(self.body)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self.filters = QHBoxLayout()
        self._layout.addLayout(self.filters)
        self.count_label = QLabel(self.body)
        self._searches: list[QLineEdit] = []
        self._choices: list[QComboBox] = []

    def add_search(self, placeholder: str, stretch: int = 2) -> QLineEdit:
        box = search_box(self.body, placeholder)
        self.filters.addWidget(box, stretch)
        box.textChanged.connect(self.refilter)
        self._searches.append(box)
        return box

    def add_choice(self, name: str, stretch: int = 1) -> QComboBox:
        """A drop-down filter; fill it with ``addItem(text, value)``."""
        box = QComboBox(self.body)
        box.setAccessibleName(name)
        self.filters.addWidget(box, stretch)
        box.currentIndexChanged.connect(self.refilter)
        self._choices.append(box)
        return box

    def clear_filters(self) -> None:
        """Every row shown again (another article is open: the last one's
        search words would hide its rows)."""
        for widget in (*self._searches, *self._choices):
            widget.blockSignals(True)
        for search in self._searches:
            search.clear()
        for choice in self._choices:
            choice.setCurrentIndex(0)
        for widget in (*self._searches, *self._choices):
            widget.blockSignals(False)
        self.refilter()

    def add_row(self, row: QLayout | QWidget) -> None:
        if isinstance(row, QLayout):
            self._layout.addLayout(row)
        else:
            self._layout.addWidget(row)

    def finish(self, view_name: str, stretch: tuple[int, ...] = (0,), multi: bool = False) -> None:
        """Add the table below the filters (created last: the filters come
        first in the focus order) and show every row."""
        self.view = table_view(self.body, view_name, self.proxy, stretch=stretch, multi=multi)
        # A long article has thousands of rows: columns fitted to their
        # contents are measured on the first 100, not Qt's default 1,000
        # (which cost a third of a second).
        self.view.horizontalHeader().setResizeContentsPrecision(100)
        self._layout.addWidget(self.view)
        self.setWidget(self.body)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

    def refilter(self) -> None:
        self.apply_filters()
        self.show_count()

    def show_count(self) -> None:
        self.count_label.setText(count_text(self.proxy.rowCount(), self.model.rowCount(), self.NOUN))

    def apply_filters(self) -> None:
        raise NotImplementedError

    def row_chosen(self, source_row: int) -> None:
        """The user made ``source_row`` (a row of ``model``) current."""

    def _current_changed(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_chosen(self.proxy.mapToSource(index).row())
