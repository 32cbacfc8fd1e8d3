"""Numbered schema migrations, applied in order; ``PRAGMA user_version``
holds the number of the last one applied.

Each migration is plain SQL so that it keeps meaning exactly what it meant
when it was written, whatever the models in ``models.py`` become later.
"""
from __future__ import annotations

from collections.abc import Callable

import peewee as pw


def _m1_articles_entities(db: pw.Database) -> None:
    db.execute_sql(
        """CREATE TABLE article (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            date TEXT,
            source TEXT,
            url TEXT,
            author TEXT,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL)"""
    )
    db.execute_sql(
        """CREATE TABLE analysis (
            article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            model_name TEXT NOT NULL,
            model_version TEXT NOT NULL,
            analysed_at TEXT NOT NULL)"""
    )
    db.execute_sql(
        """CREATE TABLE entity (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'model',
            model_name TEXT,
            model_version TEXT,
            CHECK ("start" >= 0 AND "end" > "start"))"""
    )
    db.execute_sql('CREATE INDEX entity_article_start ON entity (article_id, "start")')


def _m2_quotes(db: pw.Database) -> None:
    db.execute_sql(
        """CREATE TABLE quote (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            type TEXT NOT NULL,
            cue_start INTEGER,
            cue_end INTEGER,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_name TEXT,
            resolved INTEGER NOT NULL DEFAULT 0,
            origin TEXT NOT NULL DEFAULT 'model',
            CHECK ("start" >= 0 AND "end" > "start"))"""
    )
    db.execute_sql('CREATE INDEX quote_article_start ON quote (article_id, "start")')


MIGRATIONS: list[Callable[[pw.Database], None]] = [
    _m1_articles_entities,
    _m2_quotes,
]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: pw.Database) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(db: pw.Database) -> list[int]:
    """Apply the migrations the database lacks; return their numbers."""
    applied = []
    for number in range(schema_version(db) + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[number - 1](db)
            db.execute_sql(f"PRAGMA user_version = {number}")
        applied.append(number)
    return applied
