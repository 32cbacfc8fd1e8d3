"""Full-text search in a team library: PostgreSQL's own text search.

The twin of SQLite's FTS5 index (migration 4): ``article_fts`` holds each
article's ``tsvector`` (title weighted above text), kept in step by a
trigger.  The ``byline`` text search configuration is ``simple`` with
``unaccent`` in front, so case and accents fold as with FTS5's
``remove_diacritics 2``: "Erdogan" finds "Erdoğan".  What the user typed is
read as by ``search.fts_query`` (words and "phrases" all required, ``word*``
a prefix, ``OR`` between terms, AND binding tighter than OR) and never
passed as query syntax: each term goes through ``phraseto_tsquery``.
"""
from __future__ import annotations

import re

import peewee as pw

from desktop.store.snippets import snippet

CONFIG = "byline"
_TERM = re.compile(r'"([^"]*)"?|(\S+)')


def create_search(db: pw.Database) -> None:
    """The search configuration, index table and trigger (migration 4)."""
    db.execute_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    db.execute_sql(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple)")
    db.execute_sql(
        f"""ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart
            WITH unaccent, simple"""
    )
    db.execute_sql(
        """CREATE TABLE article_fts (
            article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            doc TSVECTOR NOT NULL)"""
    )
    db.execute_sql("CREATE INDEX article_fts_doc ON article_fts USING GIN (doc)")
    db.execute_sql(
        f"""CREATE FUNCTION article_fts_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO article_fts (article_id, doc)
            VALUES (NEW.id, setweight(to_tsvector('{CONFIG}', NEW.title), 'A')
                            || setweight(to_tsvector('{CONFIG}', NEW.text), 'D'))
            ON CONFLICT (article_id) DO UPDATE SET doc = excluded.doc;
            RETURN NULL;
        END $$"""
    )
    db.execute_sql(
        """CREATE TRIGGER article_fts_update AFTER INSERT OR UPDATE OF title, text ON article
           FOR EACH ROW EXECUTE FUNCTION article_fts_update()"""
    )
    db.execute_sql(
        f"""INSERT INTO article_fts (article_id, doc)
            SELECT id, setweight(to_tsvector('{CONFIG}', title), 'A')
                       || setweight(to_tsvector('{CONFIG}', text), 'D') FROM article"""
    )


def parse(text: str) -> list[list[tuple[str, bool]]]:
    """What the user typed as OR-groups of required ``(term, is_prefix)``."""
    groups: list[list[tuple[str, bool]]] = [[]]
    for match in _TERM.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if word == "OR":
            if groups[-1]:
                groups.append([])
            continue
        raw = phrase if phrase is not None else word
        prefix = phrase is None and raw.endswith("*")
        raw = raw.rstrip("*") if prefix else raw
        if not any(ch.isalnum() for ch in raw):
            continue
        groups[-1].append((raw, prefix))
    # As for FTS5 (search.fts_query): a repeated term adds nothing but work,
    # and thousands of them overflow the server's stack; at most MAX_TERMS.
    from desktop.store.search import MAX_TERMS

    kept, count = [], 0
    for group in groups:
        group = list(dict.fromkeys(group))[: max(0, MAX_TERMS - count)]
        count += len(group)
        if group:
            kept.append(group)
    return kept


def ts_query(groups: list[list[tuple[str, bool]]]) -> tuple[str, list[str]]:
    """The SQL expression (with ``?`` parameters) of the ``tsquery``, and
    its parameters."""
    params: list[str] = []
    ors = []
    for group in groups:
        ands = []
        for raw, prefix in group:
            params.append(raw)
            if prefix:
                # A prefix on the phrase's last word, as FTS5's "a b"*.
                ands.append(f"(phraseto_tsquery('{CONFIG}', ?)::text || ':*')::tsquery")
            else:
                ands.append(f"phraseto_tsquery('{CONFIG}', ?)")
        ors.append("(" + " && ".join(ands) + ")")
    return "(" + " || ".join(ors) + ")", params


def search_articles(db: pw.Database, query: str, limit: int, marks: tuple[str, str, str, int]) -> list[tuple]:
    """Rows ``(id, title, date, source, url, snippet)``, best first.

    The GIN index is used even when the planner would rather read every
    ``tsvector`` (it underrates unpacking them: for a common word in 10,000
    articles the whole scan took 30 ms, the index 9 ms).  ``SET LOCAL`` lasts
    to the end of the transaction (or is undone with its savepoint when the
    query fails); it is set back at once so that nothing else in an outer
    transaction is planned without sequential scans."""
    groups = parse(query)
    if not groups:
        return []
    expression, params = ts_query(groups)
    with db.atomic():
        db.execute_sql("SET LOCAL enable_seqscan = off")
        cursor = db.execute_sql(
            f"""WITH q AS (SELECT {expression} AS query),
                     best AS (
                       SELECT f.article_id AS id, ts_rank(f.doc, q.query) AS score
                       FROM article_fts f, q WHERE f.doc @@ q.query
                       ORDER BY score DESC, f.article_id LIMIT ?)
                SELECT a.id, a.title, a.date, a.source, a.url, a.text
                FROM best JOIN article a ON a.id = best.id
                ORDER BY best.score DESC, best.id""",
            (*params, limit),
        )
        rows = cursor.fetchall()
        db.execute_sql("SET LOCAL enable_seqscan = on")
    terms = tuple(term for group in groups for term in group)
    return [(*row[:5], snippet(row[5], terms, marks)) for row in rows]
