"""Markdown articles: the text without markup, the first heading as title.

A YAML-style front matter block (``---`` lines around ``title: …``,
``date: …``), as static-site generators write it, gives the metadata.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import InputError
from desktop.core.model import Article
from desktop.formats.csv_corpus import article_from_record, guess_mapping
from desktop.formats.decoding import decode
from desktop.formats.text import read_bytes

if TYPE_CHECKING:
    from markdown_it.token import Token

EXTENSIONS = (".md", ".markdown")

_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TAG = re.compile(r"<[^>]*>")


def read_file(path: Path, columns: dict[str, str] | None = None) -> list[Article]:
    article = article_from_markdown(decode(read_bytes(path), path.name))
    if article is None:
        raise InputError(f"{path.name} has no text besides its markup.")
    return [article]


def article_from_markdown(source: str) -> Article | None:
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    meta, source = front_matter(source)
    lines, headings = plain_lines(source)
    title = meta.get("title") or ""
    if headings and headings[0] == 0 and (not title or _same(title, lines[0])):
        # The text opens with its headline: the title, not a line of text.
        # (A front matter's title leaves a different first heading in the text.)
        title = title or lines[0]
        lines = lines[1:]
    elif headings:
        title = title or lines[headings[0]]
    return article_from_record({**meta, "text": "\n".join(lines), "title": title or None})


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def front_matter(source: str) -> tuple[dict[str, str], str]:
    """Byline's fields from a leading ``---`` block, and the text after it."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    values: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, colon, value = line.partition(":")
        if colon and key.strip() and not line.startswith((" ", "\t")):
            values[key.strip()] = value.strip().strip("'\"")
    fields = guess_mapping(list(values))
    meta = {field: values[key] for field, key in fields.items() if values[key]}
    return meta, source[match.end():]


# Tables longer than this are turned into lines row by row, outside
# markdown-it: its tokens for a 2.4 MB table took hundreds of megabytes.
BIG_TABLE_ROWS = 200
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def plain_lines(source: str) -> tuple[list[str], list[int]]:
    """The text's blocks as lines of plain text, and the indexes of the
    lines that were headings."""
    lines: list[str] = []
    headings: list[int] = []
    for kind, part in _split_big_tables(source):
        if kind == "table":
            lines.extend(_table_rows(part))
        else:
            more, more_headings = _markdown_lines(part)
            headings.extend(len(lines) + h for h in more_headings)
            lines.extend(more)
    return lines, headings


def _split_big_tables(source: str) -> list[tuple[str, list[str]] | tuple[str, str]]:
    """The source as ("markdown", text) and ("table", rows) parts, in order."""
    rows = source.split("\n")
    parts: list = []
    start = i = 0
    while i < len(rows) - 1:
        if "|" in rows[i] and _DELIMITER_ROW.match(rows[i + 1]) and "-" in rows[i + 1]:
            end = i + 2
            while end < len(rows) and rows[end].strip() and "|" in rows[end]:
                end += 1
            if end - i > BIG_TABLE_ROWS:
                parts.append(("markdown", "\n".join(rows[start:i])))
                parts.append(("table", [rows[i], *rows[i + 2:end]]))
                start = i = end
                continue
            i = end
            continue
        i += 1
    parts.append(("markdown", "\n".join(rows[start:])))
    return parts


def _table_rows(rows: list[str]) -> list[str]:
    """Each row as "cell | cell", as markdown-it's table rows become lines."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    out = []
    for row in rows:
        cells = _CELL_SPLIT.split(row.strip().strip("|") if row.strip() != "|" else "")
        texts = []
        for cell in cells:
            tokens = md.parseInline(cell.strip().replace("\\|", "|"))
            text = " ".join(_inline_text(tokens[0]).split()) if tokens else ""
            if text:
                texts.append(text)
        if texts:
            out.append(" | ".join(texts))
    return out


def _markdown_lines(source: str) -> tuple[list[str], list[int]]:
    from markdown_it import MarkdownIt

    lines: list[str] = []
    headings: list[int] = []

    def add(text: str) -> None:
        lines.extend(" ".join(part.split()) for part in text.split("\n") if part.strip())

    cells: list[str] | None = None
    in_heading = False
    for token in MarkdownIt("commonmark").enable("table").parse(source):
        if token.type in ("heading_open", "heading_close"):
            in_heading = token.type == "heading_open"
        elif token.type == "tr_open":
            cells = []
        elif token.type == "tr_close" and cells is not None:
            add(" | ".join(cell for cell in cells if cell))
            cells = None
        elif token.type == "inline":
            text = _inline_text(token)
            if cells is not None:
                cells.append(" ".join(text.split()))
            elif text.strip():
                if in_heading:
                    headings.append(len(lines))
                add(text)
        elif token.type in ("fence", "code_block"):
            add(token.content)
        elif token.type == "html_block":
            add(_TAG.sub("", token.content))
    return lines, headings


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)
