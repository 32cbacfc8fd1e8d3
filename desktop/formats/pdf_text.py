"""Text-based PDFs, through pypdf.  Scanned PDFs (images without a text
layer) are refused: Byline does no OCR."""
from __future__ import annotations

import logging
import re
import statistics
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.model import Article
from desktop.formats.csv_corpus import article_from_record
from desktop.formats.text import read_bytes

EXTENSIONS = (".pdf",)

# pypdf logs damaged-but-readable files as warnings; without a handler Python
# would print them on stderr.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

_SENTENCE_END = re.compile(r"[.!?:\"”’)]$")
# Titles some writers put in the properties instead of the document's own.
_TOOL_TITLE = re.compile(r"^(microsoft word - |untitled)|\.(docx?|odt|pdf)$", re.I)


def read_file(path: Path, columns: dict[str, str] | None = None) -> list[Article]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    read_bytes(path)  # the same sentences as every format for missing or unreadable files
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path.name} is password-protected.")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"{path.name} is not a PDF Byline can read ({exc}).") from exc
    text = "\n".join(paragraphs(page) for page in pages)
    title = (info.title or "").strip() if info is not None else ""
    heading = " ".join(title.split())
    if heading and text[: len(heading)].casefold() == heading.casefold() and (
        text[len(heading) : len(heading) + 1] in ("", " ", "\n")
    ):
        # The headline printed above the text (a Byline PDF prints one) is
        # its title, not the start of its first paragraph.
        text = text[len(heading) :].lstrip()
    author = (info.author or "").strip() if info is not None else ""
    article = article_from_record(
        {"text": text, "title": None if _TOOL_TITLE.search(title) else title, "author": author}
    )
    if article is None:
        raise InputError(
            f"{path.name} has no text layer (it is probably a scanned image; Byline does no OCR)."
        )
    return [article]


def paragraphs(page_text: str) -> str:
    """Rejoin a page's wrapped lines into paragraphs, one a line.

    A line ends its paragraph when it is blank or clearly shorter than the
    page's usual line and ends a sentence; other line breaks are the
    layout's and become spaces.
    """
    lines = [" ".join(line.split()) for line in page_text.split("\n")]
    lengths = [len(line) for line in lines if line]
    if not lengths:
        return ""
    usual = statistics.median(lengths)
    out: list[str] = []
    current = ""
    for line in lines:
        if not line:
            out.append(current)
            current = ""
            continue
        current = f"{current}{line}" if current.endswith("-") else f"{current} {line}".strip()
        if len(line) < 0.8 * usual and _SENTENCE_END.search(line):
            out.append(current)
            current = ""
    out.append(current)
    return "\n".join(p for p in out if p)
