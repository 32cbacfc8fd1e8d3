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
from PySide6.QtWidgets import QWidget

from desktop.core.model import Quote
from desktop.ui.widgets.filtered_dock import FilteredTableDock
from desktop.ui.widgets.tables import RecordTableModel

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


class QuotesDock(FilteredTableDock):
    quoteChosen = Signal(int)  # index into the quote list
    NOUN = "quote"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Quotes", "QuotesDock", QuoteTableModel(), QuoteFilter(), parent)
        self.search = self.add_search("Search quotes")
        self.speaker_box = self.add_choice("Filter by speaker", 2)
        self.type_box = self.add_choice("Filter by type")
        self.type_box.addItem("All types", ALL)
        for key, name in TYPE_NAMES.items():
            self.type_box.addItem(name, key)
        self.add_row(self.count_label)
        self.finish("Quotes", stretch=(3,))
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.activated.connect(lambda index: self.row_chosen(self.proxy.mapToSource(index).row()))
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
        self.refilter()

    def set_speaker_filter(self, name: str) -> None:
        index = self.speaker_box.findData(name)
        self.speaker_box.setCurrentIndex(max(index, 0))

    def apply_filters(self) -> None:
        self.proxy.set_filters(
            self.speaker_box.currentData() or ALL, self.type_box.currentData() or ALL, self.search.text()
        )

    def row_chosen(self, source_row: int) -> None:
        self.quoteChosen.emit(source_row)
