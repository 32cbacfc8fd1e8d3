"""Another Byline library file as an import source: its articles, its
codebook, and every coder's highlights with their notes (the coder is each
highlight's author).  Its analyses are not read: the importing library
analyses the new articles itself.

The file is opened read-only with the standard library's sqlite3 (never
through the library's own database object, which is the open library).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.model import Annotation, Article, ArticleBundle, Tag
from desktop.core.text import sha256

SQLITE_MAGIC = b"SQLite format 3\x00"


def is_library_file(path: Path) -> bool:
    try:
        with Path(path).open("rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def read_rows(path: Path, columns: dict[str, str] | None = None) -> tuple[list[Article], int]:
    return [b.article for b in read_bundles(path)], 0


def read_bundles(path: Path) -> list[ArticleBundle]:
    if not Path(path).is_file():
        raise InputError(f"{path} does not exist.")
    if not is_library_file(path):
        raise InputError(f"{Path(path).name} is not a Byline library (it is not an SQLite database).")
    try:
        con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            return _bundles(con, Path(path).name)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{Path(path).name} cannot be read as a Byline library ({exc}).") from exc


def _bundles(con: sqlite3.Connection, name: str) -> list[ArticleBundle]:
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"article", "annotation", "annotation_tag", "tag"} <= tables:
        raise InputError(f"{name} is an SQLite database but not a Byline library.")
    rows = con.execute("SELECT id, name, color, parent_id, description, position FROM tag "
                       "ORDER BY position, name").fetchall()
    names = {r[0]: r[1] for r in rows}
    tags = [Tag(n, color, names.get(parent), description=d or "", position=p)
            for _, n, color, parent, d, p in rows]
    tags_of: dict[int, list[str]] = {}
    for annotation_id, tag in con.execute(
        "SELECT l.annotation_id, t.name FROM annotation_tag l JOIN tag t ON t.id = l.tag_id "
        "ORDER BY t.position, t.name"
    ):
        tags_of.setdefault(annotation_id, []).append(tag)
    highlights: dict[int, list[Annotation]] = {}
    for aid, article_id, start, end, note, author, created, modified in con.execute(
        'SELECT id, article_id, "start", "end", note, author, created, modified FROM annotation '
        'ORDER BY article_id, "start", id'
    ):
        highlights.setdefault(article_id, []).append(
            Annotation(start, end, tags_of.get(aid, []), note or "", author or "", created, modified))
    out = []
    for aid, title, date, source, url, author, text in con.execute(
        "SELECT id, title, date, source, url, author, text FROM article ORDER BY id"
    ):
        article = Article(text=text, title=title, date=date, source=source, url=url, author=author,
                          sha256=sha256(text))
        out.append(ArticleBundle(article=article, annotations=highlights.get(aid, []), tags=tags))
    if not out:
        raise InputError(f"{name} is a Byline library without articles.")
    return out
