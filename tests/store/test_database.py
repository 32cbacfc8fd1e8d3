import hashlib
import sqlite3

import pytest

from desktop.core.errors import StoreError
from desktop.core.model import ORIGIN_USER, Analysis, Entity, Quote, Span
from desktop.formats.text import article_from_text
from desktop.store.analyses import is_analysed, load_analysis, save_analysis
from desktop.store.articles import add_article, count_articles, get_article, list_articles
from desktop.store.database import close_library, default_path, open_library
from desktop.store.migrations import SCHEMA_VERSION
from desktop.store.models import EntityRow, db


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_library_is_migrated_with_wal_and_foreign_keys(sqlite_library):
    con = sqlite3.connect(sqlite_library)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"article", "entity", "analysis", "quote"} <= tables
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_version_one_library_is_upgraded(tmp_path):
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)
    from desktop.store.migrations import MIGRATIONS

    class Raw:
        def execute_sql(self, sql):
            return con.execute(sql)

    MIGRATIONS[0](Raw())
    con.execute("PRAGMA user_version = 1")
    con.execute("INSERT INTO article (title, text, sha256, created) VALUES ('t', 'x', 'h', 'now')")
    con.commit()
    con.close()
    open_library(path)
    try:
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert count_articles() == 1
    finally:
        close_library()


def test_article_is_deduplicated_by_text(library):
    article = article_from_text(" date 2020-01-02 Some news. More.")
    first = add_article(article)
    again = add_article(article_from_text("Some news. More."))
    assert first[1] is True and again == (first[0], False)
    stored = get_article(first[0])
    assert (stored.text, stored.date) == ("Some news. More.", "2020-01-02")
    assert [r.title for r in list_articles()] == ["Some news"]


def test_analysis_round_trip_keeps_user_entities(library):
    article_id, _ = add_article(article_from_text("Putin met Macron in Moscow."))
    assert load_analysis(article_id) is None and not is_analysed(article_id)
    quote = Quote(0, 5, "indirect", Span(6, 9, "cue"), Span(10, 16, "speaker"), "Emmanuel Macron", True)
    save_analysis(article_id, Analysis([Entity(0, 5, "PERSON"), Entity(20, 26, "GPE")], [quote], "m", "1.0"))
    EntityRow.create(article=article_id, start=10, end=16, label="PERSON", origin=ORIGIN_USER)
    save_analysis(article_id, Analysis([Entity(0, 5, "PERSON")], [quote], "m", "1.1"))
    loaded = load_analysis(article_id)
    assert [(e.start, e.end, e.label, e.origin) for e in loaded.entities] == [
        (0, 5, "PERSON", "model"),
        (10, 16, "PERSON", "user"),
    ]
    assert loaded.model_version == "1.1"
    (q,) = loaded.quotes
    assert (q.cue, q.speaker_mention, q.speaker_name, q.resolved) == (
        Span(6, 9, "cue"), Span(10, 16, "speaker"), "Emmanuel Macron", True)


def test_not_a_database_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database")
    before = digest(path)
    with pytest.raises(StoreError, match="not an SQLite database"):
        open_library(path)
    assert digest(path) == before


def test_truncated_database_is_refused(tmp_path):
    path = tmp_path / "lib.sqlite3"
    open_library(path)
    add_article(article_from_text("Text of an article."))
    close_library()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\x00" * 50)
    with pytest.raises(StoreError):
        open_library(path)


def test_newer_library_is_refused(tmp_path):
    path = tmp_path / "new.sqlite3"
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    con.close()
    with pytest.raises(StoreError, match="newer Byline"):
        open_library(path)


def test_default_location_and_environment(monkeypatch, tmp_path):
    assert default_path().name == "library.sqlite3"
    assert "Byline" in str(default_path())
    monkeypatch.setenv("BYLINE_DB", str(tmp_path / "x.sqlite3"))
    assert default_path() == tmp_path / "x.sqlite3"
