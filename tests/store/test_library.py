"""The library's summaries: the counts listed stay what the user sees
through analysis, corrections and deletion, in old libraries too."""
import sqlite3

from desktop.core.model import ORIGIN_USER, Analysis, Entity, Quote
from desktop.core.text import sha256
from desktop.formats.text import article_from_text
from desktop.store.analyses import save_analysis
from desktop.store.articles import add_article
from desktop.store.corrections import add_user_entity, delete_user_entity, reject, unreject
from desktop.store.database import close_library, open_library
from desktop.store.library import delete_articles, library_rows
from desktop.store.migrations import MIGRATIONS, _m13_highlight_counts
from desktop.store.models import db
from desktop.store.search import article_counts

TEXT = ("President Recep Tayyip Erdoğan met the U.S. envoy on Monday. He said \"no\" "
        "to the plan, according to officials in Ankara and Istanbul.")
ANALYSIS = Analysis(
    [Entity(10, 29, "PERSON"), Entity(39, 43, "GPE"), Entity(114, 120, "GPE")],
    [Quote(62, 90, "indirect")], "m", "1")


def listed() -> dict[int, tuple[int, int]]:
    return {r.id: (r.entities, r.quotes) for r in library_rows()}


def test_listed_counts_follow_every_change(library):
    a = add_article(article_from_text(TEXT, title="A"))[0]
    b = add_article(article_from_text(TEXT + " Again.", title="B"))[0]
    assert listed() == {a: (0, 0), b: (0, 0)}
    save_analysis(a, ANALYSIS)
    save_analysis(b, ANALYSIS)
    assert listed() == {a: (3, 1), b: (3, 1)}
    reject(a, "entity", 39, 43)  # the user removed one model entity...
    user = add_user_entity(a, Entity(0, 29, "PERSON", ORIGIN_USER))  # ...and replaced another
    assert listed() == article_counts([a, b]) == {a: (2, 1), b: (3, 1)}
    save_analysis(a, ANALYSIS)  # a re-analysis keeps the corrections
    assert listed()[a] == (2, 1)
    delete_user_entity(user)
    unreject(a, "entity", 39, 43)
    assert listed()[a] == (3, 1)
    assert library_rows([b]) == [r for r in library_rows() if r.id == b]
    delete_articles([a])
    assert listed() == {b: (3, 1)}
    assert db.execute_sql("SELECT article_id FROM span_count").fetchall() == [(b,)]


def test_an_old_library_gets_its_counts(tmp_path):
    from desktop.store import migrations

    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)

    class Raw:
        def execute_sql(self, sql, params=()):
            return con.execute(sql, params)

    before = migrations.MIGRATIONS.index(migrations._m7_library_counts)
    for migration in migrations.MIGRATIONS[:before]:
        migration(Raw())
    con.execute(f"PRAGMA user_version = {before}")
    for n, date in ((1, "2020-05-01"), (2, None), (3, "2021-01-31")):
        con.execute("INSERT INTO article (id, title, date, text, sha256, created) "
                    "VALUES (?, ?, ?, 'Some text here.', ?, 'now')", (n, f"Old {n}", date, str(n)))
    con.executemany(
        "INSERT INTO entity (article_id, start, end, label, origin) VALUES (?, ?, ?, ?, ?)",
        [(1, 0, 4, "ORG", "model"), (1, 5, 9, "ORG", "model"), (3, 0, 4, "ORG", "model"),
         (3, 5, 9, "GPE", "user")],
    )
    con.execute("INSERT INTO rejection (article_id, kind, start, end) VALUES (1, 'entity', 0, 4)")
    con.commit()
    con.close()
    open_library(path)
    try:
        rows = library_rows()
        assert [r.title for r in rows] == ["Old 3", "Old 1", "Old 2"]  # newest first, undated last
        assert listed() == article_counts([1, 2, 3]) == {1: (1, 0), 2: (0, 0), 3: (2, 0)}
    finally:
        close_library()


class _Raw:
    """A plain sqlite3 connection where migrations expect a database."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con

    def execute_sql(self, sql, params=()):
        return self.con.execute(sql, params)


def test_an_old_librarys_actors_are_made_again_by_the_new_rules(tmp_path):
    from desktop.services.view import ensure_actor_summaries
    from desktop.store.actors import library_actors
    from desktop.store.analyses import analysed_ids

    path = tmp_path / "lib.sqlite3"
    text = "((WN)) Why? The US said no."
    # What an older Byline kept (schema 7): an analysis, and its actors made
    # by the old rules.
    con = sqlite3.connect(path)
    for migration in MIGRATIONS[:7]:
        migration(_Raw(con))
    con.execute("PRAGMA user_version = 7")
    con.execute("INSERT INTO article (id, title, text, sha256, created) VALUES (1, 'Old', ?, ?, 'now')",
                (text, sha256(text)))
    con.execute("INSERT INTO analysis (article_id, model_name, model_version, analysed_at) VALUES (1, 'm', '1', 'now')")
    con.execute('INSERT INTO entity (article_id, "start", "end", label)'
                " VALUES (1, 2, 4, 'ORG'), (1, 16, 18, 'GPE')")
    con.execute("INSERT INTO article_actor (article_id, name, type, aliases, named, mentions,"
                " quotes) VALUES (1, 'WN', 'organisation', '[]', 1, 1, 0),"
                " (1, 'US', 'place', '[]', 1, 1, 0)")
    con.commit()
    con.close()
    open_library(path)
    try:
        assert library_actors() == []
        ensure_actor_summaries(analysed_ids())  # what the Library actors view does
        assert [(a.name, a.type) for a in library_actors()] == [("United States", "place")]
    finally:
        close_library()


def _highlights_listed() -> dict[int, int]:
    return {r.id: r.highlights for r in library_rows()}


def _highlights_counted() -> dict[int, int]:
    """What counting the highlights themselves gives (articles without any: 0)."""
    counted = dict(db.execute_sql("SELECT article_id, COUNT(*) FROM annotation GROUP BY article_id").fetchall())
    return {article_id: counted.get(article_id, 0) for article_id in _highlights_listed()}


def test_listed_highlights_follow_adding_deleting_and_undo(library):
    from desktop.core.model import Annotation
    from desktop.store.annotations import add_annotation, delete_annotation

    a = add_article(article_from_text(TEXT, title="A"))[0]
    b = add_article(article_from_text(TEXT + " Again.", title="B"))[0]
    first = add_annotation(a, Annotation(0, 9, ["Claim"]))
    add_annotation(a, Annotation(10, 29))
    add_annotation(b, Annotation(0, 9))
    assert _highlights_listed() == _highlights_counted() == {a: 2, b: 1}
    gone = delete_annotation(first)
    assert _highlights_listed() == {a: 1, b: 1}
    add_annotation(a, gone)  # the deletion undone: the highlight back under its id
    assert _highlights_listed() == _highlights_counted() == {a: 2, b: 1}
    assert [r.tags for r in library_rows([a])] == [("Claim",)]
    delete_articles([b])  # its highlights go with it
    assert _highlights_listed() == _highlights_counted() == {a: 2}


def test_an_old_library_gets_its_highlight_counts(tmp_path):
    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)
    before = MIGRATIONS.index(_m13_highlight_counts)
    for migration in MIGRATIONS[:before]:
        migration(_Raw(con))
    con.execute(f"PRAGMA user_version = {before}")
    for n in (1, 2, 3):
        con.execute("INSERT INTO article (id, title, text, sha256, created) "
                    "VALUES (?, ?, 'Some text here.', ?, 'now')", (n, f"Old {n}", str(n)))
    con.execute('INSERT INTO entity (article_id, "start", "end", label) VALUES (2, 0, 4, \'ORG\')')
    con.executemany('INSERT INTO annotation (article_id, "start", "end", created, modified) '
                    "VALUES (?, 0, 4, 'now', 'now')", [(1,), (1,), (2,)])
    con.commit()
    con.close()
    open_library(path)
    try:
        assert {r.id: (r.entities, r.highlights) for r in library_rows()} == {1: (0, 2), 2: (1, 1), 3: (0, 0)}
        assert _highlights_listed() == _highlights_counted()
    finally:
        close_library()

