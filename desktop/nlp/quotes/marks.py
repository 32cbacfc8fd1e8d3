"""Find quoted stretches of text from the quotation marks alone.

News text mixes curly, straight, single and guillemet marks, often
mismatched ("“no winners\"") or unbalanced.  The scanner is a single linear
pass over the characters of each paragraph with a tiny state machine, so it
cannot blow up on odd input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’'"
# The scanners look only at these characters: every other one leaves their
# state as it is, so regular expressions find them.
_DOUBLE_MARKS = re.compile("[" + re.escape(OPENERS + CLOSERS + STRAIGHT) + "]")
_SINGLE_MARKS = re.compile("[" + re.escape(SINGLE_OPEN + SINGLE_CLOSE) + "]")
# Below this many words an unclosed quote at paragraph end is more likely a
# stray mark than a quotation running to the end of the paragraph.
MIN_UNCLOSED_WORDS = 4


@dataclass(frozen=True, slots=True)
class Quoted:
    """A stretch between quotation marks, marks included (``end`` exclusive)."""

    start: int
    end: int
    closed: bool = True  # False when it ran to the paragraph end unclosed


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _starts_with_opener(text: str, start: int, end: int) -> bool:
    i = start
    while i < end and text[i] in " \t\r\u00a0":
        i += 1
    return i < end and (text[i] in OPENERS or text[i] == STRAIGHT)


def _is_word_char(c: str) -> bool:
    return c.isalnum()


def _single_spans(text: str, start: int, end: int) -> list[Quoted]:
    """Single-quoted stretches at top level: only clear open/close pairs.

    An apostrophe inside a word (it’s, officers’) must not open or close a
    quote, so an opener needs no letter before it and a closer no letter after.
    """
    out: list[Quoted] = []
    open_at = -1
    for m in _SINGLE_MARKS.finditer(text, start, end):
        i = m.start()
        c = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if open_at < 0:
            if (c == SINGLE_OPEN or c == "'") and not _is_word_char(prev) and nxt.isalpha():
                open_at = i
        elif c in SINGLE_CLOSE and not _is_word_char(nxt) and not prev.isspace():
            out.append(Quoted(open_at, i + 1))
            open_at = -1
    return out


def find_quoted(text: str) -> list[Quoted]:
    """All double-quoted stretches (and single-quoted ones outside them).

    A quote left open at a paragraph's end continues into the next paragraph
    when that one starts with an opening mark (the news convention for long
    quotes); otherwise it runs to the paragraph end if long enough.
    """
    out: list[Quoted] = []
    paras = _paragraphs(text)
    open_at = -1
    for pi, (ps, pe) in enumerate(paras):
        cont = open_at >= 0  # quote carried over from the last paragraph
        for m in _DOUBLE_MARKS.finditer(text, ps, pe):
            i = m.start()
            c = text[i]
            if c in OPENERS:
                if open_at < 0:
                    open_at = i
                elif cont and i == _first_mark(text, ps, pe):
                    pass  # the reopening mark of a continued quote
                elif text[i] == "“" and _closes_here(text, i, pe):
                    out.append(Quoted(open_at, i + 1))  # “…“ used as close
                    open_at = -1
                cont = False
            elif c in CLOSERS or c == STRAIGHT:
                if open_at >= 0:
                    if cont and c == STRAIGHT and i == _first_mark(text, ps, pe):
                        cont = False
                        continue
                    out.append(Quoted(open_at, i + 1))
                    open_at = -1
                elif c == STRAIGHT or c == "»":
                    open_at = i
                cont = False
        if open_at >= 0:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            # Skip empty paragraphs between the two halves.
            k = pi + 1
            while nxt is not None and nxt[0] == nxt[1] and k + 1 < len(paras):
                k += 1
                nxt = paras[k]
            if nxt is not None and _starts_with_opener(text, *nxt):
                pass  # continues in the next paragraph
            else:
                if len(text[open_at:pe].split()) >= MIN_UNCLOSED_WORDS:
                    out.append(Quoted(open_at, _rstrip(text, open_at, pe), closed=False))
                open_at = -1
    out.sort(key=lambda q: q.start)
    # Whether a double-quoted stretch holds a position: of those starting at
    # or before it, the furthest end reaches past it.
    starts = [d.start for d in out]
    reach = list(accumulate((d.end for d in out), max))
    for ps, pe in paras:
        for q in _single_spans(text, ps, pe):
            k = bisect_right(starts, q.start)
            if not (k and reach[k - 1] > q.start):
                out.append(q)
    out.sort(key=lambda q: q.start)
    return out


def _first_mark(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i] in " \t\r\u00a0":
        i += 1
    return i


def _closes_here(text: str, i: int, end: int) -> bool:
    """A “ right after sentence punctuation and before a space acts as a closer."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < end else " "
    return prev in ".,!?" and not nxt.isalnum()


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
