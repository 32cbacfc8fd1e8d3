"""Copying a whole library between engines: a SQLite file to a team
library on PostgreSQL, and back.

Every row keeps its id, so each article's JSON export is the same on both
sides.  What triggers keep (the search index, the listed counts) is made
again by the destination's own triggers, not copied.  The destination must
be empty (no articles; its codebook is replaced by the source's), and the
copy is one transaction: it lands whole or not at all.
"""
from __future__ import annotations

from pathlib import Path

import peewee as pw

from desktop.core.errors import StoreError
from desktop.store.engines import is_postgres, is_url

# Parents before children; tag is copied in two passes (its parent is a tag).
TABLES = (
    "article", "analysis", "entity", "quote", "tag", "annotation", "annotation_tag", "rejection",
    "entity_rule", "actor_rule", "article_actor", "actor_cache",
)
# Kept by triggers on both engines: never copied.
DERIVED = {"span_count", "actor_total"}
BOOLEANS = {("quote", "resolved"), ("entity_rule", "everywhere")}
_BATCH = 2000


def copy_library(source: Path | str, destination: Path | str) -> dict[str, int]:
    """Copy everything from ``source`` into the empty ``destination``;
    return the rows copied per table."""
    from desktop.store.database import close_library, open_library
    from desktop.store.models import db

    if str(source) == str(destination):
        raise StoreError("the source and the destination are the same library.")
    if not is_url(source) and not Path(source).exists():
        raise StoreError(f"there is no library at {source}.")
    # Bring the source to this Byline's schema, then read it on its own connection.
    src = open_library(source)
    db.initialize(None)
    try:
        dest = open_library(destination)
        try:
            if dest.execute_sql("SELECT COUNT(*) FROM article").fetchone()[0]:
                raise StoreError(f"{_name(destination)} already holds articles; copy into an empty library.")
            counts = _copy(src, dest)
        finally:
            close_library()
    finally:
        src.close()
    return counts


def _copy(src: pw.Database, dest: pw.Database) -> dict[str, int]:
    counts: dict[str, int] = {}
    boolean_dest = is_postgres(dest)
    with dest.atomic():
        dest.execute_sql("DELETE FROM tag")  # the default codebook gives way to the source's
        for table in TABLES + _other_tables(src, dest):
            columns, rows = _read(src, table)
            if table == "tag":
                parents = [(row[columns.index("parent_id")], row[columns.index("id")]) for row in rows]
                rows = [tuple(None if c == "parent_id" else v for c, v in zip(columns, row, strict=True))
                        for row in rows]
            if boolean_dest:
                flags = [i for i, c in enumerate(columns) if (table, c) in BOOLEANS]
                rows = [tuple(bool(v) if i in flags and v is not None else v for i, v in enumerate(row))
                        for row in rows]
            marks = ", ".join("?" * len(columns))
            names = ", ".join(f'"{c}"' for c in columns)
            cursor = dest.cursor()
            for start in range(0, len(rows), _BATCH):
                cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows[start:start + _BATCH])
            if table == "tag":
                cursor.executemany("UPDATE tag SET parent_id = ? WHERE id = ?",
                                   [(p, i) for p, i in parents if p is not None])
            counts[table] = len(rows)
        if is_postgres(dest):
            _advance_sequences(dest)
    return counts


def _read(src: pw.Database, table: str) -> tuple[list[str], list[tuple]]:
    cursor = src.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1')
    columns = [d[0] for d in cursor.description]
    return columns, [tuple(r) for r in cursor.fetchall()]


def _other_tables(src: pw.Database, dest: pw.Database) -> tuple[str, ...]:
    """Tables a later migration added that this module does not name: copied
    after the known ones, in name order."""
    known = set(TABLES) | DERIVED | {"byline_schema"}
    both = set(_tables(src)) & set(_tables(dest))
    return tuple(sorted(t for t in both - known if not t.startswith("article_fts")))


def _tables(database: pw.Database) -> list[str]:
    if is_postgres(database):
        sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
    return [r[0] for r in database.execute_sql(sql).fetchall()]


def _advance_sequences(dest: pw.Database) -> None:
    """Rows came with their ids: the next new row must not take one of them."""
    for (table,) in dest.execute_sql(
        """SELECT table_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND column_name = 'id'
             AND column_default LIKE 'nextval%'"""
    ).fetchall():
        dest.execute_sql(
            f"""SELECT setval(pg_get_serial_sequence('"{table}"', 'id'),
                              COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM "{table}\""""
        )


def _name(location: Path | str) -> str:
    from desktop.store.engines import describe

    return describe(location) if is_url(location) else str(location)
