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


# The codebook a new library starts with: general categories of news
# analysis, and under Framing the generic news frames of Semetko and
# Valkenburg (2000).  Users rename, recolour and delete them freely.
DEFAULT_TAGS = (
    # name, colour, parent, shortcut, description
    ("Claim", "#ffd54f", None, "1", "An assertion presented as true"),
    ("Evidence", "#a5d6a7", None, "2", "Data, documents or sources offered in support"),
    ("Opinion", "#90caf9", None, "3", "A judgement or evaluation"),
    ("Framing", "#ce93d8", None, "4", "How the story is framed"),
    ("Conflict", "#f48fb1", "Framing", "5", "Disagreement between parties"),
    ("Human interest", "#ffcc80", "Framing", "6", "A personal or emotional angle"),
    ("Economic", "#b0bec5", "Framing", "7", "Consequences in money, jobs or markets"),
    ("Question", "#80deea", None, "8", "Something to ask or follow up"),
    ("Check", "#ef9a9a", None, "9", "Needs verification"),
)


def _m3_annotations(db: pw.Database) -> None:
    db.execute_sql(
        """CREATE TABLE tag (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            color TEXT NOT NULL,
            parent_id INTEGER REFERENCES tag(id) ON DELETE SET NULL,
            shortcut TEXT,
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0)"""
    )
    db.execute_sql(
        """CREATE TABLE annotation (
            id INTEGER PRIMARY KEY,
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
    # Model spans the user removed: a re-analysis must not bring them back.
    db.execute_sql(
        """CREATE TABLE rejection (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('entity', 'quote')),
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            UNIQUE (article_id, kind, "start", "end"))"""
    )
    # Library-wide rules: this text is always this label ('' = no entity).
    # A rule made in one article applies to it and to every article analysed
    # later; `everywhere` extends it to the articles analysed before.
    db.execute_sql(
        """CREATE TABLE entity_rule (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            article_id INTEGER REFERENCES article(id) ON DELETE SET NULL,
            everywhere INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL)"""
    )
    ids: dict[str, int] = {}
    for position, (name, colour, parent, shortcut, description) in enumerate(DEFAULT_TAGS):
        cursor = db.execute_sql(
            "INSERT INTO tag (name, color, parent_id, shortcut, description, position)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (name, colour, ids.get(parent) if parent else None, shortcut, description, position),
        )
        ids[name] = cursor.lastrowid


def _m4_search(db: pw.Database) -> None:
    """Full-text search over titles and texts.

    An external-content FTS5 index (the text is stored once, in ``article``)
    kept in step by triggers.  ``remove_diacritics 2`` folds every accent,
    so "Erdogan" finds "Erdoğan".
    """
    db.execute_sql(
        """CREATE VIRTUAL TABLE article_fts USING fts5(
            title, text, content='article', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2')"""
    )
    db.execute_sql(
        """CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
            INSERT INTO article_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END"""
    )
    db.execute_sql(
        """CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
            INSERT INTO article_fts (article_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END"""
    )
    db.execute_sql(
        """CREATE TRIGGER article_fts_update AFTER UPDATE OF title, text ON article BEGIN
            INSERT INTO article_fts (article_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO article_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END"""
    )
    db.execute_sql("INSERT INTO article_fts (article_fts) VALUES ('rebuild')")


def _m5_actors(db: pw.Database) -> None:
    # The user's corrections of actors, library-wide: 'alias' (this name
    # means that actor), 'type' (this name is of that type), 'split' (this
    # alias is never that actor).
    db.execute_sql(
        """CREATE TABLE actor_rule (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('alias', 'type', 'split')),
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (kind, name, value))"""
    )
    # Each analysed article's actors, kept for the library-wide views; made
    # again from the article's spans whenever they or the rules change.
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
    # Each article's actors as the actor builder made them (JSON), with the
    # key of what they were made from (its spans and the actor rules), so
    # that opening a long article does not group its entities again.
    db.execute_sql(
        """CREATE TABLE actor_cache (
            article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            result TEXT NOT NULL)"""
    )


def _m7_library_counts(db: pw.Database) -> None:
    """What listing the library reads, kept ready.

    ``span_count`` holds each article's entities and quotes, and how many
    corrections (the user's own spans, removed model spans) it has; triggers
    keep it exact through every insert, delete and cascade, so listing ten
    thousand articles reads ten thousand small rows instead of counting
    seven hundred thousand spans.  ``article_newest`` lists the articles'
    summaries in the library's order without reading their texts.
    """
    db.execute_sql(
        """CREATE TABLE span_count (
            article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
            entities INTEGER NOT NULL DEFAULT 0,
            quotes INTEGER NOT NULL DEFAULT 0,
            corrections INTEGER NOT NULL DEFAULT 0)"""
    )
    for table, column in (("entity", "entities"), ("quote", "quotes")):
        add = f"""INSERT INTO span_count (article_id, {column}, corrections)
                  VALUES (new.article_id, 1, new.origin != 'model')
                  ON CONFLICT (article_id) DO UPDATE
                  SET {column} = {column} + 1, corrections = corrections + excluded.corrections;"""
        remove = f"""UPDATE span_count
                     SET {column} = {column} - 1,
                         corrections = corrections - (old.origin != 'model')
                     WHERE article_id = old.article_id;"""
        db.execute_sql(
            f"CREATE TRIGGER {table}_count_insert AFTER INSERT ON {table} BEGIN {add} END"
        )
        db.execute_sql(
            f"CREATE TRIGGER {table}_count_delete AFTER DELETE ON {table} BEGIN {remove} END"
        )
        db.execute_sql(
            f"""CREATE TRIGGER {table}_count_update AFTER UPDATE OF article_id, origin ON {table}
                BEGIN {remove} {add} END"""
        )
    db.execute_sql(
        """CREATE TRIGGER rejection_count_insert AFTER INSERT ON rejection BEGIN
            INSERT INTO span_count (article_id, corrections) VALUES (new.article_id, 1)
            ON CONFLICT (article_id) DO UPDATE SET corrections = corrections + 1;
        END"""
    )
    db.execute_sql(
        """CREATE TRIGGER rejection_count_delete AFTER DELETE ON rejection BEGIN
            UPDATE span_count SET corrections = corrections - 1 WHERE article_id = old.article_id;
        END"""
    )
    db.execute_sql(
        """CREATE TRIGGER rejection_count_update AFTER UPDATE OF article_id ON rejection BEGIN
            UPDATE span_count SET corrections = corrections - 1 WHERE article_id = old.article_id;
            INSERT INTO span_count (article_id, corrections) VALUES (new.article_id, 1)
            ON CONFLICT (article_id) DO UPDATE SET corrections = corrections + 1;
        END"""
    )
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
        "CREATE INDEX article_newest ON article (date DESC, id DESC, title, source, url)"
    )


def _m8_actors_round_2(db: pw.Database) -> None:
    """Actors are built by new rules (issue 19: no interview labels or time
    zones as actors, one name per country, group actors, quotes named as
    their actors): the actors kept for each article are made again from its
    spans and the user's rules the next time they are read.  Only derived
    data goes; no user data is touched."""
    db.execute_sql("DELETE FROM actor_cache")
    db.execute_sql("DELETE FROM article_actor")


def _m9_actor_totals(db: pw.Database) -> None:
    """The Library actors view's rows, kept ready (issue 22).

    ``actor_total`` holds, per actor name and type, the number of articles
    naming it and its mentions and quotes summed over them; triggers keep it
    exact through every insert, delete (cascades included) and update of
    ``article_actor``, so the view reads some thousand rows instead of
    grouping millions (4.6 s at 100,000 articles).  ``article_actor_by_name``
    covers the actor filter's query.
    """
    db.execute_sql(
        """CREATE TABLE actor_total (
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            articles INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            quotes INTEGER NOT NULL,
            PRIMARY KEY (name, type))"""
    )
    add = """INSERT INTO actor_total (name, type, articles, mentions, quotes)
             VALUES (new.name, new.type, 1, new.mentions, new.quotes)
             ON CONFLICT (name, type) DO UPDATE
             SET articles = articles + 1, mentions = mentions + excluded.mentions,
                 quotes = quotes + excluded.quotes;"""
    remove = """UPDATE actor_total
                SET articles = articles - 1, mentions = mentions - old.mentions, quotes = quotes - old.quotes
                WHERE name = old.name AND type = old.type;
                DELETE FROM actor_total WHERE name = old.name AND type = old.type AND articles <= 0;"""
    db.execute_sql(f"CREATE TRIGGER actor_total_insert AFTER INSERT ON article_actor BEGIN {add} END")
    db.execute_sql(f"CREATE TRIGGER actor_total_delete AFTER DELETE ON article_actor BEGIN {remove} END")
    db.execute_sql(
        f"""CREATE TRIGGER actor_total_update AFTER UPDATE OF name, type, mentions, quotes ON article_actor
            BEGIN {remove} {add} END"""
    )
    fill_actor_totals(db)


def fill_actor_totals(db: pw.Database) -> None:
    """The totals of the actors already summarised, and the indexes that
    read them (both engines)."""
    db.execute_sql(
        """INSERT INTO actor_total (name, type, articles, mentions, quotes)
           SELECT name, type, COUNT(*), SUM(mentions), SUM(quotes) FROM article_actor GROUP BY name, type"""
    )
    db.execute_sql("CREATE INDEX actor_total_order ON actor_total (mentions DESC, name)")
    # The actor filter reads an actor's articles from the index alone, in
    # its order (most mentions first); it also serves lookups by name.
    db.execute_sql("DROP INDEX IF EXISTS article_actor_name")
    db.execute_sql("CREATE INDEX article_actor_by_name ON article_actor (name, mentions DESC, article_id, quotes)")


def _m10_coders(db: pw.Database) -> None:
    """Who made each correction: the user's entities and quotes and the
    removed model spans carry their coder (a team library's role; on
    PostgreSQL the column defaults to it, see ``pg_migrations``).  Highlights
    already carry theirs in ``annotation.author``."""
    for table in ("entity", "quote", "rejection"):
        db.execute_sql(f"ALTER TABLE {table} ADD COLUMN coder TEXT NOT NULL DEFAULT ''")


def _m11_curation(db: pw.Database) -> None:
    """Ranges where a curator rejected what the coders marked: the curated
    layer itself is the highlights of the coder 'curation'."""
    db.execute_sql(
        """CREATE TABLE curation_rejection (
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, "start", "end"))"""
    )


def create_article_quote(db: pw.Database) -> None:
    """Migration 12's ``article_quote`` table, the same on both engines
    (PostgreSQL's ``nocase`` is an ICU collation made by its twin)."""
    db.execute_sql(
        """CREATE TABLE article_quote (
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            "start" INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            type TEXT NOT NULL,
            content TEXT NOT NULL,
            cue TEXT NOT NULL DEFAULT '',
            speaker TEXT NOT NULL DEFAULT '',
            actor TEXT,
            actor_type TEXT NOT NULL DEFAULT '',
            gender TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (article_id, "start", "end"))"""
    )
    db.execute_sql("CREATE INDEX article_quote_actor ON article_quote (actor)")
    db.execute_sql("CREATE INDEX article_quote_cue ON article_quote (cue COLLATE NOCASE)")


def _m12_genders_and_quotes(db: pw.Database) -> None:
    """Who gets quoted, across the library (issue 18).

    ``actor_rule`` may also hold 'gender' rules (this person's gender is
    that, whatever the articles say): SQLite cannot change a CHECK, so the
    table is made again.  ``article_actor`` keeps each person's gender as
    the article's evidence gives it, with that evidence in words.
    ``article_quote`` keeps each analysed article's quotes as the user sees
    them, with their speaker's actor, its type and the gender its article's
    evidence gives (copied, so that filtering 100,000 quotes joins nothing).
    ``article_actor`` is emptied so that both are made again, with genders;
    the kept actors (``actor_cache``) stay: their genders are added as each
    article is next shown, without grouping its actors again.
    """
    db.execute_sql(
        """CREATE TABLE actor_rule_new (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('alias', 'type', 'split', 'gender')),
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (kind, name, value))"""
    )
    db.execute_sql("INSERT INTO actor_rule_new SELECT id, kind, name, value, created FROM actor_rule")
    db.execute_sql("DROP TABLE actor_rule")
    db.execute_sql("ALTER TABLE actor_rule_new RENAME TO actor_rule")
    db.execute_sql("ALTER TABLE article_actor ADD COLUMN gender TEXT NOT NULL DEFAULT ''")
    db.execute_sql("ALTER TABLE article_actor ADD COLUMN gender_evidence TEXT NOT NULL DEFAULT ''")
    create_article_quote(db)
    db.execute_sql("DELETE FROM article_actor")


def _m13_highlight_counts(db: pw.Database) -> None:
    """Each article's number of highlights kept in ``span_count`` (issue 22).

    Listing the library counted every article's highlights with a subquery
    per article (a third of the time at 100,000 articles); triggers now keep
    the number exact through every insert, delete (cascades included) and
    move of a highlight, as they keep the entities and quotes.
    """
    db.execute_sql("ALTER TABLE span_count ADD COLUMN highlights INTEGER NOT NULL DEFAULT 0")
    add = """INSERT INTO span_count (article_id, highlights) VALUES (new.article_id, 1)
             ON CONFLICT (article_id) DO UPDATE SET highlights = highlights + 1;"""
    remove = "UPDATE span_count SET highlights = highlights - 1 WHERE article_id = old.article_id;"
    db.execute_sql(f"CREATE TRIGGER annotation_count_insert AFTER INSERT ON annotation BEGIN {add} END")
    db.execute_sql(f"CREATE TRIGGER annotation_count_delete AFTER DELETE ON annotation BEGIN {remove} END")
    db.execute_sql(
        f"""CREATE TRIGGER annotation_count_update AFTER UPDATE OF article_id ON annotation
            BEGIN {remove} {add} END"""
    )
    db.execute_sql(HIGHLIGHT_COUNTS)


# The highlights of articles that have some, as both engines write it (the
# WHERE keeps SQLite's upsert after a SELECT unambiguous).
HIGHLIGHT_COUNTS = """INSERT INTO span_count (article_id, highlights)
    SELECT article_id, COUNT(*) FROM annotation WHERE true GROUP BY article_id
    ON CONFLICT (article_id) DO UPDATE SET highlights = excluded.highlights"""


MIGRATIONS: list[Callable[[pw.Database], None]] = [
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
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: pw.Database) -> int:
    if isinstance(db, pw.PostgresqlDatabase):
        from desktop.store import pg_migrations

        return pg_migrations.schema_version(db)
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(db: pw.Database) -> list[int]:
    """Apply the migrations the database lacks; return their numbers.
    A team library (PostgreSQL) takes each migration's twin in
    ``pg_migrations.py``."""
    if isinstance(db, pw.PostgresqlDatabase):
        from desktop.store import pg_migrations

        return pg_migrations.migrate(db, SCHEMA_VERSION)
    applied = []
    for number in range(schema_version(db) + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[number - 1](db)
            db.execute_sql(f"PRAGMA user_version = {number}")
        applied.append(number)
    return applied
