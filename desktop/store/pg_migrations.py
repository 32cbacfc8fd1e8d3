"""The numbered migrations for a team library on PostgreSQL.

Each SQLite migration in ``migrations.py`` has its PostgreSQL twin here,
under the same number, so both engines end at the same ``SCHEMA_VERSION``
with the same tables and columns (a test checks that every migration has
its twin).  The differences are the engine's own ways: ``SERIAL`` keys,
``BOOLEAN``, ``citext`` for the case-insensitive tag names, PL/pgSQL
triggers, and PostgreSQL's text search (``pg_search.py``) instead of FTS5.
The version is kept in ``byline_schema`` (SQLite uses ``PRAGMA
user_version``).
"""
from __future__ import annotations

from collections.abc import Callable

import peewee as pw

from desktop.store.migrations import DEFAULT_TAGS, HIGHLIGHT_COUNTS, create_article_quote, fill_actor_totals

# Taken for the whole migration: of two Byline processes opening a new team
# library at once, one migrates and the other then sees it done.
_LOCK_KEY = 0x42594C49  # "BYLI"


def _m1_articles_entities(db: pw.Database) -> None:
    db.execute_sql(
        """CREATE TABLE article (
            id SERIAL PRIMARY KEY,
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
            id SERIAL PRIMARY KEY,
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
            id SERIAL PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            type TEXT NOT NULL,
            cue_start INTEGER,
            cue_end INTEGER,
            speaker_start INTEGER,
            speaker_end INTEGER,
            speaker_name TEXT,
            resolved BOOLEAN NOT NULL DEFAULT FALSE,
            origin TEXT NOT NULL DEFAULT 'model',
            CHECK ("start" >= 0 AND "end" > "start"))"""
    )
    db.execute_sql('CREATE INDEX quote_article_start ON quote (article_id, "start")')


def _m3_annotations(db: pw.Database) -> None:
    db.execute_sql("CREATE EXTENSION IF NOT EXISTS citext")
    db.execute_sql(
        """CREATE TABLE tag (
            id SERIAL PRIMARY KEY,
            name CITEXT NOT NULL UNIQUE,
            color TEXT NOT NULL,
            parent_id INTEGER REFERENCES tag(id) ON DELETE SET NULL,
            shortcut TEXT,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0)"""
    )
    db.execute_sql(
        """CREATE TABLE annotation (
            id SERIAL PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            CHECK ("start" >= 0 AND "end" > "start"))"""
    )
    db.execute_sql('CREATE INDEX annotation_article_start ON annotation (article_id, "start")')
    db.execute_sql(
        """CREATE TABLE annotation_tag (
            annotation_id INTEGER NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
            PRIMARY KEY (annotation_id, tag_id))"""
    )
    db.execute_sql("CREATE INDEX annotation_tag_tag ON annotation_tag (tag_id)")
    db.execute_sql(
        """CREATE TABLE rejection (
            id SERIAL PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'quote')),
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            UNIQUE (article_id, kind, "start", "end"))"""
    )
    db.execute_sql(
        """CREATE TABLE entity_rule (
            id SERIAL PRIMARY KEY,
            text TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            article_id INTEGER REFERENCES article(id) ON DELETE SET NULL,
            everywhere BOOLEAN NOT NULL DEFAULT FALSE,
            created TEXT NOT NULL)"""
    )
    ids: dict[str, int] = {}
    for position, (name, colour, parent, shortcut, description) in enumerate(DEFAULT_TAGS):
        cursor = db.execute_sql(
            "INSERT INTO tag (name, color, parent_id, shortcut, description, position)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            (name, colour, ids.get(parent) if parent else None, shortcut, description, position),
        )
        ids[name] = cursor.fetchone()[0]


def _m4_search(db: pw.Database) -> None:
    from desktop.store.pg_search import create_search

    create_search(db)


def _m5_actors(db: pw.Database) -> None:
    db.execute_sql(
        """CREATE TABLE actor_rule (
            id SERIAL PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('alias', 'type', 'split')),
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (kind, name, value))"""
    )
    db.execute_sql(
        """CREATE TABLE article_actor (
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]',
            named INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            quotes INTEGER NOT NULL,
            PRIMARY KEY (article_id, name))"""
    )
    db.execute_sql("CREATE INDEX article_actor_name ON article_actor (name)")


def _m6_actor_cache(db: pw.Database) -> None:
    db.execute_sql(
        """CREATE TABLE actor_cache (
            article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            result TEXT NOT NULL)"""
    )


def _m7_library_counts(db: pw.Database) -> None:
    """``span_count`` kept exact by triggers, as on SQLite (see there)."""
    db.execute_sql(
        """CREATE TABLE span_count (
            article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            entities INTEGER NOT NULL DEFAULT 0,
            quotes INTEGER NOT NULL DEFAULT 0,
            corrections INTEGER NOT NULL DEFAULT 0)"""
    )
    for table, column in (("entity", "entities"), ("quote", "quotes")):
        db.execute_sql(
            f"""CREATE FUNCTION {table}_count() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('DELETE', 'UPDATE') THEN
                    UPDATE span_count
                    SET {column} = {column} - 1,
                        corrections = corrections - (OLD.origin != 'model')::int
                    WHERE article_id = OLD.article_id;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    INSERT INTO span_count (article_id, {column}, corrections)
                    VALUES (NEW.article_id, 1, (NEW.origin != 'model')::int)
                    ON CONFLICT (article_id) DO UPDATE
                    SET {column} = span_count.{column} + 1,
                        corrections = span_count.corrections + excluded.corrections;
                END IF;
                RETURN NULL;
            END $$"""
        )
        db.execute_sql(
            f"""CREATE TRIGGER {table}_count AFTER INSERT OR DELETE OR UPDATE OF article_id, origin
                ON {table} FOR EACH ROW EXECUTE FUNCTION {table}_count()"""
        )
    _count_rows(db, "rejection", "corrections")
    db.execute_sql(
        """INSERT INTO span_count (article_id, entities, quotes, corrections)
           SELECT a.id,
                  (SELECT COUNT(*) FROM entity e WHERE e.article_id = a.id),
                  (SELECT COUNT(*) FROM quote q WHERE q.article_id = a.id),
                  (SELECT COUNT(*) FROM rejection r WHERE r.article_id = a.id)
                  + (SELECT COUNT(*) FROM entity e
                     WHERE e.article_id = a.id AND e.origin != 'model')
                  + (SELECT COUNT(*) FROM quote q
                     WHERE q.article_id = a.id AND q.origin != 'model')
           FROM article a"""
    )
    db.execute_sql(
        "CREATE INDEX article_newest ON article (date DESC NULLS LAST, id DESC, title, source, url)"
    )


def _count_rows(db: pw.Database, table: str, column: str) -> None:
    """A trigger keeping ``span_count.{column}`` the number of ``table``'s
    rows of each article (``table`` and ``column`` are ours, never user input)."""
    db.execute_sql(
        f"""CREATE FUNCTION {table}_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
                UPDATE span_count SET {column} = {column} - 1 WHERE article_id = OLD.article_id;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO span_count (article_id, {column}) VALUES (NEW.article_id, 1)
                ON CONFLICT (article_id) DO UPDATE SET {column} = span_count.{column} + 1;
            END IF;
            RETURN NULL;
        END $$"""
    )
    db.execute_sql(
        f"""CREATE TRIGGER {table}_count AFTER INSERT OR DELETE OR UPDATE OF article_id
           ON {table} FOR EACH ROW EXECUTE FUNCTION {table}_count()"""
    )


def _m8_actors_round_2(db: pw.Database) -> None:
    db.execute_sql("DELETE FROM actor_cache")
    db.execute_sql("DELETE FROM article_actor")


def _m9_actor_totals(db: pw.Database) -> None:
    """``actor_total`` kept exact by a trigger, as on SQLite (see there)."""
    db.execute_sql(
        """CREATE TABLE actor_total (
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            articles INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            quotes INTEGER NOT NULL,
            PRIMARY KEY (name, type))"""
    )
    db.execute_sql(
        """CREATE FUNCTION actor_total_keep() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
                UPDATE actor_total
                SET articles = articles - 1, mentions = mentions - OLD.mentions, quotes = quotes - OLD.quotes
                WHERE name = OLD.name AND type = OLD.type;
                DELETE FROM actor_total WHERE name = OLD.name AND type = OLD.type AND articles <= 0;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO actor_total (name, type, articles, mentions, quotes)
                VALUES (NEW.name, NEW.type, 1, NEW.mentions, NEW.quotes)
                ON CONFLICT (name, type) DO UPDATE
                SET articles = actor_total.articles + 1, mentions = actor_total.mentions + excluded.mentions,
                    quotes = actor_total.quotes + excluded.quotes;
            END IF;
            RETURN NULL;
        END $$"""
    )
    db.execute_sql(
        """CREATE TRIGGER actor_total_keep AFTER INSERT OR DELETE OR UPDATE OF name, type, mentions, quotes
           ON article_actor FOR EACH ROW EXECUTE FUNCTION actor_total_keep()"""
    )
    fill_actor_totals(db)


def _m10_coders(db: pw.Database) -> None:
    # Existing rows get '' (as on SQLite); new rows their coder's role.
    for table in ("entity", "quote", "rejection"):
        db.execute_sql(f"ALTER TABLE {table} ADD COLUMN coder TEXT NOT NULL DEFAULT ''")
        db.execute_sql(f"ALTER TABLE {table} ALTER COLUMN coder SET DEFAULT CURRENT_USER")


def _m11_curation(db: pw.Database) -> None:
    from desktop.store.migrations import _m11_curation as same_sql

    same_sql(db)


def _m12_genders_and_quotes(db: pw.Database) -> None:
    """As on SQLite (see there); PostgreSQL can change a CHECK in place, and
    SQLite's ``COLLATE NOCASE`` is an ICU collation of that name here."""
    db.execute_sql(
        "CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false)")
    db.execute_sql("ALTER TABLE actor_rule DROP CONSTRAINT IF EXISTS actor_rule_kind_check")
    db.execute_sql("ALTER TABLE actor_rule ADD CONSTRAINT actor_rule_kind_check"
                   " CHECK (kind IN ('alias', 'type', 'split', 'gender'))")
    db.execute_sql("ALTER TABLE article_actor ADD COLUMN gender TEXT NOT NULL DEFAULT ''")
    db.execute_sql("ALTER TABLE article_actor ADD COLUMN gender_evidence TEXT NOT NULL DEFAULT ''")
    create_article_quote(db)
    db.execute_sql("DELETE FROM article_actor")


def _m13_highlight_counts(db: pw.Database) -> None:
    """Highlights counted in ``span_count`` by a trigger, as on SQLite (see there)."""
    db.execute_sql("ALTER TABLE span_count ADD COLUMN highlights INTEGER NOT NULL DEFAULT 0")
    _count_rows(db, "annotation", "highlights")
    db.execute_sql(HIGHLIGHT_COUNTS)


PG_MIGRATIONS: list[Callable[[pw.Database], None]] = [
    _m1_articles_entities,
    _m2_quotes,
    _m3_annotations,
    _m4_search,
    _m5_actors,
    _m6_actor_cache,
    _m7_library_counts,
    _m8_actors_round_2,
    _m9_actor_totals,
    _m10_coders,
    _m11_curation,
    _m12_genders_and_quotes,
    _m13_highlight_counts,
]


def schema_version(db: pw.Database) -> int:
    row = db.execute_sql("SELECT to_regclass('byline_schema')").fetchone()
    if row[0] is None:
        return 0
    row = db.execute_sql("SELECT version FROM byline_schema").fetchone()
    return int(row[0]) if row else 0


def migrate(db: pw.Database, target: int) -> list[int]:
    """Apply the PostgreSQL migrations up to ``target``, one transaction each."""
    applied = []
    with db.atomic():
        db.execute_sql("SELECT pg_advisory_xact_lock(?)", (_LOCK_KEY,))
        db.execute_sql("CREATE TABLE IF NOT EXISTS byline_schema (version INTEGER NOT NULL)")
        if db.execute_sql("SELECT COUNT(*) FROM byline_schema").fetchone()[0] == 0:
            db.execute_sql("INSERT INTO byline_schema (version) VALUES (0)")
        for number in range(schema_version(db) + 1, target + 1):
            if number > len(PG_MIGRATIONS):
                raise pw.ProgrammingError(f"migration {number} has no PostgreSQL version yet")
            with db.atomic():
                PG_MIGRATIONS[number - 1](db)
                db.execute_sql("UPDATE byline_schema SET version = ?", (number,))
            applied.append(number)
        if applied:
            from desktop.store import pg_notify

            pg_notify.install(db)
    return applied
