"""From plain spans to the reader's styled layers."""
from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QColor, QTextCharFormat

from desktop.core import labels
from desktop.core.model import Analysis, Quote
from desktop.ui.highlighter import StyledSpan
from desktop.ui.reader import background

QUOTE_COLOUR = "#d08c00"
CUE_COLOUR = "#b03060"
SPEAKER_COLOUR = "#1f5fbf"


def label_counts(analysis: Analysis) -> dict[str, int]:
    return dict(Counter(e.label for e in analysis.entities))


def entity_layer(analysis: Analysis, hidden: set[str]) -> list[StyledSpan]:
    formats = {label: background(labels.colour(label)) for label in label_counts(analysis)}
    return [
        StyledSpan(e.start, e.end, formats[e.label], f"{e.label}: {labels.describe(e.label)}")
        for e in analysis.entities
        if e.label not in hidden
    ]


def _underline(colour: str, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(colour))
    if bold:
        fmt.setFontWeight(700)
    return fmt


def quote_layer(text: str, quotes: list[Quote]) -> list[StyledSpan]:
    """Every quote's content, dotted-underlined, with its speaker on hover."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor(QUOTE_COLOUR))
    spans = []
    for quote in quotes:
        who = quote.speaker_name or (
            text[quote.speaker_mention.start:quote.speaker_mention.end] if quote.speaker_mention else "unknown"
        )
        state = "" if quote.resolved else " (unresolved)"
        spans.append(StyledSpan(quote.start, quote.end, fmt, f"{quote.type.capitalize()} quote — {who}{state}"))
    return spans


def focus_layer(quote: Quote) -> list[StyledSpan]:
    """The chosen quote: content, cue and speaker mention, each marked apart
    from the entity colours (underlines and weight, not backgrounds)."""
    content = QTextCharFormat()
    content.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    content.setUnderlineColor(QColor(QUOTE_COLOUR))
    content.setFontItalic(True)
    spans = [StyledSpan(quote.start, quote.end, content)]
    if quote.cue:
        spans.append(StyledSpan(quote.cue.start, quote.cue.end, _underline(CUE_COLOUR, bold=True), "cue"))
    if quote.speaker_mention:
        m = quote.speaker_mention
        spans.append(StyledSpan(m.start, m.end, _underline(SPEAKER_COLOUR, bold=True), "speaker"))
    return spans
