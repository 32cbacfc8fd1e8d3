"""Layers of formatted spans painted over the reader's text, block by block.

Formats are applied by a QSyntaxHighlighter, so only the blocks a change
touches are re-laid out, and overlapping spans of different layers merge:
each block is cut at every span edge and each piece gets the merge of the
formats that cover it, in layer order.

Formatting a paragraph makes Qt lay it out again, which costs about half
a millisecond: on a 100,000-word text, formatting every paragraph took
seconds.  So only the paragraphs in view (and a margin around them) are
formatted; the others are formatted when they scroll into view (the reader
reports its visible range through :meth:`SpanHighlighter.show_range`), or
when something asks for their formats (:meth:`ensure_formatted`).  A layer
change marks only the paragraphs whose spans differ, so tagging a passage
re-formats one paragraph.  Opening an article sets its layers inside
:meth:`batch`, so they are applied together.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument, QTextLayout

from desktop.core.offsets import Utf16Map

# Merge order: later layers win where they set the same property.  The
# user's own highlights are the strongest layer: their fills sit over entity
# backgrounds (an entity inside a highlight keeps its tooltip), and their
# underlines over quote underlines, so all three stay readable.
LAYERS = ("entities", "highlight_fill", "quotes", "highlights", "focus", "find")


@dataclass(frozen=True, slots=True)
class StyledSpan:
    start: int
    end: int
    format: QTextCharFormat
    tip: str = ""


class SpanHighlighter(QSyntaxHighlighter):
    # Paragraphs formatted beyond each edge of the view, so that a page
    # scrolled into view is usually formatted already.
    MARGIN = 40

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._layers: dict[str, list[StyledSpan]] = {}
        # layer -> paragraph number -> spans touching it
        self._buckets: dict[str, dict[int, list[StyledSpan]]] = {}
        self._para_starts: list[int] = [0]
        self._text = ""
        self._u16 = Utf16Map("")
        self._first_block = 0
        self._batching = 0
        # Paragraphs whose laid-out formats are not their current spans.
        self._stale: set[int] = set()
        self._view = (0, self.MARGIN)  # first and last paragraph in view
        self._asked: set[int] = set()  # formatted on request, wherever they are

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Layer changes inside are applied together when it ends."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching:
                self._format_stale()

    def clear(self) -> None:
        """Forget every span (before the document's text is replaced, so that
        Qt's pass over the new text finds nothing to format)."""
        self._layers.clear()
        self._buckets.clear()
        self._stale.clear()
        self._asked.clear()

    def set_text(self, text: str, first_block: int, u16: Utf16Map | None = None) -> None:
        """The article text and the document block where its body starts
        (``u16``: the text's offset map, when the caller has made it)."""
        self.clear()
        self._text = text
        self._u16 = u16 or Utf16Map(text)
        self._first_block = first_block
        starts = [0]
        at = text.find("\n")
        while at != -1:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self._para_starts = starts
        self._view = (0, self.MARGIN)

    def set_layer(self, name: str, spans: list[StyledSpan]) -> None:
        old = self._buckets.get(name, {})
        buckets: dict[int, list[StyledSpan]] = defaultdict(list)
        starts = self._para_starts
        for span in spans:
            first = bisect_right(starts, span.start) - 1
            last = bisect_right(starts, max(span.start, span.end - 1)) - 1
            for para in range(max(0, first), max(0, last) + 1):
                buckets[para].append(span)
        self._layers[name] = spans
        self._buckets[name] = new = dict(buckets)
        # Only paragraphs whose spans changed need formatting again.
        self._stale |= {p for p in old.keys() | new.keys() if old.get(p) != new.get(p)}
        if not self._batching:
            self._format_stale()

    def patch_layer(self, name: str, start: int, end: int, spans: list[StyledSpan]) -> None:
        """Replace the layer's spans inside ``start``–``end`` by ``spans``
        (which lie inside it), leaving the rest of the layer as it is: after
        one highlight changes, only its stretch is cut again.  No span of
        the layer may cross ``start`` or ``end``."""
        outside = [s for s in self._layers.get(name, []) if s.end <= start or s.start >= end]
        self._layers[name] = outside + spans
        buckets = self._buckets.setdefault(name, {})
        starts = self._para_starts
        first = max(0, bisect_right(starts, start) - 1)
        last = max(0, bisect_right(starts, max(start, end - 1)) - 1)
        for para in range(first, last + 1):
            lo = starts[para]
            hi = starts[para + 1] if para + 1 < len(starts) else len(self._text) + 1
            old = buckets.get(para, [])
            new = [s for s in old if s.end <= start or s.start >= end]
            new += [s for s in spans if s.start < hi and s.end > lo]
            if new != old:
                if new:
                    buckets[para] = new
                else:
                    buckets.pop(para, None)
                self._stale.add(para)
        if not self._batching:
            self._format_stale()

    def layer(self, name: str) -> list[StyledSpan]:
        return self._layers.get(name, [])

    def spans_at(self, offset: int) -> list[tuple[str, StyledSpan]]:
        para = self.paragraph_of(offset)
        return [
            (name, span)
            for name in LAYERS
            for span in self._buckets.get(name, {}).get(para, [])
            if span.start <= offset < span.end
        ]

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self._para_starts, offset) - 1)

    # formatting what is seen ----------------------------------------------
    def show_range(self, first: int, last: int) -> None:
        """The paragraphs in view changed: format those not formatted yet."""
        self._view = (first, last)
        self._format_stale()

    def ensure_formatted(self, offset: int) -> None:
        """Format the paragraph holding ``offset`` now, in view or not."""
        para = self.paragraph_of(offset)
        self._asked.add(para)
        if para in self._stale:
            self._rehighlight_paragraphs([para])

    def _wanted(self, para: int) -> bool:
        first, last = self._view
        return first - self.MARGIN <= para <= last + self.MARGIN or para in self._asked

    def _format_stale(self) -> None:
        if self._batching or not self._stale:
            return
        # Paragraphs out of view stay stale (thousands in a long text): look
        # only at those in view and those asked for.
        first, last = self._view
        near = range(max(0, first - self.MARGIN), last + self.MARGIN + 1)
        stale = self._stale
        self._rehighlight_paragraphs(sorted({p for p in near if p in stale} | (self._asked & stale)))

    def _rehighlight_paragraphs(self, paragraphs: list[int]) -> None:
        """Give the paragraphs' layouts their formats, then let Qt lay out
        the stretch holding them once (``rehighlightBlock`` per paragraph
        would lay out the rest of the document again for each)."""
        doc = self.document()
        if doc is None or not paragraphs:
            return
        first = last = None
        for para in paragraphs:
            block = doc.findBlockByNumber(self._first_block + para)
            self._stale.discard(para)
            if not block.isValid():
                continue
            ranges = []
            for start, length, fmt in self._pieces(para, block.length() - 1):
                piece = QTextLayout.FormatRange()
                piece.start, piece.length, piece.format = start, length, fmt
                ranges.append(piece)
            block.layout().setFormats(ranges)
            first = block if first is None else first
            last = block
        if first is not None and last is not None:
            doc.markContentsDirty(first.position(), last.position() + last.length() - first.position())

    def highlightBlock(self, text: str) -> None:
        # Qt's own pass over blocks whose text or block format changed.
        para = self.currentBlock().blockNumber() - self._first_block
        if para < 0 or para >= len(self._para_starts):
            return
        if not self._wanted(para):
            # Paragraphs out of view wait until they are seen.
            if any(para in buckets for buckets in self._buckets.values()):
                self._stale.add(para)
            return
        self._stale.discard(para)
        for start, length, fmt in self._pieces(para, len(text)):
            self.setFormat(start, length, fmt)

    def _pieces(self, para: int, length: int) -> list[tuple[int, int, QTextCharFormat]]:
        """The paragraph cut at every span edge, each piece with the merge of
        the formats covering it: (start, length, format) in UTF-16 units."""
        spans = [s for name in LAYERS for s in self._buckets.get(name, {}).get(para, [])]
        if not spans:
            return []
        base = self._u16.to_utf16(self._para_starts[para])
        pieces = []
        for span in spans:
            lo = max(0, self._u16.to_utf16(span.start) - base)
            hi = min(length, self._u16.to_utf16(span.end) - base)
            if hi > lo:
                pieces.append((lo, hi, span.format))
        edges = sorted({e for lo, hi, _ in pieces for e in (lo, hi)})
        out = []
        for left, right in zip(edges, edges[1:], strict=False):
            covering = [fmt for lo, hi, fmt in pieces if lo <= left and right <= hi]
            if not covering:
                continue
            merged = QTextCharFormat(covering[0])
            for fmt in covering[1:]:
                merged.merge(fmt)
            out.append((left, right - left, merged))
        return out
