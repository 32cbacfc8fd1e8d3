"""From plain spans to the reader's styled layers."""
from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QColor, QTextCharFormat

from desktop.core import labels
from desktop.core.colours import DARK, LIGHT, text_colour, themed
from desktop.core.model import Analysis, Annotation, Quote
from desktop.ui.reader.highlighter import StyledSpan

QUOTE_COLOUR = "#d08c00"
CUE_COLOUR = "#b03060"
SPEAKER_COLOUR = "#1f5fbf"
# Underlines must stand out from the page in each theme.
LINE_COLOURS = {
    LIGHT: {"quote": QUOTE_COLOUR, "cue": CUE_COLOUR, "speaker": SPEAKER_COLOUR},
    DARK: {"quote": "#f0b030", "cue": "#ff7aa8", "speaker": "#7fb2ff"},
}


def background(colour: str, theme: str = LIGHT) -> QTextCharFormat:
    """A highlight in ``colour`` adapted to the theme, with text on it kept
    at WCAG AA contrast."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(themed(colour, theme)))
    fmt.setForeground(QColor(text_colour(theme)))
    return fmt


def label_counts(analysis: Analysis) -> dict[str, int]:
    return dict(Counter(e.label for e in analysis.entities))


def entity_layer(analysis: Analysis, hidden: set[str], theme: str = LIGHT) -> list[StyledSpan]:
    formats = {label: background(labels.colour(label), theme) for label in label_counts(analysis)}
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


def quote_layer(text: str, quotes: list[Quote], theme: str = LIGHT) -> list[StyledSpan]:
    """Every quote's content, dotted-underlined, with its speaker on hover."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(QColor(LINE_COLOURS[theme]["quote"]))
    spans = []
    for quote in quotes:
        who = quote.speaker_name or (
            text[quote.speaker_mention.start:quote.speaker_mention.end] if quote.speaker_mention else "unknown"
        )
        state = "" if quote.resolved else " (unresolved)"
        spans.append(StyledSpan(quote.start, quote.end, fmt, f"{quote.type.capitalize()} quote — {who}{state}"))
    return spans


def focus_layer(quote: Quote, theme: str = LIGHT) -> list[StyledSpan]:
    """The chosen quote: content, cue and speaker mention, each marked apart
    from the entity colours (underlines and weight, not backgrounds)."""
    lines = LINE_COLOURS[theme]
    content = QTextCharFormat()
    content.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    content.setUnderlineColor(QColor(lines["quote"]))
    content.setFontItalic(True)
    spans = [StyledSpan(quote.start, quote.end, content)]
    if quote.cue:
        spans.append(StyledSpan(quote.cue.start, quote.cue.end, _underline(lines["cue"], bold=True), "cue"))
    if quote.speaker_mention:
        m = quote.speaker_mention
        spans.append(StyledSpan(m.start, m.end, _underline(lines["speaker"], bold=True), "speaker"))
    return spans


def blend(colours: list[str]) -> QColor:
    """The average of several colours: overlapping highlights mix visibly."""
    qs = [QColor(c) for c in colours] or [QColor("#ffff00")]
    n = len(qs)
    return QColor(sum(c.red() for c in qs) // n, sum(c.green() for c in qs) // n, sum(c.blue() for c in qs) // n)


def annotation_tip(annotation: Annotation) -> str:
    tags = ", ".join(annotation.tags) or "untagged"
    note = f" — {annotation.note}" if annotation.note else ""
    return f"{tags}{note}"


# Formats of highlight pieces by colours, per theme: shared across calls, so
# that after an edit the unchanged pieces are the very same objects.  (Few
# colour combinations occur, so these stay small.)
_FILLS: dict[str, dict[tuple[str, ...], QTextCharFormat]] = {}
_LINES: dict[str, dict[tuple[str, bool], QTextCharFormat]] = {}


def highlight_layers(
    annotations: list[Annotation], colours: dict[str, str], theme: str = LIGHT
) -> tuple[list[StyledSpan], list[StyledSpan]]:
    """Highlights cut at every edge: each piece has the blend of the tag
    colours covering it (the fill, drawn under entity colours) and an
    underline (wavy where highlights overlap, drawn over quote underlines),
    with every covering tag and note on hover.

    Pieces of the same look share one format object, so that the reader can
    tell unchanged paragraphs apart cheaply after an edit."""
    edges = sorted({p for a in annotations for p in (a.start, a.end)})
    ordered = sorted(annotations, key=lambda a: (a.start, -a.end))
    fills, lines = [], []
    active: list[Annotation] = []
    index = 0
    fill_formats = _FILLS.setdefault(theme, {})
    line_formats = _LINES.setdefault(theme, {})
    for left, right in zip(edges, edges[1:], strict=False):
        while index < len(ordered) and ordered[index].start <= left:
            active.append(ordered[index])
            index += 1
        active = [a for a in active if a.end > left]
        covering = [a for a in active if a.start <= left and a.end >= right]
        if not covering:
            continue
        tag_colours = tuple(colours.get(t, "#ffe082") for a in covering for t in (a.tags or ["?"]))
        fill = fill_formats.get(tag_colours)
        if fill is None:
            fill = fill_formats[tag_colours] = background(blend(list(tag_colours)).name(), theme)
        overlapping = len(covering) > 1
        key = (tag_colours[0], overlapping)
        line = line_formats.get(key)
        if line is None:
            line = line_formats[key] = _highlight_line(tag_colours[0], overlapping, theme)
        fills.append(StyledSpan(left, right, fill))
        lines.append(StyledSpan(left, right, line, "\n".join(annotation_tip(a) for a in covering)))
    return fills, lines


def _highlight_line(colour: str, overlapping: bool, theme: str) -> QTextCharFormat:
    line = QTextCharFormat()
    line.setUnderlineStyle(
        QTextCharFormat.UnderlineStyle.WaveUnderline if overlapping
        else QTextCharFormat.UnderlineStyle.SingleUnderline
    )
    underline = QColor(colour)
    line.setUnderlineColor(underline.darker(160) if theme == LIGHT else underline.lighter(120))
    return line
