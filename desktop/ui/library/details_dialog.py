"""An article's details (title, date, source, author, URL) to edit, or a
new article from pasted text with its details."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.core.model import Article
from desktop.core.text import title_from_text

FIELDS = (("title", "&Title"), ("date", "&Date"), ("source", "&Source"), ("author", "&Author"), ("url", "&URL"))


class ArticleDetailsDialog(QDialog):
    """``article``: the one to edit; None: a new article, its text pasted
    (the clipboard's text to start with)."""

    def __init__(self, article: Article | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article details" if article else "New article from pasted text")
        form = QFormLayout(self)
        self.text: QPlainTextEdit | None = None
        if article is None:
            self.text = QPlainTextEdit(self)
            self.text.setAccessibleName("Article text")
            self.text.setPlaceholderText("Paste the article's text here")
            self.text.setPlainText(QGuiApplication.clipboard().text())
            self.text.setMinimumSize(520, 240)
            form.addRow("Te&xt", self.text)
        self.fields: dict[str, QLineEdit] = {}
        for name, label in FIELDS:
            line = QLineEdit(str(getattr(article, name) or "") if article else "", self)
            line.setAccessibleName(label.replace("&", ""))
            form.addRow(label, line)
            self.fields[name] = line
        self.fields["date"].setPlaceholderText("YYYY-MM-DD")
        if self.text is not None:
            self.fields["title"].setPlaceholderText("From the first sentence when left empty")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.buttons = buttons

    def details(self) -> dict[str, str | None]:
        values: dict[str, str | None] = {n: (w.text().strip() or None) for n, w in self.fields.items()}
        if not values["title"] and self.text is not None:
            values["title"] = title_from_text(self.text.toPlainText())
        return values

    def article(self) -> Article:
        """The new article (pasted text and details)."""
        assert self.text is not None
        details = self.details()
        return Article(self.text.toPlainText().strip(), details.pop("title") or "Untitled", **details)

    def _accept(self) -> None:
        if self.text is not None and not self.text.toPlainText().strip():
            self.message.setText("Paste or type the article's text first.")
            return
        if self.text is None and not self.fields["title"].text().strip():
            self.message.setText("An article needs a title.")
            return
        self.accept()
