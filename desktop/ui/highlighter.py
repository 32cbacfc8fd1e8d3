"""Layers of formatted spans painted over the reader's text, block by block.

Formats are applied by a QSyntaxHighlighter, so only the blocks a change
touches are re-laid out, and overlapping spans of different layers merge:
each block is cut at every span edge and each piece gets the merge of the
formats that cover it, in layer order.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop.core.offsets import Utf16Map

# Merge order: later layers win where they set the same property.  Entity
# backgrounds sit over highlight fills, while highlight underlines sit over
# quote underlines, so all three stay readable where they overlap.
LAYERS = ("highlight_fill", "entities", "quotes", "highlights", "focus", "find")


@dataclass(frozen=True, slots=True)
class StyledSpan:
    start: int
    end: int
    format: QTextCharFormat
    tip: str = ""


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._layers: dict[str, list[StyledSpan]] = {}
        # layer -> paragraph number -> spans touching it
        self._buckets: dict[str, dict[int, list[StyledSpan]]] = {}
        self._para_starts: list[int] = [0]
        self._text = ""
        self._u16 = Utf16Map("")
        self._first_block = 0

    def set_text(self, text: str, first_block: int) -> None:
        """The article text and the document block where its body starts."""
        self._text = text
        self._u16 = Utf16Map(text)
        self._first_block = first_block
        starts = [0]
        at = text.find("\n")
        while at != -1:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self._para_starts = starts
        self._layers.clear()
        self._buckets.clear()

    def set_layer(self, name: str, spans: list[StyledSpan]) -> None:
        touched = set(self._buckets.get(name, {}))
        buckets: dict[int, list[StyledSpan]] = defaultdict(list)
        for span in spans:
            for para in range(self.paragraph_of(span.start), self.paragraph_of(max(span.start, span.end - 1)) + 1):
                buckets[para].append(span)
        self._layers[name] = spans
        self._buckets[name] = dict(buckets)
        touched |= set(buckets)
        self._rehighlight_paragraphs(touched)

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

    def _rehighlight_paragraphs(self, paragraphs: set[int]) -> None:
        doc = self.document()
        if doc is None:
            return
        if len(paragraphs) > len(self._para_starts) // 2:
            self.rehighlight()
            return
        for para in sorted(paragraphs):
            block = doc.findBlockByNumber(self._first_block + para)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt API)
        para = self.currentBlock().blockNumber() - self._first_block
        if para < 0 or para >= len(self._para_starts):
            return
        spans = [s for name in LAYERS for s in self._buckets.get(name, {}).get(para, [])]
        if not spans:
            return
        base = self._u16.to_utf16(self._para_starts[para])
        length = len(text)
        pieces = []
        for span in spans:
            lo = max(0, self._u16.to_utf16(span.start) - base)
            hi = min(length, self._u16.to_utf16(span.end) - base)
            if hi > lo:
                pieces.append((lo, hi, span.format))
        edges = sorted({e for lo, hi, _ in pieces for e in (lo, hi)})
        for left, right in zip(edges, edges[1:]):
            covering = [fmt for lo, hi, fmt in pieces if lo <= left and right <= hi]
            if not covering:
                continue
            merged = QTextCharFormat(covering[0])
            for fmt in covering[1:]:
                merged.merge(fmt)
            self.setFormat(left, right - left, merged)
