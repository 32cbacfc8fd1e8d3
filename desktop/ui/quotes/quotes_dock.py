"""The Quotes dock: who said what, filterable by speaker, type and words."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import Quote
from desktop.ui.widgets.tables import RecordTableModel, count_text, search_box, table_view

Index = QModelIndex | QPersistentModelIndex
TYPE_TAGS = {"direct": "“D”", "mixed": "“M”", "indirect": "I"}
TYPE_NAMES = {"direct": "Direct", "mixed": "Mixed", "indirect": "Indirect"}
ALL = ""


def speaker_label(quote: Quote, text: str) -> str:
    if quote.speaker_name:
        return quote.speaker_name
    if quote.speaker_mention:
        return text[quote.speaker_mention.start:quote.speaker_mention.end]
    return "(unknown)"


class QuoteTableModel(RecordTableModel[Quote]):
    HEADERS = ("Speaker", "Cue", "Type", "Quote")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""

    @property
    def quotes(self) -> list[Quote]:
        return self.rows

    def set_quotes(self, text: str, quotes: list[Quote]) -> None:
        self.text = text
        self.reset_rows(quotes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        quote = self.quotes[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(quote, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0 and not quote.resolved:
                return "Speaker not resolved to a named actor"
            if column == 2:
                return TYPE_NAMES.get(quote.type, quote.type)
            if column == 3:
                return self.text[quote.start:quote.end]
        if role == Qt.ItemDataRole.FontRole and column == 0 and not quote.resolved:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and not quote.resolved:
            return QColor("#777777")
        if role == Qt.ItemDataRole.UserRole:
            return index.row()
        return None

    def _display(self, quote: Quote, column: int) -> str:
        if column == 0:
            return speaker_label(quote, self.text)
        if column == 1:
            return self.text[quote.cue.start:quote.cue.end] if quote.cue else ""
        if column == 2:
            return TYPE_TAGS.get(quote.type, quote.type)
        return " ".join(self.text[quote.start:quote.end].split())

class QuoteFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.speaker = ALL
        self.type = ALL
        self.words = ""

    def set_filters(self, speaker: str, quote_type: str, words: str) -> None:
        self.beginFilterChange()
        self.speaker, self.type, self.words = speaker, quote_type, words.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model: QuoteTableModel = self.sourceModel()  # type: ignore[assignment]
        quote = model.quotes[row]
        if self.speaker and speaker_label(quote, model.text) != self.speaker:
            return False
        if self.type and quote.type != self.type:
            return False
        if self.words:
            haystack = " ".join((model.text[quote.start:quote.end], speaker_label(quote, model.text)))
            return self.words in haystack.casefold()
        return True


class QuotesDock(QDockWidget):
    quoteChosen = Signal(int)  # index into the quote list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Quotes", parent)
        self.setObjectName("QuotesDock")
        self.model = QuoteTableModel(self)
        self.proxy = QuoteFilter(self)
        self.proxy.setSourceModel(self.model)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.search = search_box(body, "Search quotes")
        self.speaker_box = QComboBox(body)
        self.speaker_box.setAccessibleName("Filter by speaker")
        self.type_box = QComboBox(body)
        self.type_box.setAccessibleName("Filter by type")
        self.type_box.addItem("All types", ALL)
        for key, name in TYPE_NAMES.items():
            self.type_box.addItem(name, key)
        row.addWidget(self.search, 2)
        row.addWidget(self.speaker_box, 2)
        row.addWidget(self.type_box, 1)
        layout.addLayout(row)
        self.count_label = QLabel(body)
        layout.addWidget(self.count_label)
        self.view = table_view(body, "Quotes", self.proxy, stretch=(3,))
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(self.view)
        self.setWidget(body)
        self.search.textChanged.connect(self._refilter)
        self.speaker_box.currentIndexChanged.connect(self._refilter)
        self.type_box.currentIndexChanged.connect(self._refilter)
        self.view.selectionModel().currentRowChanged.connect(self._choose)
        self.view.activated.connect(self._choose)
        self.set_quotes("", [])

    def set_quotes(self, text: str, quotes: list[Quote]) -> None:
        self.model.set_quotes(text, quotes)
        speakers = sorted({speaker_label(q, text) for q in quotes}, key=str.casefold)
        self.speaker_box.blockSignals(True)
        self.speaker_box.clear()
        self.speaker_box.addItem("All speakers", ALL)
        for name in speakers:
            self.speaker_box.addItem(name, name)
        self.speaker_box.blockSignals(False)
        self._refilter()

    def set_speaker_filter(self, name: str) -> None:
        index = self.speaker_box.findData(name)
        self.speaker_box.setCurrentIndex(max(index, 0))

    def _refilter(self) -> None:
        self.proxy.set_filters(
            self.speaker_box.currentData() or ALL, self.type_box.currentData() or ALL, self.search.text()
        )
        self.count_label.setText(count_text(self.proxy.rowCount(), self.model.rowCount(), "quote"))

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.quoteChosen.emit(self.proxy.mapToSource(index).row())
