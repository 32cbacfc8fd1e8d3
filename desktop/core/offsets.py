"""Python string offsets (code points) against Qt's (UTF-16 code units).

They differ only after characters outside the Basic Multilingual Plane
(emoji, some CJK), which take two UTF-16 units; this map converts both ways
in O(log n) and costs nothing for text without such characters.
"""
from __future__ import annotations

from bisect import bisect_left


class Utf16Map:
    def __init__(self, text: str) -> None:
        # Code-point offsets of the astral characters, in order.
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
        self._astral16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, unit: int) -> int:
        if not self._astral:
            return unit
        # Units before `unit` that belong to astral characters count twice.
        return unit - bisect_left(self._astral16, unit)
