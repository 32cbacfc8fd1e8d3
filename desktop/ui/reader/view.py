"""The reader: an article's title, metadata and text, with span layers."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from desktop.core.colours import LIGHT
from desktop.core.model import Article
from desktop.core.offsets import Utf16Map
from desktop.ui.reader.highlighter import SpanHighlighter, StyledSpan


def utf16_map(text: str) -> Utf16Map:
    """The offset map of ``text``; for text without characters beyond the
    Basic Multilingual Plane (nearly all news) the identity, found at C speed
    rather than by a Python loop over every character."""
    return Utf16Map("") if max(text, default="\0") <= "\uffff" else Utf16Map(text)


class Gutter(QWidget):
    """A strip left of the text with a bar beside every highlighted stretch,
    one column per level of overlap, so nested highlights stay visible."""

    WIDTH = 16

    def __init__(self, reader: ReaderView) -> None:
        super().__init__(reader)
        self.reader = reader
        self.marks: list[tuple[int, int, str, int]] = []  # start, end, colour, column

    def set_marks(self, spans: list[tuple[int, int, str]]) -> None:
        columns: list[int] = []  # end offset of the last mark in each column
        self.marks = []
        for start, end, colour in sorted(spans):
            column = next((i for i, last in enumerate(columns) if last <= start), len(columns))
            if column == len(columns):
                columns.append(end)
            else:
                columns[column] = end
            self.marks.append((start, end, colour, column))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.marks or self.reader.article is None:
            return
        painter = QPainter(self)
        height = self.height()
        # Only the marks in view: a rectangle per mark of a long document
        # would cost more than the rest of the frame.
        viewport = self.reader.viewport()
        top = self.reader.article_offset(self.reader.cursorForPosition(QPoint(0, 0)).position()) or 0
        bottom = self.reader.article_offset(
            self.reader.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        )
        bottom = len(self.reader.article.text) if bottom is None else bottom
        # The gutter and the viewport share their top edge, so the cursor
        # rectangles (viewport coordinates) are gutter coordinates too.
        for start, end, colour, column in self.marks:
            if start > bottom:
                break  # the marks are sorted by start
            if end < top:
                continue
            y0 = self.reader.offset_rect(start).top()
            y1 = self.reader.offset_rect(max(start, end - 1)).bottom()
            if y1 < 0 or y0 > height:
                continue
            x = 2 + min(column, 3) * 4
            painter.fillRect(x, y0, 3, max(3, y1 - y0), QColor(colour).darker(130))


class ReaderView(QTextEdit):
    """Read-only, selectable text; offsets in and out are article offsets."""

    shortcutKey = Signal(str)  # a tag shortcut key pressed
    zoomChanged = Signal(int)  # percent
    themeChanged = Signal(str)  # light or dark: every layer is coloured again
    userSelected = Signal()  # the user selected text (not the app choosing a quote, a match, ...)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName("Article text")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setMouseTracking(True)
        document = QTextDocument(self)
        document.setDocumentMargin(28)
        self.setDocument(document)
        self.base_font = QFont(self.font())
        self.base_font.setPointSizeF(max(self.base_font.pointSizeF(), 11.0))
        self.zoom_steps = 0
        self.line_length = 75  # characters; 0 = as wide as the window
        self._side_margin = -1.0
        self.highlighter = SpanHighlighter(document)
        self.article: Article | None = None
        self._u16 = Utf16Map("")
        self._body_start = 0  # document position where the article text begins
        self._body_block = 0
        self.shortcut_keys: set[str] = set()
        self.theme = LIGHT  # the colours its layers are drawn in
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.gutter = Gutter(self)
        self.setViewportMargins(Gutter.WIDTH, 0, 0, 0)
        self.verticalScrollBar().valueChanged.connect(self.gutter.update)
        self.verticalScrollBar().valueChanged.connect(self._report_view)
        self._apply_font()
        self.set_placeholder("Choose an article in the library, or File > Open… a text file.")

    def set_theme(self, theme: str) -> None:
        self.theme = theme
        self.themeChanged.emit(theme)

    # building ------------------------------------------------------------
    def set_placeholder(self, message: str) -> None:
        self.article = None
        self.highlighter.clear()
        self.document().setPlainText(message)
        self.highlighter.set_text("", first_block=1 << 30)

    def set_article(self, article: Article) -> None:
        self.article = article
        self._u16 = utf16_map(article.text)
        header = self._header_lines(article)
        doc = self.document()
        doc.setUndoRedoEnabled(False)
        self.highlighter.clear()
        doc.clear()
        # One edit: the body's paragraphs get their spacing as they are made
        # (setting it afterwards lays out a long text a second time).
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        cursor.insertText(header[0])
        cursor.insertBlock()
        cursor.insertText(header[1])
        paragraph = QTextBlockFormat()
        paragraph.setBottomMargin(10)
        paragraph.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.insertBlock(paragraph, QTextCharFormat())
        cursor.insertText(article.text)
        self._flatten_blank_lines(doc, article.text, len(header))
        cursor.endEditBlock()
        self._body_block = len(header)
        self._body_start = doc.findBlockByNumber(self._body_block).position()
        self._style_header(doc)
        self.highlighter.set_text(article.text, first_block=self._body_block, u16=self._u16)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._report_view()

    @staticmethod
    def _header_lines(article: Article) -> list[str]:
        meta = " · ".join(part for part in (article.date, article.source, article.author) if part)
        return [article.title, meta or "No date or source"]

    def set_header(self, article: Article) -> None:
        """New title and details above the same text (its layers stay)."""
        self.article = article
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for number, line in enumerate(self._header_lines(article)):
            block = doc.findBlockByNumber(number)
            cursor.setPosition(block.position())
            cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(line)
        cursor.endEditBlock()
        self._body_start = doc.findBlockByNumber(self._body_block).position()
        self._style_header(doc)

    @staticmethod
    def _flatten_blank_lines(doc: QTextDocument, text: str, first_block: int) -> None:
        """A blank line between paragraphs (as texts from CSV files and the
        web have) takes no room: the paragraph spacing is the gap already,
        so two would read as a break in the article."""
        blank = QTextBlockFormat()
        blank.setLineHeight(2, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        blank.setBottomMargin(0)
        cursor = QTextCursor(doc)
        paragraph, at = 0, -1
        while (at := text.find("\n", at + 1)) != -1:
            paragraph += 1
            if text.startswith("\n", at + 1) or at + 1 == len(text):
                cursor.setPosition(doc.findBlockByNumber(first_block + paragraph).position())
                cursor.setBlockFormat(blank)

    def _report_view(self, _value: int = 0) -> None:
        """Tell the highlighter which paragraphs are in view: it formats
        those (and a margin), not the whole text."""
        if self.article is None:
            return
        viewport = self.viewport()
        top = self.article_offset(self.cursorForPosition(QPoint(0, 0)).position()) or 0
        corner = QPoint(viewport.width(), viewport.height())
        bottom = self.article_offset(self.cursorForPosition(corner).position())
        highlighter = self.highlighter
        last = highlighter.paragraph_of(len(self.article.text) if bottom is None else bottom)
        highlighter.show_range(highlighter.paragraph_of(top), last)

    def _style_header(self, doc: QTextDocument) -> None:
        cursor = QTextCursor(doc)
        title = QTextCharFormat()
        title.setFontPointSize(doc.defaultFont().pointSizeF() * 1.6)
        title.setFontWeight(QFont.Weight.Bold)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(title)
        spacing = QTextBlockFormat()
        spacing.setBottomMargin(4)
        cursor.mergeBlockFormat(spacing)
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        meta = QTextCharFormat()
        meta.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        cursor.mergeCharFormat(meta)
        spacing = QTextBlockFormat()
        spacing.setBottomMargin(18)
        cursor.mergeBlockFormat(spacing)

    # typography ----------------------------------------------------------
    ZOOM_STEP = 1.1
    ZOOM_RANGE = (-6, 12)

    def set_typography(self, family: str, point_size: float, line_length: int) -> None:
        font = QFont(self.base_font)
        if family:
            font.setFamily(family)
        if point_size > 0:
            font.setPointSizeF(point_size)
        self.base_font = font
        self.line_length = line_length
        self._apply_font()

    def zoom(self, steps: int) -> None:
        """Zoom in (+1), out (-1) or back to 100 % (0)."""
        low, high = self.ZOOM_RANGE
        self.zoom_steps = 0 if steps == 0 else max(low, min(high, self.zoom_steps + steps))
        self._apply_font()

    def zoom_percent(self) -> int:
        return round(100 * self.ZOOM_STEP ** self.zoom_steps)

    def _apply_font(self) -> None:
        anchor = self.top_offset() if self.article is not None else 0
        font = QFont(self.base_font)
        font.setPointSizeF(self.base_font.pointSizeF() * self.ZOOM_STEP ** self.zoom_steps)
        self.document().setDefaultFont(font)
        if self.article is not None:
            self._style_header(self.document())
        self._side_margin = -1.0
        self._centre_text()
        if anchor > 0:
            self.scroll_to_top(anchor)

    def _centre_text(self) -> None:
        """Keep lines near ``line_length`` characters, the text centred."""
        available = self.viewport().width()
        margin = 28.0
        if self.line_length > 0:
            metrics = QFontMetricsF(self.document().defaultFont())
            wanted = metrics.averageCharWidth() * self.line_length
            margin = max(28.0, (available - wanted) / 2)
        if abs(margin - self._side_margin) < 2:
            return
        self._side_margin = margin
        root = self.document().rootFrame()
        frame = root.frameFormat()
        frame.setLeftMargin(margin - 28)
        frame.setRightMargin(margin - 28)
        root.setFrameFormat(frame)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom(1 if delta > 0 else -1)
                self.zoomChanged.emit(self.zoom_percent())
            event.accept()
            return
        super().wheelEvent(event)

    # offsets -------------------------------------------------------------
    def doc_position(self, offset: int) -> int:
        return self._body_start + self._u16.to_utf16(offset)

    def article_offset(self, position: int) -> int | None:
        if self.article is None or position < self._body_start:
            return None
        return self._u16.from_utf16(position - self._body_start)

    def selected_offsets(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.article is None:
            return None
        start = self.article_offset(max(cursor.selectionStart(), self._body_start))
        end = self.article_offset(cursor.selectionEnd())
        if start is None or end is None or end <= start:
            return None
        return start, end

    def top_offset(self) -> int:
        """The article offset shown at the top of the view."""
        offset = self.article_offset(self.cursorForPosition(QPoint(0, 4)).position())
        return offset or 0

    def scroll_to_top(self, offset: int) -> None:
        """Scroll so that the line holding ``offset`` is at the top."""
        if self.article is None or offset <= 0:
            return
        offset = min(offset, len(self.article.text))
        # Qt lays long documents out lazily; finish it first so that the
        # scroll range and the rectangle below are final.
        self.document().size()
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.offset_rect(offset).top() - 2)

    def select_offsets(self, start: int, end: int) -> None:
        """Select an article range and scroll it into the middle of the view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.doc_position(start))
        cursor.setPosition(self.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    # layers --------------------------------------------------------------
    def set_layer(self, name: str, spans: list[StyledSpan]) -> None:
        self.highlighter.set_layer(name, spans)

    def formats_at(self, offset: int) -> list[QTextCharFormat]:
        """The formats the layout really carries at an article offset."""
        self.highlighter.ensure_formatted(offset)
        position = self.doc_position(offset)
        block = self.document().findBlock(position)
        local = position - block.position()
        return [
            QTextCharFormat(r.format)
            for r in block.layout().formats()
            if r.start <= local < r.start + r.length
        ]

    def offset_rect(self, offset: int) -> QRect:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.doc_position(offset), self.document().characterCount() - 1))
        return self.cursorRect(cursor)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Keep the reader's place: the text at the top stays at the top
        # when a new width re-wraps the lines.
        anchor = self.top_offset() if self.article is not None else 0
        super().resizeEvent(event)
        self._centre_text()
        if anchor > 0 and event.oldSize().width() != event.size().width():
            self.scroll_to_top(anchor)
        rect = self.contentsRect()
        self.gutter.setGeometry(rect.left(), rect.top(), Gutter.WIDTH, rect.height())
        self._report_view()

    # keys ----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and event.text() in self.shortcut_keys:
            self.shortcutKey.emit(event.text())
            event.accept()
            return
        super().keyPressEvent(event)
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        selecting = shifted or event.matches(QKeySequence.StandardKey.SelectAll)
        if selecting and self.textCursor().hasSelection():
            self.userSelected.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.textCursor().hasSelection():
            self.userSelected.emit()

    def selection_rect(self) -> QRect:
        """The selected text's bounding rectangle, in viewport coordinates."""
        cursor = self.textCursor()
        first, last = QTextCursor(cursor), QTextCursor(cursor)
        first.setPosition(cursor.selectionStart())
        last.setPosition(cursor.selectionEnd())
        return self.cursorRect(first).united(self.cursorRect(last))

    # hover ---------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            offset = self.article_offset(self.cursorForPosition(event.pos()).position())
            tips = [] if offset is None else [s.tip for _, s in self.highlighter.spans_at(offset) if s.tip]
            if tips:
                html = "<br>".join(escape(t).replace("\n", "<br>") for t in dict.fromkeys(tips))
                QToolTip.showText(event.globalPos(), html, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)
