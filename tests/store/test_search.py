"""Full-text search over the library, and the counts the library lists."""
import sqlite3

import pytest

from desktop.core.model import ORIGIN_USER, Analysis, Entity, Quote
from desktop.formats.text import article_from_text
from desktop.store.analyses import save_analysis
from desktop.store.articles import add_article
from desktop.store.corrections import add_user_entity, reject
from desktop.store.database import close_library, open_library
from desktop.store.models import ArticleRow
from desktop.store.search import (
    MATCH_END,
    MATCH_START,
    article_counts,
    fts_query,
    search_articles,
    snippet_parts,
)

TEXTS = {
    "turkey": "President Recep Tayyip Erdoğan met the U.S. envoy on Monday. "
    "He rejected far-right claims.",
    "plain": 'Erdogan said "no" to the plan, according to well-known officials.',
    "other": "The weather in Istanbul stayed mild all week.",
}


@pytest.fixture()
def articles(library):
    return {key: add_article(article_from_text(text))[0] for key, text in TEXTS.items()}


def found(query):
    return {hit.id for hit in search_articles(query)}


def test_diacritics_fold_both_ways(articles):
    both = {articles["turkey"], articles["plain"]}
    assert found("Erdoğan") == found("Erdogan") == found("erdogan") == both
    assert found("ISTANBUL") == {articles["other"]}


def test_snippet_marks_the_match(articles):
    (hit,) = search_articles("envoy")
    assert hit.id == articles["turkey"]
    assert f"{MATCH_START}envoy{MATCH_END}" in hit.snippet
    assert ("envoy", True) in snippet_parts(hit.snippet)
    assert hit.title.startswith("President Recep Tayyip Erdoğan")


@pytest.mark.parametrize("query", [
    "U.S.", "far-right", '"no"', 'say "', '"', "-", "*", "AND", "OR", "NOT envoy", "Erdoğan's",
    "a:b", "(x", "NEAR(a b)", "^start", "'", "1/2", "erdo*",
])
def test_any_user_query_is_safe(articles, query):
    search_articles(query)  # never an FTS5 syntax error


def test_phrases_prefixes_and_or(articles):
    assert found("U.S.") == {articles["turkey"]}
    assert found("far-right claims") == {articles["turkey"]}
    assert found('"well-known officials"') == {articles["plain"]}
    assert found("erdo*") == {articles["turkey"], articles["plain"]}
    assert found("envoy OR weather") == {articles["turkey"], articles["other"]}
    assert found("envoy weather") == set()
    assert fts_query("OR say OR") == '"say"'
    assert fts_query('say "no more') == '"say" "no more"'  # an open quote runs to the end
    assert search_articles("  ") == []


def test_title_matches_rank_first(library):
    in_text = add_article(article_from_text("A long report. " * 20 + "It mentions Oslo once."))[0]
    in_title = add_article(article_from_text("Talks end.", title="Oslo talks end"))[0]
    assert [hit.id for hit in search_articles("Oslo")] == [in_title, in_text]


def test_index_follows_updates_and_deletes(articles):
    ArticleRow.update(title="Renamed headline").where(ArticleRow.id == articles["other"]).execute()
    assert found("renamed") == {articles["other"]}
    ArticleRow.delete().where(ArticleRow.id == articles["turkey"]).execute()
    assert found("Erdogan") == {articles["plain"]}
    assert found("envoy") == set()


def test_existing_articles_are_indexed_by_the_migration(tmp_path):
    from desktop.store import migrations

    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)

    class Raw:
        def execute_sql(self, sql, params=()):
            return con.execute(sql, params)

    before = migrations.MIGRATIONS.index(migrations._m4_search)
    for migration in migrations.MIGRATIONS[:before]:
        migration(Raw())
    con.execute(f"PRAGMA user_version = {before}")
    con.execute("INSERT INTO article (title, text, sha256, created) "
                "VALUES ('Old news', 'Kept in Zürich.', 'h', 'now')")
    con.commit()
    con.close()
    open_library(path)
    try:
        assert [hit.title for hit in search_articles("zurich")] == ["Old news"]
    finally:
        close_library()


def test_counts_are_what_the_user_sees(articles):
    a, b = articles["turkey"], articles["plain"]
    save_analysis(a, Analysis(
        [Entity(0, 9, "PERSON"), Entity(20, 34, "PERSON"), Entity(43, 47, "GPE")],
        [Quote(60, 80, "indirect")], "m", "1"))
    reject(a, "entity", 43, 47)  # the user removed one model entity...
    add_user_entity(a, Entity(10, 34, "PERSON", ORIGIN_USER))  # ...and replaced another
    assert article_counts([a, b, a]) == {a: (2, 1), b: (0, 0)}
    assert article_counts([]) == {}


def test_a_query_of_thousands_of_repeated_words_is_one_term():
    from desktop.store.search import MAX_TERMS, fts_query

    assert fts_query("talks " * 10_000) == '"talks"'
    many = fts_query(" ".join(f"w{i}" for i in range(1000)))
    assert many.count('"') == 2 * MAX_TERMS
    assert not fts_query("a OR " * 100).endswith("OR")


def test_a_repeated_word_query_finds_what_the_word_finds(articles):
    from desktop.store.search import search_articles

    once = [h.id for h in search_articles("Erdoğan")]
    assert once and [h.id for h in search_articles("Erdoğan " * 5000)] == once
