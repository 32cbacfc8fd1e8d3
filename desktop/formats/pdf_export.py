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
from desktop.formats.html_export import CSS, render_html

DESCRIPTION = "The same page as a PDF document"
EXTENSION = ".pdf"

_lock = threading.Lock()
# Qt's rich text applies neither ``@media print`` nor ``max-width``: the
# screen page's centred column with its margins became a narrow column
# inside the page's own margins, and table cells too narrow for a word
# ("Ty pe").  The PDF gets the print rules as its rules.
PRINT_CSS = """
body { font-family: 'DejaVu Serif', Georgia, serif; font-size: 10.5pt; margin: 0; padding: 0; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin-top: 1.5em; }
.meta, .legend, table, aside.notes { font-family: 'DejaVu Sans', Arial, sans-serif; }
.meta { color: #555; font-size: .9em; }
.legend { font-size: .85em; margin: .8em 0; }
.text p { margin: 0 0 .7em; }
sup.ref { font-size: .7em; }
aside.notes { font-size: .85em; color: #333; }
table { border-collapse: collapse; font-size: .8em; }
th, td { border: 1px solid #ccc; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; white-space: nowrap; }
"""


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
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    page, warnings = render_html(bundle)
    page = page.replace(CSS, PRINT_CSS, 1)
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
        document.setDocumentMargin(0)  # the page layout's margins are the margins
        document.setHtml(page)
        # A document without a page size is printed with 2 cm margins of
        # Qt's own inside the page's: the text became a narrow column.
        # In the document's own units: pixels at the screen's logical DPI,
        # which is how it converts point sizes of fonts.
        screen = QGuiApplication.primaryScreen()
        dpi = round(screen.logicalDotsPerInch()) if screen is not None else 96
        document.setPageSize(QSizeF(writer.pageLayout().paintRectPixels(dpi).size()))
        document.print_(writer)
        del writer  # finishes the PDF into the buffer
        buffer.close()
        content = bytes(data.data())
    return content, warnings
