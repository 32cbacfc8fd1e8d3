"""Which articles a library-wide view looks at: all, or a filter's.

The chosen ids go into a temporary table that the views' queries join, so
that a filter of 10,000 articles is one join, not 10,000 parameters.
"""
from __future__ import annotations

from desktop.core.corpus import Scope
from desktop.store.models import db
from desktop.store.search import fts_query


def scope_clause(scope: Scope, alias: str = "a") -> tuple[str, list[object]]:
    """A SQL condition on the article table ``alias`` and its parameters."""
    parts: list[str] = []
    params: list[object] = []
    if scope.search.strip():
        match = fts_query(scope.search)
        if not match:
            return "0", []
        parts.append(f"{alias}.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)")
        params.append(match)
    if scope.source:
        parts.append(f"{alias}.source = ?")
        params.append(scope.source)
    if scope.date_from:
        parts.append(f"{alias}.date >= ?")
        params.append(scope.date_from)
    if scope.date_to:
        parts.append(f"{alias}.date < ?")
        params.append(scope.date_to + "\uffff")  # "2019-08" takes in all of August
    if scope.article_ids is not None:
        db.execute_sql("CREATE TEMP TABLE IF NOT EXISTS scope_ids (id INTEGER PRIMARY KEY)")
        db.execute_sql("DELETE FROM scope_ids")
        db.cursor().executemany("INSERT INTO scope_ids VALUES (?) ON CONFLICT DO NOTHING",
                                [(i,) for i in scope.article_ids])
        parts.append(f"{alias}.id IN (SELECT id FROM scope_ids)")
    return (" AND ".join(parts) or "TRUE"), params


def sources() -> list[str]:
    """The library's sources, for a filter's choices."""
    rows = db.execute_sql("SELECT DISTINCT source FROM article WHERE source IS NOT NULL"
                          " AND source != '' ORDER BY source")
    return [r[0] for r in rows]
