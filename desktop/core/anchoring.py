"""Finding a span again in a text that differs a little (re-anchoring).

A Byline export may hold its article's text with CRLF line ends, trailing
spaces or another Unicode normalisation than the stored text (which went
through ``normalise``).  Each span is found again by what it covers and
what surrounds it, as the W3C Web Annotation ``TextQuoteSelector`` does:
the quoted text (``exact``) with some text before (``prefix``) and after
(``suffix``), all compared with whitespace runs collapsed, NFC and without
control characters.  A span that cannot be found is reported, never moved
at random.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")
_CONTEXT = 40


@dataclass(frozen=True, slots=True)
class TextQuote:
    """What a span covers and what surrounds it (TextQuoteSelector)."""

    exact: str
    prefix: str
    suffix: str


def quote_of(text: str, start: int, end: int, context: int = _CONTEXT) -> TextQuote:
    return TextQuote(text[start:end], text[max(0, start - context):start], text[end:end + context])


def canonical(text: str) -> str:
    """The text as compared: NFC, no control characters, whitespace runs as one space."""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", " ", text)


class Anchorer:
    """Finds quotes in one target text; build once per text, ask per span."""

    def __init__(self, target: str) -> None:
        self.target = target
        chars: list[str] = []
        index: list[int] = []  # canonical position -> position in target
        space = False
        for i, ch in enumerate(target):
            if _CONTROL.match(ch):
                continue
            if ch.isspace():
                if space:
                    continue
                ch, space = " ", True
            else:
                space = False
            chars.append(ch)
            index.append(i)
        self.canon = "".join(chars)
        self.index = index

    def find(self, quote: TextQuote, hint: float = 0.0) -> tuple[int, int] | None:
        """The (start, end) of ``quote`` in the target, or None when its text
        is not there.  Among several places the one whose context agrees best
        wins, then the one nearest ``hint`` (the span's relative position)."""
        exact = canonical(quote.exact).strip()
        if not exact:
            return None
        prefix, suffix = canonical(quote.prefix), canonical(quote.suffix)
        best: tuple[float, int] | None = None
        at = self.canon.find(exact)
        while at != -1:
            score = _common_suffix(prefix, self.canon[max(0, at - len(prefix)):at])
            end = at + len(exact)
            score += _common_prefix(suffix, self.canon[end:end + len(suffix)])
            distance = abs(at / max(1, len(self.canon)) - hint)
            key = score - distance
            if best is None or key > best[0]:
                best = (key, at)
            at = self.canon.find(exact, at + 1)
        if best is None:
            return None
        at = best[1]
        return self.index[at], self.index[at + len(exact) - 1] + 1


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n
