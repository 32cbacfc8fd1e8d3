"""A team library on PostgreSQL: the same schema, search and errors as a
SQLite file, passwords from libpq's places, offline errors and reconnects."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg2
import pytest

from desktop.core.errors import StoreError
from desktop.formats.text import article_from_text
from desktop.services.importing import import_paths
from desktop.store.articles import add_article, count_articles
from desktop.store.database import close_library, default_path, open_library
from desktop.store.engines import OfflineError, is_postgres, library_location
from desktop.store.migrations import MIGRATIONS, SCHEMA_VERSION, schema_version
from desktop.store.models import db
from desktop.store.pg_migrations import PG_MIGRATIONS
from desktop.store.search import search_articles

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "wikinews_2019.csv"
# Queries a user types, with the syntax the search box understands.
QUERIES = (
    "Erdogan", "Erdoğan", "russia", "prime minister", '"prime minister"', "elect*",
    "Trump OR Brexit", "Brexit Trump", "far-right", "U.S.", "1973", "Sao Paulo",
    "children school*", '"climate change" OR "global warming"', "it's", "Zürich OR Zurich",
)


def test_every_migration_has_its_postgresql_twin():
    assert len(PG_MIGRATIONS) == len(MIGRATIONS) == SCHEMA_VERSION


def test_both_engines_have_the_same_tables_and_columns(tmp_path, pg_server, pg_url):
    path = tmp_path / "library.sqlite3"
    open_library(path)
    close_library()
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'article_fts%'")]
    sqlite_columns = {t: [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    con.close()
    dbname = pg_url.split("/")[3].split("?")[0]
    rows = pg_server.sql(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "AND table_name NOT IN ('article_fts', 'byline_schema') ORDER BY table_name, ordinal_position",
        dbname,
    )
    pg_columns: dict[str, list[str]] = {}
    for table, column in rows:
        pg_columns.setdefault(table, []).append(column)
    assert pg_columns == sqlite_columns
    open_library(pg_url)
    try:
        assert schema_version(db.obj) == SCHEMA_VERSION
    finally:
        close_library()


def test_byline_db_may_name_a_team_library(monkeypatch, pg_url):
    monkeypatch.setenv("BYLINE_DB", pg_url)
    assert default_path() == pg_url
    assert library_location(pg_url) == pg_url
    open_library()
    try:
        assert is_postgres(db)
        assert add_article(article_from_text("Shared news. Seen by all."))[1] is True
        assert count_articles() == 1
    finally:
        close_library()


def test_search_finds_what_sqlite_finds_on_the_corpus(tmp_path, pg_url):
    results = {}
    for location in (tmp_path / "library.sqlite3", pg_url):
        open_library(location)
        try:
            report = import_paths([CORPUS])
            assert len(report.imported) == 171  # the rows of the copy in tests/data
            titles = {}
            for query in QUERIES:
                titles[query] = {hit.title for hit in search_articles(query)}
            results[is_postgres(db)] = titles
        finally:
            close_library()
    sqlite, postgres = results[False], results[True]
    assert sqlite["Erdogan"] and sqlite["Erdogan"] == sqlite["Erdoğan"]
    assert sum(bool(found) for found in sqlite.values()) >= len(QUERIES) - 3
    for query in QUERIES:
        assert postgres[query] == sqlite[query], query


def test_password_comes_from_pgpassword(monkeypatch, pg_server, pg_url):
    dbname = pg_url.split("/")[3].split("?")[0]
    role = pg_server.unique("reader")
    pg_server.sql(f"CREATE ROLE {role} LOGIN PASSWORD 'secret-1'")
    pg_server.sql(f"GRANT pg_read_all_data, pg_write_all_data TO {role}")
    url = pg_server.tcp_url(dbname, role)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    with pytest.raises(StoreError, match="PGPASSWORD or ~/.pgpass"):
        open_library(url)
    monkeypatch.setenv("PGPASSWORD", "secret-1")
    open_library(url)
    try:
        assert "secret" not in str(db.obj.url)
        assert schema_version(db.obj) == SCHEMA_VERSION
    finally:
        close_library()


def test_a_server_that_is_not_there_is_one_sentence(pg_server):
    url = f"postgresql://postgres@127.0.0.1:{pg_server.info['port'] + 1}/nowhere"
    with pytest.raises(OfflineError, match="cannot be reached.*nothing was saved"):
        open_library(url)


def test_a_dropped_connection_is_refused_then_reconnected(pg_server, pg_url):
    open_library(pg_url)
    try:
        add_article(article_from_text("Before the cut. One."))
        pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        pg_server.sql("SELECT pg_terminate_backend(%s)", params=(pid,))
        with pytest.raises(OfflineError):
            add_article(article_from_text("During the cut. Two."))
        # Nothing half-written, and the next action works on a new connection.
        assert count_articles() == 1
        add_article(article_from_text("After the cut. Three."))
        assert count_articles() == 2
    finally:
        close_library()
    assert psycopg2  # the driver the team engine uses is installed
