"""Plain-text articles, with the optional ``date YYYY-MM-DD`` header."""
from __future__ import annotations

import re
import stat
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.model import Article
from desktop.core.text import normalise, sha256, title_from_text
from desktop.formats.decoding import decode

EXTENSIONS = (".txt", ".text")
# The most Byline reads from any one file (a corpus of thousands of articles
# fits; a device or a runaway file does not).
MAX_FILE_BYTES = 256 * 2**20

# The sample starts " date 2022-02-08 Emerging from...": the header sits
# before the body on the same line.
_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")


def read_file(path: Path) -> list[Article]:
    """Read one text file as one article."""
    return [article_from_text(decode(read_bytes(path), path.name))]


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; InputError
    otherwise.  Every importer reads (or checks) its file through here, so
    no file, device (``/dev/zero``) or FIFO can exhaust memory or hang."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise InputError(f"{path} does not exist.") from exc
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} is a folder, not a file.")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path} is not a regular file (it is a device, a pipe or a socket).")
    if info.st_size > MAX_FILE_BYTES:
        raise InputError(f"{path} is {_size(info.st_size)}; Byline imports files of at most {_size(MAX_FILE_BYTES)}.")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # a file growing while read stays bounded
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror or exc}.") from exc
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{path} grew past {_size(MAX_FILE_BYTES)} while it was read.")
    return data


def _size(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


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
