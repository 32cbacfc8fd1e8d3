"""The Library's table view: the title column keeps the room, and during a
search the title cell shows the passage that matched."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.ui.library.model import (
    DATE,
    SNIPPET_ROLE,
    SOURCE,
    TAGS,
    TITLE,
    LibraryModel,
    snippet_html,
)

Index = QModelIndex | QPersistentModelIndex


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
    in a narrow dock, all but the date's (the rest scroll into view).

    Every size is fixed or set once from the font: a ``ResizeToContents``
    column or row would measure all ten thousand rows on each reset.
    """

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Library articles")
        self.setModel(model)
        self.setItemDelegateForColumn(TITLE, SnippetDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.set_searching(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        metrics = self.fontMetrics()
        em = metrics.horizontalAdvance("M")
        widths = {TITLE: 22 * em, DATE: metrics.horizontalAdvance("2019-12-31") + 2 * em,
                  SOURCE: 8 * em, TAGS: 8 * em}
        for column, title in enumerate(LibraryModel.HEADERS):
            width = widths.get(column, metrics.horizontalAdvance(title) + 2 * em)
            self.setColumnWidth(column, width)
        header.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)

    def set_searching(self, searching: bool) -> None:
        """Rows tall enough for a snippet during a search, else one line."""
        font = self.font()
        height = search_row_height(font) if searching else QFontMetrics(font).height() + 8
        self.verticalHeader().setDefaultSectionSize(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
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
