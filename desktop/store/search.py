"""Finding articles: full-text search (SQLite FTS5) and per-article counts.

The index (migration ``_m4_search``) folds case and accents, so "Erdogan"
finds "Erdoğan".  What the user types is never passed to FTS5 as query
syntax: every word becomes a quoted string, so ``U.S.``, ``far-right`` or a
stray quote cannot raise a syntax error.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.store.engines import is_postgres
from desktop.store.models import db

# The snippet's marks around each match: plain characters that news text
# does not use, for the CLI to print and the GUI to render.
MATCH_START = "⟦"
MATCH_END = "⟧"
ELLIPSIS = "…"
SNIPPET_WORDS = 16
# A match in the title weighs more than one in the text (bm25 column weights).
TITLE_WEIGHT, TEXT_WEIGHT = 5.0, 1.0

_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit
# The most terms a query keeps (a pasted paragraph is not a search).
MAX_TERMS = 64


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: int
    title: str
    date: str | None
    source: str | None
    url: str | None
    snippet: str  # the best passage, matches between MATCH_START and MATCH_END


def fts_query(text: str) -> str:
    """The FTS5 query for what a user typed, or "" when it has no words.

    Words and "quoted phrases" must all occur; ``word*`` matches words
    starting so; a bare ``OR`` between two terms allows either.
    """
    parts: list[str] = []
    for match in _TERM.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if word == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        raw = phrase if phrase is not None else word
        prefix = phrase is None and raw.endswith("*")
        raw = raw.rstrip("*") if prefix else raw
        if not any(ch.isalnum() for ch in raw):
            continue  # FTS5 indexes no such token: an empty phrase matches nothing
        parts.append('"' + raw.replace('"', '""') + '"' + ("*" if prefix else ""))
    if "OR" not in parts:
        # All terms must occur: a repeated one adds nothing but FTS5's work,
        # which grows sharply with the number of terms (10,000 took minutes).
        parts = list(dict.fromkeys(parts))
    parts = parts[:MAX_TERMS]
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts)


def search_articles(query: str, limit: int = 500) -> list[SearchHit]:
    """Articles matching ``query`` in title or text, best first, with a snippet."""
    if is_postgres(db):
        from desktop.store import pg_search

        marks = (MATCH_START, MATCH_END, ELLIPSIS, SNIPPET_WORDS)
        return [SearchHit(*row) for row in pg_search.search_articles(db, query, limit, marks)]
    match = fts_query(query)
    if not match:
        return []
    # The best rows are chosen first and only they get a snippet: making
    # snippets for every match before sorting took most of the time in a
    # library of 10,000 articles.
    cursor = db.execute_sql(
        """WITH best AS (
               SELECT rowid AS id, bm25(article_fts, ?, ?) AS score
               FROM article_fts WHERE article_fts MATCH ?
               ORDER BY score, rowid LIMIT ?)
           SELECT a.id, a.title, a.date, a.source, a.url,
                  snippet(article_fts, -1, ?, ?, ?, ?)
           FROM best
           JOIN article_fts ON article_fts.rowid = best.id
           JOIN article a ON a.id = best.id
           WHERE article_fts MATCH ?
           ORDER BY best.score, best.id""",
        (TITLE_WEIGHT, TEXT_WEIGHT, match, limit,
         MATCH_START, MATCH_END, ELLIPSIS, SNIPPET_WORDS, match),
    )
    return [SearchHit(*row) for row in cursor.fetchall()]


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, is_match) pieces, for rendering the matches."""
    parts: list[tuple[str, bool]] = []
    for i, piece in enumerate(re.split(f"[{MATCH_START}{MATCH_END}]", snippet)):
        if piece:
            parts.append((piece, i % 2 == 1))
    return parts


def article_counts(ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """``{article id: (entities, quotes)}`` as the user sees them: model spans
    the user neither rejected nor replaced, plus the user's own.  Library
    rules ("Kyiv" is a place) are not applied here, as they need the text;
    the reader's counts may differ by the spans a rule adds or removes."""
    ids = list(dict.fromkeys(ids))
    counts = {i: (0, 0) for i in ids}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        entities = _visible_counts("entity", chunk)
        quotes = _visible_counts("quote", chunk)
        for i in chunk:
            counts[i] = (entities.get(i, 0), quotes.get(i, 0))
    return counts


def _visible_counts(table: str, ids: list[int]) -> dict[int, int]:
    marks = ", ".join("?" * len(ids))
    cursor = db.execute_sql(
        f"""SELECT s.article_id, COUNT(*) FROM {table} s
            WHERE s.article_id IN ({marks})
              AND (s.origin != 'model' OR (
                NOT EXISTS (SELECT 1 FROM rejection r
                            WHERE r.article_id = s.article_id AND r.kind = ?
                              AND r."start" = s."start" AND r."end" = s."end")
                AND NOT EXISTS (SELECT 1 FROM {table} u
                                WHERE u.article_id = s.article_id AND u.origin != 'model'
                                  AND u."start" < s."end" AND s."start" < u."end")))
            GROUP BY s.article_id""",
        (*ids, table),
    )
    return dict(cursor.fetchall())
