"""The Library actors view's rows (``library_actors``) read from a table
that triggers keep: always what grouping every article's actors gives."""
from __future__ import annotations

from desktop.core.model import MENTION_NAME, Actor, Article, Mention


def _grouped():
    from desktop.store.models import db

    return db.execute_sql(
        "SELECT name, type, COUNT(*), SUM(mentions), SUM(quotes) FROM article_actor "
        "GROUP BY name, type ORDER BY SUM(mentions) DESC, name").fetchall()


def _actor(name: str, kind: str, mentions: int, quotes: int = 0) -> Actor:
    return Actor(name, kind, [], [Mention(i, i + 1, MENTION_NAME) for i in range(mentions)], quotes)


def _rows():
    from desktop.store.actors import library_actors

    return [(a.name, a.type, a.articles, a.mentions, a.quotes) for a in library_actors()]


def test_library_actors_follow_every_change_of_the_articles_actors(library):
    from desktop.store.actors import store_article_actors
    from desktop.store.articles import add_article
    from desktop.store.library import delete_articles

    a, _ = add_article(Article("First text."))
    b, _ = add_article(Article("Second text."))
    store_article_actors(a, [_actor("Olaf Scholz", "person", 3, 2), _actor("Germany", "place", 2)])
    store_article_actors(b, [_actor("Olaf Scholz", "person", 1), _actor("Scholz", "organisation", 1)])
    assert _rows() == _grouped()
    assert _rows()[0] == ("Olaf Scholz", "person", 2, 4, 2)

    store_article_actors(a, [_actor("Germany", "place", 5, 1)])  # the article's actors made again
    assert _rows() == _grouped()
    assert ("Olaf Scholz", "person", 1, 1, 0) in _rows()

    delete_articles([b])  # cascades to its actors
    assert _rows() == _grouped() == [("Germany", "place", 1, 5, 1)]


def test_an_older_library_gets_its_totals_from_its_migration(library):
    from desktop.store.actors import store_article_actors
    from desktop.store.articles import add_article
    from desktop.store.engines import is_postgres
    from desktop.store.migrations import MIGRATIONS
    from desktop.store.models import db
    from desktop.store.pg_migrations import PG_MIGRATIONS

    article_id, _ = add_article(Article("A text."))
    store_article_actors(article_id, [_actor("Emmanuel Macron", "person", 2, 1)])
    # The library as it was before the totals: no table, no triggers, the old index.
    if is_postgres(db):
        db.execute_sql("DROP TRIGGER actor_total_keep ON article_actor")
        db.execute_sql("DROP FUNCTION actor_total_keep")
    else:
        for trigger in ("insert", "delete", "update"):
            db.execute_sql(f"DROP TRIGGER actor_total_{trigger}")
    db.execute_sql("DROP TABLE actor_total")
    db.execute_sql("DROP INDEX article_actor_by_name")
    db.execute_sql("CREATE INDEX article_actor_name ON article_actor (name)")

    migrations = PG_MIGRATIONS if is_postgres(db) else MIGRATIONS
    next(m for m in migrations if m.__name__ == "_m9_actor_totals")(db)
    assert _rows() == _grouped() == [("Emmanuel Macron", "person", 1, 2, 1)]
