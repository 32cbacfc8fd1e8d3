"""The library as a table: one summary record per article, and deleting
articles with everything attached to them.

The summaries are made with a few set-based queries (articles, visible span
counts, highlight counts, tags used), never one query per article, so that
a library of ten thousand articles lists in well under a second.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from desktop.store.articles import ArticleSummary
from desktop.store.models import ArticleRow, db
from desktop.store.search import article_counts

_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


@dataclass(frozen=True, slots=True)
class LibraryRow:
    """What the Library table shows of one article."""

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
    summaries = article_summaries(ids)
    article_ids = None if ids is None else [s.id for s in summaries]
    counts = visible_counts(article_ids)
    highlights = _grouped_counts("annotation", article_ids)
    tags = tags_used(article_ids)
    return [
        LibraryRow(
            s.id, s.title, s.date, s.source, s.url,
            *counts.get(s.id, (0, 0)), highlights.get(s.id, 0), tuple(tags.get(s.id, ())),
        )
        for s in summaries
    ]


def article_summaries(ids: Iterable[int] | None = None) -> list[ArticleSummary]:
    """Title, date, source and URL of the given articles that exist (or of
    all); newest first, undated last, as ``list_articles`` orders them."""
    columns = (ArticleRow.id, ArticleRow.title, ArticleRow.date, ArticleRow.source, ArticleRow.url)
    order = (ArticleRow.date.desc(nulls="LAST"), ArticleRow.id.desc())
    if ids is None:
        rows = list(ArticleRow.select(*columns).order_by(*order).tuples())
    else:
        rows = []
        for chunk in _chunks(ids):
            rows.extend(ArticleRow.select(*columns).where(ArticleRow.id.in_(chunk)).tuples())
        rows.sort(key=lambda r: (r[2] is not None, r[2] or "", r[0]), reverse=True)
    return [ArticleSummary(*row) for row in rows]


def visible_counts(ids: list[int] | None = None) -> dict[int, tuple[int, int]]:
    """``{article id: (entities, quotes)}`` as ``search.article_counts``
    counts them, for the given articles or all.

    Most articles hold only the model's spans, none rejected: for them a
    plain ``GROUP BY`` is the answer.  Only the few the user corrected go
    through ``article_counts``'s exact (and much slower) query.
    """
    entities = _grouped_counts("entity", ids)
    quotes = _grouped_counts("quote", ids)
    corrected = _corrected_articles(ids)
    exact = article_counts(corrected) if corrected else {}
    keys = ids if ids is not None else entities.keys() | quotes.keys()
    return {i: exact[i] if i in exact else (entities.get(i, 0), quotes.get(i, 0)) for i in keys}


def _corrected_articles(ids: list[int] | None) -> list[int]:
    sql = """SELECT article_id FROM rejection
             UNION SELECT article_id FROM entity WHERE origin != 'model'
             UNION SELECT article_id FROM quote WHERE origin != 'model'"""
    found = [row[0] for row in db.execute_sql(sql).fetchall()]
    if ids is None:
        return found
    wanted = set(ids)
    return [i for i in found if i in wanted]


def _grouped_counts(table: str, ids: list[int] | None) -> dict[int, int]:
    """``{article id: rows of table}``; ``table`` is one of ours, never user input."""
    sql = f"SELECT article_id, COUNT(*) FROM {table}"
    if ids is None:
        return dict(db.execute_sql(sql + " GROUP BY article_id").fetchall())
    counts: dict[int, int] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        query = f"{sql} WHERE article_id IN ({marks}) GROUP BY article_id"
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
