"""Code matrix: tags × articles (or × source, × month), counts as a heat
map; choosing a cell lists its segments, choosing a segment opens it."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.corpus import ALL_SEGMENTS, CodeMatrix, Scope, SegmentFilter
from desktop.formats.corpus_export import matrix_csv
from desktop.store.corpus_segments import cell_filter, code_matrix
from desktop.ui.corpus.common import choice_box, save_text
from desktop.ui.corpus.segments_view import SegmentList
from desktop.ui.widgets.tables import Index, table_view


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    return QColor(*(round(x + (y - x) * share) for x, y in
                    zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)))


class MatrixModel(QAbstractTableModel):
    """Rows: tags; columns: the matrix's columns; a cell: its count, its
    colour from the theme's base (none) to its highlight (the largest)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = CodeMatrix("article", [], [])
        self.largest = 0

    def set_matrix(self, matrix: CodeMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.largest = matrix.largest  # once: data() is asked for every cell drawn
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self.matrix.tags)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.matrix.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return self.matrix.tags[section] if role == Qt.ItemDataRole.DisplayRole else None
        column = self.matrix.columns[section]
        label = self.matrix.labels.get(column, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return label if len(label) <= 24 else label[:23] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return label
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        tag, column = self.matrix.tags[index.row()], self.matrix.columns[index.column()]
        count = self.matrix.count(tag, column)
        share = count / self.largest if self.largest else 0.0
        palette = QApplication.palette()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return _mix(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight),
                        share)
        if role == Qt.ItemDataRole.ForegroundRole and share > 0.5:
            return palette.color(QPalette.ColorRole.HighlightedText)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            label = self.matrix.labels.get(column, column)
            return f"{tag} × {label}: {count} segment{'s' if count != 1 else ''}"
        return None


class CodeMatrixView(QWidget):
    openAt = Signal(int, int, int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeMatrix")
        self.by = choice_box(self, "Columns", "Articles", [("Sources", "source"), ("Months", "month")])
        self.filter = ALL_SEGMENTS
        self.model = MatrixModel(self)
        self.table = table_view(self, "Code matrix", self.model, stretch=())
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        self.table.verticalHeader().show()
        # Fixed widths: measuring 10,000 article columns to fit them took seconds.
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(110)
        self.cell_label = QLabel("Choose a cell to list its segments.", self)
        self.segments = SegmentList(self, "Segments of the cell")
        self.export_button = QPushButton("Export CSV…", self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Tags by", self))
        top.addWidget(self.by)
        top.addStretch(1)
        top.addWidget(self.export_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.cell_label)
        lower_layout.addWidget(self.segments)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.by.currentIndexChanged.connect(self.refresh)
        self.table.clicked.connect(self.choose_cell)
        self.table.activated.connect(self.choose_cell)
        self.segments.openAt.connect(self.openAt)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.refresh()

    def set_scope(self, scope: Scope) -> None:
        """Look at these articles only (the Library's filter, say)."""
        self.filter = SegmentFilter(scope)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_matrix(code_matrix(self.by.currentData() or "article", self.filter))
        self.segments.show_filter(None)
        self.cell_label.setText("Choose a cell to list its segments.")

    def choose_cell(self, index: QModelIndex) -> None:
        matrix = self.model.matrix
        tag, column = matrix.tags[index.row()], matrix.columns[index.column()]
        self.segments.show_filter(cell_filter(matrix, tag, column, self.filter))
        found = self.segments.model.total
        self.cell_label.setText(f"{tag} × {matrix.labels.get(column, column)}: {found} segments")

    def export_csv(self, path: str | None = None) -> str | None:
        return save_text(self, "Export code matrix", "CSV files (*.csv)", matrix_csv(self.model.matrix), path)
