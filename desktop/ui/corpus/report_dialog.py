"""Library > Report…: who gets quoted in the library or a filter of it,
shown as tables, saved as a self-contained HTML page or CSV files."""
from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.corpus import Report, Scope
from desktop.formats.report_html import report_html, write_report_csv
from desktop.services.report import build_report
from desktop.store.corpus_scope import sources
from desktop.ui.corpus.common import choice_box, save_text


def report_tables_html(report: Report) -> str:
    """The report's tables for a QTextBrowser (which draws no SVG)."""
    e = html.escape
    parts = [f"<p>{report.articles} articles, {report.quotes} quotes.</p>"]
    for table in report.tables:
        parts.append(f"<h3>{e(table.title)}</h3><table border='0' cellspacing='0' cellpadding='3'><tr>")
        parts.append("".join(f"<th align='left'>{e(h)}</th>" for h in table.header) + "</tr>")
        for row in table.rows:
            parts.append("<tr>" + "".join(f"<td>{e(str(v))}</td>" for v in row) + "</tr>")
        parts.append("</table>")
    return "".join(parts)


class ReportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Who gets quoted")
        self.resize(720, 640)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("full-text search; empty: every article")
        self.source = choice_box(self, "Source", "All sources", [(s, s) for s in sources()])
        self.date_from = QLineEdit(self)
        self.date_from.setPlaceholderText("2019 or 2019-08")
        self.date_to = QLineEdit(self)
        self.date_to.setPlaceholderText("2020-06")
        self.update_button = QPushButton("Update", self)
        self.view = QTextBrowser(self)
        self.view.setAccessibleName("Report")
        form = QFormLayout()
        form.addRow("Articles matching", self.search)
        form.addRow("Source", self.source)
        form.addRow("From", self.date_from)
        form.addRow("To", self.date_to)
        form.addRow("", self.update_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.html_button = buttons.addButton("Save HTML…", QDialogButtonBox.ButtonRole.ActionRole)
        self.csv_button = buttons.addButton("Save CSV…", QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.update_button.clicked.connect(self.update_report)
        self.search.returnPressed.connect(self.update_report)
        self.html_button.clicked.connect(lambda: self.save_html())
        self.csv_button.clicked.connect(lambda: self.save_csv())
        self.update_report()

    def scope(self) -> Scope:
        return Scope(self.search.text().strip(), self.source.currentData() or "",
                     self.date_from.text().strip(), self.date_to.text().strip())

    def update_report(self) -> None:
        self.report = build_report(self.scope())
        self.view.setHtml(report_tables_html(self.report))

    def save_html(self, path: str | None = None) -> str | None:
        return save_text(self, "Save report", "HTML pages (*.html)", report_html(self.report), path)

    def save_csv(self, folder: str | None = None) -> str | None:
        from pathlib import Path

        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, "Save report as CSV files")
            if not folder:
                return None
        write_report_csv(self.report, Path(folder))
        return folder
