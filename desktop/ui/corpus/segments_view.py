"""Retrieved segments: the library's highlights with the chosen tags (any
or all of them), by coder, with article, note and context; choosing a row
opens the article at the highlight; export as CSV, Markdown or HTML."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.corpus import ALL_ARTICLES, Scope, Segment, SegmentFilter
from desktop.formats.corpus_export import segments_csv, segments_html, segments_markdown
from desktop.store.corpus_segments import coders, count_segments, find_segments
from desktop.store.tags import list_tags
from desktop.ui.corpus.common import choice_box, fixed_columns, save_text, set_choices
from desktop.ui.widgets.tables import Index, PagedTableModel, count_text, search_box, table_view


class SegmentsModel(PagedTableModel[Segment]):
    """Segments of a filter, fetched a page at a time as the view scrolls."""

    HEADERS = ("Segment", "Tags", "Note", "Coder", "Article", "Date", "Source")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter: SegmentFilter | None = None

    def load(self, f: SegmentFilter | None) -> None:
        """Show the segments of ``f``; None shows none."""
        self.beginResetModel()
        self.filter = f
        self.total = count_segments(f) if f is not None else 0
        self.rows = find_segments(f, 0, self.PAGE) if f is not None else []
        self.endResetModel()

    def all_rows(self) -> list[Segment]:
        return find_segments(self.filter) if self.filter is not None else []

    def fetch(self, offset: int, count: int) -> list[Segment]:
        return find_segments(self.filter, offset, count) if self.filter is not None else []

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (s.text.replace("\n", " "), "; ".join(s.tags), s.note, s.coder, s.title,
                    s.date or "", s.source or "")[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return f"…{s.before}[{s.text}]{s.after}…"
        return None


class SegmentList(QWidget):
    """A table of segments; ``openAt`` when one is chosen.  Used by
    Retrieved segments and by the code matrix's cells."""

    openAt = Signal(int, int, int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None, name: str = "Segments") -> None:
        super().__init__(parent)
        self.model = SegmentsModel(self)
        self.table = table_view(self, name, self.model, stretch=(0,))
        fixed_columns(self.table, {1: 150, 2: 150, 3: 70, 4: 220, 5: 90, 6: 100}, stretch=0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.table.activated.connect(self._open)

    def show_filter(self, f: SegmentFilter | None) -> None:
        self.model.load(f)

    def _open(self, index: QModelIndex) -> None:
        s = self.model.rows[index.row()]
        self.openAt.emit(s.article_id, s.start, s.end)


class RetrievedSegmentsView(QWidget):
    openAt = Signal(int, int, int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retrievedSegments")
        self.scope = ALL_ARTICLES
        self.tags = QListWidget(self)
        self.tags.setAccessibleName("Tags to retrieve")
        self.match = choice_box(self, "Match", "Any of the tags", [("All of the tags", "all")])
        self.coder = choice_box(self, "Coder", "All coders", [])
        self.search = search_box(self, "Search segments and notes")
        self.count = QLabel(self)
        self.segments = SegmentList(self, "Retrieved segments")
        self.buttons = {kind: QPushButton(f"Export {kind}…", self) for kind in ("CSV", "Markdown", "HTML")}
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("Tags", side))
        side_layout.addWidget(self.tags, 1)
        side_layout.addWidget(self.match)
        side_layout.addWidget(self.coder)
        main = QWidget(self)
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addWidget(self.search)
        main_layout.addWidget(self.segments, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        for button in self.buttons.values():
            bottom.addWidget(button)
        main_layout.addLayout(bottom)
        splitter = QSplitter(self)
        splitter.addWidget(side)
        splitter.addWidget(main)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.tags.itemChanged.connect(self.apply_filter)
        self.match.currentIndexChanged.connect(self.apply_filter)
        self.coder.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.segments.openAt.connect(self.openAt)
        self.buttons["CSV"].clicked.connect(lambda: self.export("CSV"))
        self.buttons["Markdown"].clicked.connect(lambda: self.export("Markdown"))
        self.buttons["HTML"].clicked.connect(lambda: self.export("HTML"))
        self.refresh()

    def refresh(self) -> None:
        chosen = set(self.chosen_tags())
        self.tags.blockSignals(True)
        self.tags.clear()
        for tag in list_tags():
            item = QListWidgetItem(tag.name, self.tags)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if tag.name in chosen else Qt.CheckState.Unchecked)
        self.tags.blockSignals(False)
        set_choices(self.coder, [(c, c) for c in coders()])
        self.apply_filter()

    def chosen_tags(self) -> list[str]:
        return [self.tags.item(i).text() for i in range(self.tags.count())
                if self.tags.item(i).checkState() == Qt.CheckState.Checked]

    def choose_tags(self, names: list[str]) -> None:
        self.tags.blockSignals(True)
        for i in range(self.tags.count()):
            item = self.tags.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)
        self.tags.blockSignals(False)
        self.apply_filter()

    def set_scope(self, scope: Scope) -> None:
        """Look at these articles only (the Library's filter, say)."""
        self.scope = scope
        self.apply_filter()

    def current_filter(self) -> SegmentFilter:
        coder = self.coder.currentData()
        return SegmentFilter(self.scope, tags=tuple(self.chosen_tags()), match_all=self.match.currentData() == "all",
                             coders=(coder,) if coder else (), search=self.search.text())

    def apply_filter(self) -> None:
        self.segments.show_filter(self.current_filter())
        total = self.segments.model.total
        self.count.setText(count_text(total, total, "segment"))

    def export(self, kind: str, path: str | None = None) -> str | None:
        """Every segment the filters keep (not only those scrolled to)."""
        rows = self.segments.model.all_rows()
        title = "Retrieved segments: " + ("; ".join(self.chosen_tags()) or "all tags")
        if kind == "CSV":
            return save_text(self, "Export segments", "CSV files (*.csv)", segments_csv(rows), path)
        if kind == "Markdown":
            return save_text(self, "Export segments", "Markdown (*.md)", segments_markdown(rows, title), path)
        return save_text(self, "Export segments", "HTML pages (*.html)", segments_html(rows, title), path)
