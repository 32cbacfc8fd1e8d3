"""Help > Getting started: the first steps in Byline, in a few lines."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

GUIDE = """
<h2>First steps</h2>
<ol>
<li><b>Bring articles in.</b> File &gt; Open… imports text, HTML, PDF, Word, EPUB or CSV
files (or drop them on the window); File &gt; New article from pasted text… takes text
you copied. Each article is analysed in the background.</li>
<li><b>Read.</b> People, organisations, places and groups are coloured; the legend above
the text turns labels on and off (View &gt; Entities: all labels shows dates and numbers
too). Quotes are underlined with dots: hover for the speaker.</li>
<li><b>Highlight and tag.</b> Select a passage: a bar of tags appears below it. Click a tag
or press its key (1–9). Right-click a highlight to add a note or change its tags. F8 steps
through your highlights; the Tags panel counts how often each tag is used.</li>
<li><b>Correct.</b> Right-click an entity or a quote in the text (or a row of the Quotes
panel) to fix its label, speaker or type. Every edit can be undone (Ctrl+Z).</li>
<li><b>Follow the actors.</b> The Actors panel lists who appears and who is quoted;
View &gt; Library actors… compares them across articles.</li>
<li><b>Share.</b> File &gt; Export… writes HTML, PDF, Word, CSV, QDPX (for MAXQDA, ATLAS.ti,
NVivo) and more; File &gt; Print… prints the article with your highlights.</li>
</ol>
<p>Every shortcut: Help &gt; Keyboard Shortcuts (F1).</p>
"""


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Getting started with Byline")
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setHtml(GUIDE)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
