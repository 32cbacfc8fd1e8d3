"""Migration 8 (issue 18): actor rules survive, gender rules become
possible, the actor summaries are emptied to be made again with genders."""
from __future__ import annotations

import sqlite3

import pytest

from desktop.store.database import close_library, open_library
from desktop.store.migrations import MIGRATIONS
from desktop.store.models import db


def test_a_library_before_genders_is_upgraded(tmp_path):
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)

    class Raw:
        def execute_sql(self, sql, params=()):
            return con.execute(sql, params)

    number = MIGRATIONS.index(next(m for m in MIGRATIONS if m.__name__ == "_m12_genders_and_quotes"))
    for migration in MIGRATIONS[:number]:
        migration(Raw())
    con.execute(f"PRAGMA user_version = {number}")
    con.execute("INSERT INTO article (id, title, text, sha256, created) VALUES (1, 't', 'x', 'h', 'now')")
    con.execute("INSERT INTO actor_rule (kind, name, value, created)"
                " VALUES ('alias', 'Putin', 'Vladimir Putin', 'now')")
    con.execute("INSERT INTO article_actor (article_id, name, type, named, mentions, quotes)"
                " VALUES (1, 'Vladimir Putin', 'person', 1, 1, 0)")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("INSERT INTO actor_rule (kind, name, value, created) VALUES ('gender', 'X', 'female', 'now')")
    con.commit()
    con.close()
    open_library(path)
    try:
        assert db.execute_sql("SELECT kind, name, value FROM actor_rule").fetchall() == [
            ("alias", "Putin", "Vladimir Putin")]
        db.execute_sql("INSERT INTO actor_rule (kind, name, value, created) VALUES ('gender', 'X', 'female', 'now')")
        assert db.execute_sql("SELECT COUNT(*) FROM article_actor").fetchone()[0] == 0
        assert db.execute_sql("SELECT COUNT(*) FROM article_quote").fetchone()[0] == 0
    finally:
        close_library()
