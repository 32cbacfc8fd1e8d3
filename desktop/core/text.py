"""Pure text helpers: normalising imported text, titles, checksums."""
from __future__ import annotations

import hashlib
import re
import unicodedata

# C0/C1 control characters except tab and newline; imported text keeps neither
# NULs nor stray escapes, which break Qt's layout and every export format.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*(?=\s+[\"'“‘«(]?[A-Z0-9])")
TITLE_MAX = 80
# Lone UTF-16 surrogates (JSON's "\udfff" escapes) are not characters:
# they cannot be stored or written as UTF-8.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def normalise(text: str) -> str:
    """Newlines as ``\\n``, NFC, no control characters, no trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = without_surrogates(text.replace("\ufeff", ""))
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
    lines = [line.rstrip() for line in text.split("\n")]
    # Collapse runs of blank lines: paragraphs are lines, and empty
    # paragraphs only add gaps in the reader.
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line)
    return "\n".join(out).strip("\n")


def first_sentence(text: str) -> str:
    para = text.strip().split("\n", 1)[0].strip()
    match = _SENTENCE_END.search(para)
    return para[: match.start() + 1] if match else para


def shorten(text: str, limit: int = TITLE_MAX) -> str:
    """Cut at a word boundary and mark the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def title_from_text(text: str) -> str:
    sentence = first_sentence(text).rstrip(".")
    return shorten(sentence) or "Untitled"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a selection to whole words and trim the spaces at its ends."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while start > 0 and _wordish(text[start - 1]) and _wordish(text[start]):
        start -= 1
    while end < len(text) and _wordish(text[end]) and _wordish(text[end - 1]):
        end += 1
    return start, end


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch in "_'’-"


def plural(count: int, noun: str, many: str = "") -> str:
    """"1 highlight", "2 highlights" (``many``: an irregular plural)."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"
