"""File > Print…: the article as the HTML export shows it (title, details,
highlights in their tag colours, notes, quotes), on paper or as a PDF."""
from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from desktop.formats.html_export import render_html
from desktop.services.bundles import load_bundle


def printable(article_id: int) -> QTextDocument:
    html, _warnings = render_html(load_bundle(article_id))
    document = QTextDocument()
    document.setHtml(html)
    return document


def print_article(article_id: int, parent: QWidget | None = None) -> QTextDocument | None:
    """Ask for a printer, then print; the document printed, or None."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print article")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    document = printable(article_id)
    document.print_(printer)
    return document
