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


def test_an_older_library_gets_its_totals_when_opened(library):
    from desktop.store.actors import store_article_actors
    from desktop.store.articles import add_article
    from desktop.store.database import close_library, open_library
    from desktop.store.models import db

    article_id, _ = add_article(Article("A text."))
    store_article_actors(article_id, [_actor("Emmanuel Macron", "person", 2, 1)])
    for trigger in ("insert", "delete", "update"):
        db.execute_sql(f"DROP TRIGGER actor_total_{trigger}")
    db.execute_sql("DROP TABLE actor_total")
    db.execute_sql("DROP INDEX article_actor_by_name")
    db.execute_sql("CREATE INDEX article_actor_name ON article_actor (name)")
    db.execute_sql("PRAGMA user_version = 7")  # as before migration 8
    close_library()

    open_library(library)
    assert _rows() == _grouped() == [("Emmanuel Macron", "person", 1, 2, 1)]
