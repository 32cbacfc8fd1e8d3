"""The Actors dock: the article's people, organisations, places and groups."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QWidget,
)

from desktop.core.model import ACTOR_TYPES, MENTION_NAME, Actor
from desktop.nlp.gender import FEMALE, MALE, NONBINARY, UNKNOWN
from desktop.ui.actors.type_icons import type_icon
from desktop.ui.widgets.filtered_dock import FilteredTableDock
from desktop.ui.widgets.tables import RIGHT, RecordTableModel

Index = QModelIndex | QPersistentModelIndex
TYPE_SIGNS = {"person": "person", "organisation": "organisation", "place": "place", "group": "group"}
# The Gender menu: a library-wide correction, or "" to let the articles' evidence decide again.
GENDER_CHOICES = (
    (FEMALE, "Woman"), (MALE, "Man"), (NONBINARY, "Non-binary"), (UNKNOWN, "Unknown"),
    ("", "As the articles' evidence says"),
)
GENDER_WORDS = {FEMALE: "a woman", MALE: "a man", NONBINARY: "non-binary", UNKNOWN: "unknown"}


def actor_tooltip(actor: Actor) -> str | None:
    """Other names, and for a person the gender with its evidence."""
    lines = ["Also: " + ", ".join(actor.aliases)] if actor.aliases else []
    if actor.type == "person" and actor.gender:
        gender = GENDER_WORDS.get(actor.gender, actor.gender)
        lines.append(f"Gender: {gender}" + (f" — {actor.gender_evidence}" if actor.gender_evidence else ""))
    return "\n".join(lines) or None


class ActorTableModel(RecordTableModel[Actor]):
    """The actors, sorted here rather than by the proxy: a proxy compares
    rows through ``data()``, tens of thousands of calls into Python for the
    thousands of actors of a long document, where one ``list.sort`` with a
    key does.  ``rows`` are in display order; ``actor_index`` gives each
    row's place in the window's actor list."""

    HEADERS = ("Name", "Type", "Named", "Mentions", "Quotes")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.given: list[Actor] = []  # the window's actor list
        self.order: list[int] = []  # row -> index into it
        self._rows_of: dict[int, int] = {}
        self.sort_column, self.sort_order = 3, Qt.SortOrder.DescendingOrder

    @property
    def actors(self) -> list[Actor]:
        return self.rows

    def set_actors(self, actors: list[Actor]) -> None:
        self.beginResetModel()
        self.set_order(actors)
        self.endResetModel()

    def actor_index(self, row: int) -> int:
        return self.order[row]

    def row_of(self, actor_index: int) -> int:
        return self._rows_of.get(actor_index, -1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [(self.order[i.row()], i.column()) for i in before]
        self.set_order(self.given)
        self.changePersistentIndexList(before, [self.index(self._rows_of[a], c) for a, c in held])
        self.layoutChanged.emit()

    def set_order(self, actors: list[Actor]) -> None:
        self.given = actors
        self.order = self._sorted(actors)
        self.rows = [actors[i] for i in self.order]
        self._rows_of = {index: row for row, index in enumerate(self.order)}

    def _sorted(self, actors: list[Actor]) -> list[int]:
        column = self.sort_column

        def key(i: int) -> Any:
            value = self._value(actors[i], column, display=False)
            return value.casefold() if isinstance(value, str) else value
        return sorted(range(len(actors)), key=key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        actor = self.actors[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._value(actor, column, display=True)
        if role == Qt.ItemDataRole.EditRole:  # the sort key
            return self._value(actor, column, display=False)
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return type_icon(actor.type)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return actor_tooltip(actor)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return self.order[index.row()]
        return None

    def _value(self, actor: Actor, column: int, display: bool) -> Any:
        if column == 0:
            return actor.name
        if column == 1:
            return TYPE_SIGNS.get(actor.type, actor.type) if display else actor.type
        if column == 2:
            return sum(1 for m in actor.mentions if m.kind == MENTION_NAME)
        if column == 3:
            return len(actor.mentions)
        return actor.quote_count

class ActorFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type = ""
        self.words = ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source model sorts; the proxy keeps its order and only filters.
        self.sourceModel().sort(column, order)

    def set_filters(self, actor_type: str, words: str) -> None:
        self.beginFilterChange()
        self.type, self.words = actor_type, words.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        actor = self.sourceModel().actors[row]  # type: ignore[attr-defined]
        if self.type and actor.type != self.type:
            return False
        if self.words:
            return any(self.words in name.casefold() for name in (actor.name, *actor.aliases))
        return True


class ActorsDock(FilteredTableDock):
    actorChosen = Signal(int)  # index into the actor list
    renameRequested = Signal()
    mergeRequested = Signal()
    splitRequested = Signal()
    typeRequested = Signal(str)
    genderRequested = Signal(str)  # a gender of GENDER_CHOICES; "": as the articles' evidence says
    NOUN = "actor"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Actors", "ActorsDock", ActorTableModel(), ActorFilter(), parent)
        self.search = self.add_search("Search actors")
        self.type_box = self.add_choice("Filter by actor type")
        self.type_box.addItem("All types", "")
        for name in ACTOR_TYPES:
            self.type_box.addItem(type_icon(name), TYPE_SIGNS[name], name)
        tools = QHBoxLayout()
        tools.addWidget(self.count_label, 1)
        body = self.body
        self.rename_button = QPushButton("Rename…", body)
        self.merge_button = QPushButton("Merge", body)
        self.merge_button.setToolTip("Merge the selected actors into one (select two or more)")
        self.split_button = QPushButton("Split alias…", body)
        self.type_button = QPushButton("Type", body)
        type_menu = QMenu(self.type_button)
        for name in ACTOR_TYPES:
            type_menu.addAction(type_icon(name), TYPE_SIGNS[name]).triggered.connect(
                lambda _=False, t=name: self.typeRequested.emit(t)
            )
        self.type_button.setMenu(type_menu)
        for button in (self.rename_button, self.merge_button, self.split_button, self.type_button):
            tools.addWidget(button)
        self.add_row(tools)
        self.rename_button.clicked.connect(self.renameRequested)
        self.merge_button.clicked.connect(self.mergeRequested)
        self.split_button.clicked.connect(self.splitRequested)
        self.finish("Actors", multi=True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        self.set_actors([])

    def context_menu(self) -> QMenu:
        """Rename, merge, split, type and gender of the selected actors."""
        menu = QMenu(self)
        menu.addAction("Rename…", self.renameRequested.emit)
        menu.addAction("Merge", self.mergeRequested.emit)
        menu.addAction("Split alias…", self.splitRequested.emit)
        types = menu.addMenu("Type")
        for name in ACTOR_TYPES:
            types.addAction(type_icon(name), TYPE_SIGNS[name]).triggered.connect(
                lambda _=False, t=name: self.typeRequested.emit(t))
        genders = menu.addMenu("Gender")
        genders.setObjectName("gender_menu")
        for value, text in GENDER_CHOICES:
            genders.addAction(text).triggered.connect(lambda _=False, g=value: self.genderRequested.emit(g))
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        if self.view.indexAt(pos).isValid():
            self.context_menu().exec(self.view.viewport().mapToGlobal(pos))

    def set_actors(self, actors: list[Actor]) -> None:
        self.model.set_actors(actors)
        self.refilter()

    def apply_filters(self) -> None:
        self.proxy.set_filters(self.type_box.currentData() or "", self.search.text())

    def selected(self) -> list[int]:
        """Indices (into the actor list) of the selected rows, in view order."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.actor_index(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows]

    def select_actor(self, index: int) -> None:
        proxy_index = self.proxy.mapFromSource(self.model.index(self.model.row_of(index), 0))
        self.view.setCurrentIndex(proxy_index)

    def row_chosen(self, source_row: int) -> None:
        self.actorChosen.emit(self.model.actor_index(source_row))
