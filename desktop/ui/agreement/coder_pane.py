"""One coder's highlights over the article's text, read-only, with the
current item marked; used three times side by side (A, B, curated)."""
from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from desktop.core.model import Annotation
from desktop.core.offsets import Utf16Map

FALLBACK = "#ffd54f"


class CoderPane(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setPlainText(text)
        self.view.setAccessibleName(title)
        self.u16 = Utf16Map(text)
        self.highlights: list[Annotation] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view)

    def set_title(self, title: str) -> None:
        self.title.setText(title)
        self.view.setAccessibleName(title)

    def show_highlights(self, highlights: list[Annotation], colours: dict[str, str],
                        current: tuple[int, int] | None) -> None:
        """Colour each highlight by its first tag; underline the current
        item's range and scroll to it."""
        self.highlights = list(highlights)
        selections = []
        for h in highlights:
            fmt = QTextCharFormat()
            colour = QColor(colours.get(h.tags[0], FALLBACK) if h.tags else FALLBACK)
            colour.setAlpha(150)
            fmt.setBackground(colour)
            fmt.setToolTip(", ".join(h.tags) + (f"\n{h.note}" if h.note else ""))
            selections.append(self._selection(h.start, h.end, fmt))
        if current is not None:
            fmt = QTextCharFormat()
            fmt.setFontUnderline(True)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#d32f2f"))
            selections.append(self._selection(*current, fmt))
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(self.u16.to_utf16(current[0]))
            self.view.setTextCursor(cursor)
            self.view.ensureCursorVisible()
        self.view.setExtraSelections(selections)

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.u16.to_utf16(start))
        cursor.setPosition(self.u16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor  # type: ignore[misc]
        selection.format = fmt  # type: ignore[misc]
        return selection

    def selected_range(self) -> tuple[int, int] | None:
        """The text the curator selected in this pane (code-point offsets)."""
        cursor = self.view.textCursor()
        if not cursor.hasSelection():
            return None
        return self.u16.from_utf16(cursor.selectionStart()), self.u16.from_utf16(cursor.selectionEnd())

    def select(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.u16.to_utf16(start))
        cursor.setPosition(self.u16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
