"""Coders: the ``author`` of each highlight names the coder who made it.

The curated layer is the coder ``curation`` (see ``desktop.core.curation``).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.agreement_report import Coding
from desktop.store.models import db


@dataclass(frozen=True, slots=True)
class CoderSummary:
    name: str
    highlights: int
    articles: int


def list_coders() -> list[CoderSummary]:
    """Every coder with at least one highlight, by name."""
    rows = db.execute_sql(
        "SELECT author, count(*), count(DISTINCT article_id) FROM annotation GROUP BY author ORDER BY author"
    ).fetchall()
    return [CoderSummary(name or "", n, articles) for name, n, articles in rows]


def coded_articles(coders: Iterable[str]) -> list[int]:
    """The articles in which at least one of ``coders`` made a highlight."""
    names = list(coders)
    if not names:
        return []
    marks = ", ".join("?" * len(names))
    rows = db.execute_sql(
        f"SELECT DISTINCT article_id FROM annotation WHERE author IN ({marks}) ORDER BY article_id", names
    ).fetchall()
    return [r[0] for r in rows]


def codings_of(article_id: int, coders: Iterable[str]) -> list[Coding]:
    """The article's highlights by ``coders``, one Coding per tag, in text order."""
    names = list(coders)
    if not names:
        return []
    marks = ", ".join("?" * len(names))
    rows = db.execute_sql(
        'SELECT a.author, a."start", a."end", t.name FROM annotation a '
        "JOIN annotation_tag l ON l.annotation_id = a.id JOIN tag t ON t.id = l.tag_id "
        f'WHERE a.article_id = ? AND a.author IN ({marks}) ORDER BY a."start", a."end", a.id, t.position',
        [article_id, *names],
    ).fetchall()
    return [Coding(author, start, end, tag) for author, start, end, tag in rows]
