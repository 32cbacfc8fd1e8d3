"""The Annotations dock: the article's highlights with tags, notes, authors."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QWidget,
)

from desktop.core.model import Annotation
from desktop.ui.widgets.filtered_dock import FilteredTableDock
from desktop.ui.widgets.tables import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
NOTE = 2


class AnnotationTableModel(RecordTableModel[Annotation]):
    HEADERS = ("Text", "Tags", "Note", "Author")
    noteEdited = Signal(int, str)  # annotation id, new note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""

    @property
    def annotations(self) -> list[Annotation]:
        return self.rows

    def set_annotations(self, text: str, annotations: list[Annotation]) -> None:
        self.text = text
        self.reset_rows(annotations)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == NOTE else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        annotation = self.annotations[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                " ".join(self.text[annotation.start:annotation.end].split()),
                ", ".join(annotation.tags),
                " ".join(annotation.note.split()),
                annotation.author,
            )[column]
        if role == Qt.ItemDataRole.EditRole and column == NOTE:
            return annotation.note
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return self.text[annotation.start:annotation.end]
            if column == NOTE and annotation.note:
                return annotation.note
            if column == 3:
                return f"Created {annotation.created}\nModified {annotation.modified}"
        if role == Qt.ItemDataRole.UserRole:
            return annotation.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != NOTE:
            return False
        annotation = self.annotations[index.row()]
        if str(value) != annotation.note and annotation.id is not None:
            # The window turns this into an undoable command; the model is
            # refreshed from the database when the command has run.
            self.noteEdited.emit(annotation.id, str(value))
        return True

    def row_of(self, annotation_id: int) -> int:
        return next((i for i, a in enumerate(self.annotations) if a.id == annotation_id), -1)


class TagFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag = ""

    def set_tag(self, tag: str) -> None:
        self.beginFilterChange()
        self.tag = tag
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if not self.tag:
            return True
        return self.tag in self.sourceModel().annotations[row].tags  # type: ignore[attr-defined]


class AnnotationsDock(FilteredTableDock):
    annotationChosen = Signal(int)
    tagsRequested = Signal(int)
    deleteRequested = Signal(int)
    NOUN = "highlight"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Annotations", "AnnotationsDock", AnnotationTableModel(), TagFilter(), parent)
        self.tag_box = self.add_choice("Filter highlights by tag")
        body = self.body
        self.tags_button = QPushButton("Tags…", body)
        self.note_button = QPushButton("Note…", body)
        self.delete_button = QPushButton("Delete", body)
        for widget in (self.count_label, self.tags_button, self.note_button, self.delete_button):
            self.filters.addWidget(widget)
        self.finish("Highlights", stretch=(0, NOTE))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tags_button.clicked.connect(lambda: self._emit(self.tagsRequested))
        self.note_button.clicked.connect(self.edit_note)
        self.delete_button.clicked.connect(lambda: self._emit(self.deleteRequested))
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: self._emit(self.deleteRequested))
        self.set_annotations("", [], [])

    def set_annotations(self, text: str, annotations: list[Annotation], tag_names: list[str]) -> None:
        current = self.current_id()
        self.model.set_annotations(text, annotations)
        chosen = self.tag_box.currentData() or ""
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem("All tags", "")
        for name in tag_names:
            self.tag_box.addItem(name, name)
        self.tag_box.setCurrentIndex(max(0, self.tag_box.findData(chosen)))
        self.tag_box.blockSignals(False)
        self.refilter()
        if current is not None:
            self.select(current, emit=False)

    def update_annotations(self, annotations: list[Annotation]) -> None:
        """The same article's highlights after an edit to a few of them."""
        self.model.update_rows(annotations)
        self.show_count()

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select(self, annotation_id: int, emit: bool = True) -> None:
        row = self.model.row_of(annotation_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not emit:
            self.view.selectionModel().blockSignals(True)
        self.view.setCurrentIndex(index)
        self.view.selectionModel().blockSignals(False)

    def edit_note(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index.siblingAtColumn(NOTE))

    def apply_filters(self) -> None:
        self.proxy.set_tag(self.tag_box.currentData() or "")

    def row_chosen(self, source_row: int) -> None:
        annotation_id = self.model.annotations[source_row].id
        if annotation_id is not None:
            self.annotationChosen.emit(annotation_id)

    def _emit(self, signal: Signal) -> None:
        annotation_id = self.current_id()
        if annotation_id is not None:
            signal.emit(annotation_id)
