"""Snippets for a team library's search hits, made in Python.

PostgreSQL's ``ts_headline`` parses each hit's whole text again; for the
500 hits of a common word in a library of 10,000 articles that took over a
second.  Here the first match of any query term is found with one regular
expression that ignores case and accents (each letter also matches its
accented forms), and the snippet is the window of words around it, with
the matches marked as SQLite's ``snippet()`` marks them.
"""
from __future__ import annotations

import functools
import re
import sys
import unicodedata

_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """``{base letter: every character whose accents fold to it}``."""
    out: dict[str, set[str]] = {}
    for code in range(0xC0, min(sys.maxunicode, 0x2000)):
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base.isalnum() and base != ch:
            out.setdefault(base.lower(), set()).update({ch, ch.lower(), ch.upper()})
    return {k: "".join(sorted(v)) for k, v in out.items()}


def _letter(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()
    extra = _variants().get(base, "") if len(base) == 1 else ""
    if not extra and ch.lower() == ch.upper():
        return re.escape(ch)
    # Both cases spelt out: IGNORECASE made every search several times slower.
    return "[" + re.escape("".join(dict.fromkeys(ch.lower() + ch.upper() + base + base.upper() + extra))) + "]"


def term_pattern(raw: str, prefix: bool) -> str:
    """A term's words in a row, separated by anything that is not a word."""
    words = _WORD.findall(raw)
    parts = ["".join(_letter(ch) for ch in word) for word in words]
    body = r"\W+".join(parts)
    return rf"(?<!\w){body}" + (r"\w*" if prefix else r"(?!\w)")


@functools.lru_cache(maxsize=256)
def matcher(terms: tuple[tuple[str, bool], ...]) -> re.Pattern[str] | None:
    patterns = [term_pattern(raw, prefix) for raw, prefix in terms if _WORD.search(raw)]
    return re.compile("|".join(patterns)) if patterns else None


@functools.lru_cache(maxsize=256)
def _first_words(terms: tuple[tuple[str, bool], ...]) -> tuple[str, ...]:
    firsts = [words[0].lower() for raw, _ in terms if (words := _WORD.findall(raw))]
    return tuple(v for w in firsts for v in (w, w.capitalize(), w.upper()))


def snippet(text: str, terms: tuple[tuple[str, bool], ...], marks: tuple[str, str, str, int],
            offset: int = 0, total: int | None = None) -> str:
    """The window of ``words`` words around the first match, matches marked.
    ``text`` may be a piece of the article's text starting at ``offset`` of
    its ``total`` characters (the server sends only the neighbourhood of the
    match); only the match's neighbourhood is split into words."""
    start_mark, end_mark, ellipsis, size = marks
    total = len(text) + offset if total is None else total
    pattern = matcher(terms)
    first = None
    if pattern is not None:
        # A plain find of the words (lower case, Capitalised, UPPER) usually
        # lands on the match: the regular expression then starts there
        # instead of at the top (lower-casing whole texts cost more).
        found = [i for i in (text.find(w) for w in _first_words(terms)) if i >= 0]
        first = pattern.search(text, max(min(found) - 8, 0)) if found else None
        first = first or pattern.search(text)
    at = first.start() if first is not None else 0
    reach = 12 * size  # characters: more than ``size`` words of news text
    begin = max(0, at - reach)
    words = list(_WORD.finditer(text, begin, min(len(text), at + 2 * reach)))
    if not words:
        return ""
    here = next((i for i, w in enumerate(words) if w.end() > at), 0)
    if begin + offset > 0 and here > 0:
        words = words[1:]  # the first word may be cut off
        here -= 1
    lo = max(0, min(here - size // 4, len(words) - size))
    hi = min(len(words), lo + size)
    window = text[words[lo].start():words[hi - 1].end()]
    if pattern is not None:
        window = pattern.sub(lambda m: f"{start_mark}{m.group(0)}{end_mark}", window)
    before = offset + words[lo].start() > 0
    after = offset + words[hi - 1].end() < total and text[words[hi - 1].end():].strip() != "" \
        or offset + len(text) < total
    return (ellipsis if before else "") + " ".join(window.split()) + (ellipsis if after else "")
