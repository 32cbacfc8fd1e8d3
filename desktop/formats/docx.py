"""Word documents (.docx), through python-docx: paragraphs and tables in
document order, the title from the document's Title style or properties."""
from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.model import Article
from desktop.formats.csv_corpus import article_from_record
from desktop.formats.text import read_bytes

EXTENSIONS = (".docx",)
_TITLE_STYLES = ("title", "heading 1")


def read_file(path: Path, columns: dict[str, str] | None = None) -> list[Article]:
    import docx
    from docx.opc.exceptions import OpcError
    from docx.table import Table
    from lxml import etree

    read_bytes(path)  # the same sentences as every format for missing or unreadable files
    try:
        document = docx.Document(str(path))
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError) as exc:
        raise InputError(f"{path.name} is not a Word document (.docx) Byline can read.") from exc
    lines: list[str] = []
    title = ""
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
            continue
        text = " ".join(block.text.split())
        if not text:
            continue
        style = (block.style.name if block.style is not None else "").casefold()
        if not title and not lines and style in _TITLE_STYLES:
            title = text  # the headline opening the document is its title, not its text
            continue
        lines.append(text)
    props = document.core_properties
    article = article_from_record({
        "text": "\n".join(lines),
        "title": title or props.title or None,
        "author": props.author or None,
    })
    if article is None:
        raise InputError(f"{path.name} has no text.")
    return [article]


def _table_lines(table) -> list[str]:  # a docx.table.Table
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        if cells:
            lines.append(" | ".join(cells))
    return lines
