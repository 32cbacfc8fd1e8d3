"""All quotes: every quote of the library with its speaker, the speaker's
type and gender, cue, article, date and source; filters, a search box,
sorting by column, CSV export; choosing a row opens the article at it."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.corpus import ALL_ARTICLES, ALL_QUOTES, CorpusQuote, QuoteFilter, Scope
from desktop.core.model import ACTOR_TYPES
from desktop.formats.corpus_export import quotes_csv
from desktop.nlp.gender import GENDERS
from desktop.store.corpus_quotes import count_quotes, find_quotes, quote_choices
from desktop.ui.corpus.common import choice_box, fixed_columns, save_text, set_choices
from desktop.ui.widgets.tables import Index, PagedTableModel, count_text, search_box, table_view

# column -> the sort key of desktop.store.corpus_quotes.SORT_KEYS
_SORTS = {0: "speaker", 5: "type", 6: "article", 7: "date"}


class QuotesModel(PagedTableModel[CorpusQuote]):
    """Quotes of a filter, fetched a page at a time as the view scrolls: a
    library of 10,000 articles has 100,000 quotes."""

    HEADERS = ("Speaker", "Type of speaker", "Gender", "Quote", "Cue", "Quote type", "Article", "Date", "Source")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter: QuoteFilter = ALL_QUOTES
        self.sort_key = "date"

    def load(self, f: QuoteFilter) -> None:
        self.beginResetModel()
        self.filter = f
        self.total = count_quotes(f)
        self.rows = find_quotes(f, 0, self.PAGE, self.sort_key)
        self.endResetModel()

    def fetch(self, offset: int, count: int) -> list[CorpusQuote]:
        return find_quotes(self.filter, offset, count, self.sort_key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORTS.get(column)
        if key is not None and key != self.sort_key:
            self.sort_key = key
            self.load(self.filter)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        q = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (q.shown_speaker, q.actor_type or "—", q.gender or "—", q.content.replace("\n", " "),
                    q.cue, q.type, q.title, q.date or "", q.source or "")[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2 and q.gender_evidence:
                return f"{q.gender}: {q.gender_evidence}"
            if column == 3:
                return q.content
            if column == 0 and not q.speaker:
                return "No actor was found for this speaker."
        if role == Qt.ItemDataRole.FontRole and column == 0 and not q.speaker:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class AllQuotesView(QWidget):
    """The All quotes view.  ``openAt(article_id, start, end)``: the user chose a quote."""

    openAt = Signal(int, int, int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allQuotes")
        self.search = search_box(self, "Search quotes, speakers and cues")
        self.speaker = choice_box(self, "Speaker", "All speakers", [])
        self.actor_type = choice_box(self, "Type of speaker", "All types",
                                     [(t, t) for t in ACTOR_TYPES])
        self.gender = choice_box(self, "Gender", "All genders", [(g, g) for g in GENDERS])
        self.quote_type = choice_box(self, "Quote type", "All quote types",
                                     [(t, t) for t in ("direct", "mixed", "indirect")])
        self.cue = choice_box(self, "Cue", "All cues", [])
        self.count = QLabel(self)
        self.export_button = QPushButton("Export CSV…", self)
        self.model = QuotesModel(self)
        self.scope = ALL_ARTICLES
        self._everything = 0
        self.table = table_view(self, "All quotes", self.model, stretch=(3,))
        fixed_columns(self.table, {0: 170, 1: 100, 2: 80, 4: 80, 5: 80, 6: 220, 7: 90, 8: 100}, stretch=3)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().sectionClicked.connect(self.model.sort)
        filters = QHBoxLayout()
        for widget in (self.search, self.speaker, self.actor_type, self.gender, self.quote_type, self.cue):
            filters.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.search.textChanged.connect(self.apply_filter)
        for box in (self.speaker, self.actor_type, self.gender, self.quote_type, self.cue):
            box.currentIndexChanged.connect(self.apply_filter)
        self.table.activated.connect(self._open)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.refresh()

    def refresh(self) -> None:
        """Read the library again (after an import, an analysis, a correction)."""
        self._everything = count_quotes(QuoteFilter(self.scope))
        choices = quote_choices()
        set_choices(self.speaker, [(s, s) for s in choices["speaker"]])
        set_choices(self.cue, [(c, c) for c in choices["cue"]])
        self.apply_filter()

    def set_scope(self, scope: Scope) -> None:
        """Look at these articles only (the Library's filter, say)."""
        self.scope = scope
        self.refresh()

    def current_filter(self) -> QuoteFilter:
        return QuoteFilter(
            self.scope, search=self.search.text(), speaker=self.speaker.currentData() or "",
            actor_type=self.actor_type.currentData() or "", gender=self.gender.currentData() or "",
            quote_type=self.quote_type.currentData() or "", cue=self.cue.currentData() or "",
        )

    def apply_filter(self) -> None:
        f = self.current_filter()
        self.model.load(f)
        self.count.setText(count_text(self.model.total, self._everything, "quote"))

    def _open(self, index: QModelIndex) -> None:
        q = self.model.rows[index.row()]
        self.openAt.emit(q.article_id, q.start, q.end)

    def export_csv(self, path: str | None = None) -> str | None:
        """All quotes the filters keep (not only those scrolled to), as CSV."""
        rows = find_quotes(self.model.filter, sort=self.model.sort_key)
        return save_text(self, "Export quotes", "CSV files (*.csv)", quotes_csv(rows), path)
