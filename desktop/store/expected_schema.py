"""The schema a library of a given version must have, made by running the
migrations on an empty in-memory database, so that ``byline check`` can
compare a library's tables, indexes and triggers with it."""
from __future__ import annotations

import re
import sqlite3
from functools import cache

import peewee as pw

from desktop.store.migrations import MIGRATIONS

Objects = dict[tuple[str, str], str]  # (type, name) -> its SQL, whitespace collapsed


@cache
def expected_objects(version: int) -> Objects:
    """Byline's schema objects after migration ``version``."""
    database = pw.SqliteDatabase(":memory:")
    database.connect()
    try:
        for migration in MIGRATIONS[:version]:
            migration(database)
        return objects(database.connection())
    finally:
        database.close()


def objects(con: sqlite3.Connection) -> Objects:
    """The tables, indexes, triggers and views of a database (SQLite's own
    and the FTS index's internal tables left out: they follow the others)."""
    rows = con.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(kind, name): _plain(sql) for kind, name, sql in rows}


def _plain(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def schema_problems(con: sqlite3.Connection, version: int) -> list[str]:
    """Sentences for each object missing or different from Byline's schema."""
    expected, found = expected_objects(version), objects(con)
    problems = []
    for (kind, name), sql in sorted(expected.items()):
        if (kind, name) not in found:
            problems.append(f"the {kind} {name} is missing (schema {version} has it).")
        elif found[(kind, name)] != sql:
            problems.append(f"the {kind} {name} differs from Byline's schema {version}.")
    for kind, name in sorted(set(found) - set(expected)):
        problems.append(f"the {kind} {name} is not part of Byline's schema {version}.")
    return problems
