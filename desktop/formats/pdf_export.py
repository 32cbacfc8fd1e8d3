"""The HTML page of ``html_export`` as a PDF, through Qt's PDF writer.

The one format module that uses Qt (allowed by an ``ignore_imports`` entry
of the import-linter contract): PySide6 is imported inside ``render`` so
importing this module stays headless.  Qt's rich-text engine knows a subset
of CSS (no grid, no box-shadow): the PDF keeps the colours, the numbered
notes after the text and the tables, which is what print needs.
"""

from __future__ import annotations

import os
import threading

from desktop.core.model import ArticleBundle
from desktop.formats.html_export import render_html

DESCRIPTION = "The same page as a PDF document"
EXTENSION = ".pdf"

_lock = threading.Lock()


def _ensure_gui_application() -> None:
    """Qt needs an application object for fonts; the CLI has none, so make
    one (offscreen, since there may be no display).  A QApplication rather
    than a QGuiApplication: a process that later shows widgets (the tests,
    a script) cannot replace it."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Kept on the function so it lives as long as the process.
        _ensure_gui_application.app = QApplication(["byline"])  # type: ignore[attr-defined]


def render(bundle: ArticleBundle) -> tuple[bytes, list[str]]:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    page, warnings = render_html(bundle)
    with _lock:
        _ensure_gui_application()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setTitle(bundle.article.title or "Article")
        writer.setCreator("Byline")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(18, 18, 18, 18),
                QPageLayout.Unit.Millimeter,
            )
        )
        document = QTextDocument()
        document.setHtml(page)
        document.print_(writer)
        del writer  # finishes the PDF into the buffer
        buffer.close()
        content = bytes(data.data())
    return content, warnings
