"""Plain-text articles, with the optional ``date YYYY-MM-DD`` header."""
from __future__ import annotations

import re
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.model import Article
from desktop.core.text import normalise, sha256, title_from_text
from desktop.formats.decoding import decode

EXTENSIONS = (".txt", ".text")

# The sample starts " date 2022-02-08 Emerging from...": the header sits
# before the body on the same line.
_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")


def read_file(path: Path) -> list[Article]:
    """Read one text file as one article."""
    return [article_from_text(decode(read_bytes(path), path.name))]


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path} does not exist.")
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a file.")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}.") from exc


def article_from_text(raw: str, **meta: str | None) -> Article:
    """Build an article from decoded text; ``meta`` may give title, date..."""
    match = _HEADER.match(raw)
    date = meta.pop("date", None)
    if match:
        date = date or match.group(1)
        raw = raw[match.end():]
    text = normalise(raw)
    if not text.strip():
        raise InputError("the article has no text.")
    title = (meta.pop("title", None) or "").strip() or title_from_text(text)
    return Article(text=text, title=title, date=date, sha256=sha256(text), **meta)
