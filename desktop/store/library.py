"""The library as a table: one summary record per article, and deleting
articles with everything attached to them.

The summaries are read with one query over what migrations ``_m7`` and
``_m13`` keep ready: the articles' summaries in order from an index (their
texts are never read) and their counts of entities, quotes and highlights
from ``span_count``.  Only the few articles the user corrected get their
counts from ``article_counts``'s exact query, and only articles with
highlights get tags; each record is made in C (no Python call per row), so
a hundred thousand articles list in about a tenth of a second.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import repeat
from operator import add
from typing import NamedTuple

from desktop.store.models import ArticleRow, db
from desktop.store.search import article_counts

_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit
_ROWS = """SELECT a.id, a.title, a.date, a.source, a.url,
                  coalesce(c.entities, 0), coalesce(c.quotes, 0), coalesce(c.highlights, 0)
           FROM article a LEFT JOIN span_count c ON c.article_id = a.id"""
# Newest first, undated last, as ``list_articles`` orders them.
_NEWEST_FIRST = " ORDER BY a.date DESC NULLS LAST, a.id DESC"


class LibraryRow(NamedTuple):
    """What the Library table shows of one article (a tuple: ten thousand
    of them are made at once)."""

    id: int
    title: str
    date: str | None
    source: str | None
    url: str | None
    entities: int = 0
    quotes: int = 0
    highlights: int = 0
    tags: tuple[str, ...] = ()  # the tags of its highlights, in codebook order


def library_rows(ids: Iterable[int] | None = None) -> list[LibraryRow]:
    """Summaries of the given articles (those that exist), or of the whole
    library; newest first."""
    if ids is None:
        rows = _records(db.execute_sql(_ROWS + _NEWEST_FIRST))
        article_ids = None
    else:
        rows = []
        for chunk in _chunks(ids):
            query = f"{_ROWS} WHERE a.id IN ({', '.join('?' * len(chunk))})"
            rows += _records(db.execute_sql(query, chunk))
        rows.sort(key=newest_first, reverse=True)
        article_ids = [r.id for r in rows]
    return _corrected(rows, article_counts(_corrected_articles(article_ids)), tags_used(article_ids))


def library_pages(first: int = 500, size: int = 5000) -> Iterator[tuple[list[LibraryRow], bool]]:
    """The whole library's summaries, newest first, ``first`` then ``size``
    at a time, each page with whether more follow: together exactly what
    ``library_rows()`` gives, so that the Library can show the first page at
    once and read the rest in pieces (each page from the index where the
    last one ended)."""
    corrected = set(_corrected_articles(None))
    after: LibraryRow | None = None
    limit = first
    while True:
        rows = _page_after(after, limit)
        ids = [r.id for r in rows]
        more = len(rows) == limit
        yield _corrected(rows, article_counts([i for i in ids if i in corrected]), tags_used(ids)), more
        if not more:
            return
        after, limit = rows[-1], size


def _page_after(after: LibraryRow | None, limit: int) -> list[LibraryRow]:
    """The next ``limit`` rows in the library's order after ``after``: the
    dated articles (date, then id, descending), then the undated ones, each
    page a range of ``article_newest`` on both engines (PostgreSQL's DESC
    puts NULLs first unless told: the index puts them last)."""
    if after is None or after.date is not None:
        where, params = "a.date IS NOT NULL", ()
        if after is not None:
            where, params = "a.date IS NOT NULL AND (a.date, a.id) < (?, ?)", (after.date, after.id)
        sql = f"{_ROWS} WHERE {where} ORDER BY a.date DESC NULLS LAST, a.id DESC LIMIT {int(limit)}"
        rows = _records(db.execute_sql(sql, params))
        if len(rows) == limit:
            return rows
        limit -= len(rows)
        undated = f"{_ROWS} WHERE a.date IS NULL ORDER BY a.id DESC LIMIT {int(limit)}"
        return rows + _records(db.execute_sql(undated))
    sql = f"{_ROWS} WHERE a.date IS NULL AND a.id < ? ORDER BY a.id DESC LIMIT {int(limit)}"
    return _records(db.execute_sql(sql, (after.id,)))


def _corrected(rows: list[LibraryRow], exact: dict[int, tuple[int, int]],
               tags: dict[int, list[str]]) -> list[LibraryRow]:
    """The rows with the exact counts of corrected articles and their tags."""
    if exact or tags:
        where = {r.id: i for i, r in enumerate(rows)}
        for article_id, (entities, quotes) in exact.items():
            i = where[article_id]
            rows[i] = rows[i]._replace(entities=entities, quotes=quotes)
        for article_id, names in tags.items():
            i = where[article_id]
            rows[i] = rows[i]._replace(tags=tuple(names))
    return rows


def _records(cursor: Iterable[tuple]) -> list[LibraryRow]:
    """The query's rows as records with no tags yet: ``tuple.__new__`` over
    each row plus ``((),)``, all in C (``LibraryRow(*r)`` cost a Python
    call per article, a fifth of the listing at 100,000)."""
    return list(map(tuple.__new__, repeat(LibraryRow), map(add, cursor, repeat(((),)))))


def newest_first(row: LibraryRow) -> tuple[bool, str, int]:
    """The library's natural order (sort with ``reverse=True``)."""
    return (row.date is not None, row.date or "", row.id)


def _corrected_articles(ids: list[int] | None) -> list[int]:
    """Articles with the user's own spans or removed model spans, whose
    counts the plain count does not give."""
    sql = "SELECT article_id FROM span_count WHERE corrections > 0"
    found = [row[0] for row in db.execute_sql(sql).fetchall()]
    if ids is None:
        return found
    wanted = set(ids)
    return [i for i in found if i in wanted]


def _grouped_counts(table: str, ids: list[int]) -> dict[int, int]:
    """``{article id: rows of table}``; ``table`` is one of ours, never user input."""
    counts: dict[int, int] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        query = f"""SELECT article_id, COUNT(*) FROM {table}
                    WHERE article_id IN ({marks}) GROUP BY article_id"""
        counts.update(db.execute_sql(query, chunk).fetchall())
    return counts


def tags_used(ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """``{article id: names of the tags its highlights carry}``, for the
    given articles or all of them."""
    sql = """SELECT DISTINCT a.article_id, t.name, t.position
             FROM annotation a
             JOIN annotation_tag x ON x.annotation_id = a.id
             JOIN tag t ON t.id = x.tag_id"""
    order = " ORDER BY a.article_id, t.position, t.name"
    used: dict[int, list[str]] = defaultdict(list)
    if ids is None:
        rows = db.execute_sql(sql + order).fetchall()
    else:
        rows = []
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            query = f"{sql} WHERE a.article_id IN ({marks}){order}"
            rows += db.execute_sql(query, chunk).fetchall()
    for article_id, name, _position in rows:
        used[article_id].append(name)
    return dict(used)


def deletion_counts(ids: Iterable[int]) -> tuple[int, int]:
    """(articles, highlights) that deleting ``ids`` would remove."""
    ids = list(dict.fromkeys(ids))
    articles = sum(
        ArticleRow.select().where(ArticleRow.id.in_(chunk)).count() for chunk in _chunks(ids)
    )
    return articles, sum(_grouped_counts("annotation", ids).values())


def delete_articles(ids: Iterable[int]) -> int:
    """Delete the articles in one transaction; return how many were deleted.

    The schema's ``ON DELETE CASCADE`` removes what hangs on them (analysis,
    entities, quotes, highlights and their tags, rejections, actor
    summaries); the search index follows through its trigger.
    """
    deleted = 0
    with db.atomic():
        for chunk in _chunks(ids):
            deleted += ArticleRow.delete().where(ArticleRow.id.in_(chunk)).execute()
    return deleted


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), _CHUNK):
        yield unique[start : start + _CHUNK]
