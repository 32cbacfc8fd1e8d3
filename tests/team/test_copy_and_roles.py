"""Copying a library between engines, checking it, and the coders' rules:
each coder changes only their own highlights, even through plain SQL."""
from __future__ import annotations

import psycopg2
import pytest

from desktop.cli import main
from desktop.core.model import ORIGIN_USER, Analysis, Annotation, Entity, Quote, Span, Tag
from desktop.formats.json_export import dumps_bundle
from desktop.formats.text import article_from_text
from desktop.services.bundles import load_bundle
from desktop.store import annotations, corrections, tags
from desktop.store.actors import ActorRule, replace_actor_rules
from desktop.store.analyses import save_analysis
from desktop.store.articles import add_article
from desktop.store.check import check_library
from desktop.store.database import close_library, open_library
from desktop.store.library import delete_articles
from desktop.store.models import db
from desktop.store.team import TeamPermissionError

TEXTS = (
    "Recep Tayyip Erdoğan met Olaf Scholz in Berlin. \"We agree,\" Scholz said.",
    "Kyiv said on Monday that Kyiv would not yield. Olaf Scholz agreed.",
)


def fill_library() -> list[int]:
    ids = []
    tags.create_tag(Tag("Source", "#123456", parent="Claim"))
    for text in TEXTS:
        article_id, _ = add_article(article_from_text(text))
        ids.append(article_id)
        save_analysis(article_id, Analysis(
            [Entity(0, 4, "PERSON"), Entity(text.index("Olaf"), text.index("Olaf") + 11, "PERSON")],
            [Quote(text.index('"') if '"' in text else 10, text.index('"') + 11 if '"' in text else 20,
                   "direct", Span(0, 4, "cue"), Span(0, 4, "speaker"), "Olaf Scholz", True)],
            "m", "1"))
        annotations.add_annotation(article_id, Annotation(0, 4, ["Claim", "Source"], "a note", "Ana"))
        corrections.reject(article_id, "entity", 0, 4)
        corrections.add_user_entity(article_id, Entity(5, 11, "ORG", ORIGIN_USER))
    corrections.set_rule("Kyiv", "GPE", ids[1], everywhere=True)
    replace_actor_rules([], [ActorRule("alias", "Scholz", "Olaf Scholz")])
    return ids


def exports(ids: list[int]) -> dict[int, str]:
    return {i: dumps_bundle(load_bundle(i)) for i in ids}


def test_a_library_goes_to_postgresql_and_back_unchanged(tmp_path, pg_url, capsys):
    source, back = tmp_path / "mine.sqlite3", tmp_path / "back.sqlite3"
    open_library(source)
    try:
        ids = fill_library()
        before = exports(ids)
    finally:
        close_library()
    assert main(["copy", str(source), pg_url]) == 0
    assert "articles: 2, analyses: 2, entities: 6," in capsys.readouterr().out
    for location in (pg_url, back):
        if location is back:
            assert main(["copy", pg_url, str(back)]) == 0
        open_library(location)
        try:
            assert exports(ids) == before
            # New rows after a copy get new ids, not copied ones.
            new_id, created = add_article(article_from_text(f"A later article in {location}. Added."))
            assert created and new_id > max(ids)
        finally:
            close_library()
        report = check_library(location)
        assert report.ok, report.text()
    assert "a note" in before[ids[0]] and "Source" in before[ids[0]]


def test_copy_refuses_a_destination_with_articles(tmp_path, pg_url):
    open_library(pg_url)
    add_article(article_from_text("Already here. Yes."))
    close_library()
    open_library(tmp_path / "a.sqlite3")
    add_article(article_from_text("Mine. Yes."))
    close_library()
    assert main(["copy", str(tmp_path / "a.sqlite3"), pg_url]) == 2


@pytest.fixture()
def team(pg_server, pg_url):
    """A team library with two coders (alice, bob) and an editor (eve)."""
    names = {who: pg_server.unique(who) for who in ("alice", "bob", "eve")}
    dbname = pg_url.split("/")[3].split("?")[0]
    assert main(["init-team", pg_url, "--coder", names["alice"], "--coder", names["bob"],
                 "--editor", names["eve"]]) == 0
    open_library(pg_url)
    article_id, _ = add_article(article_from_text(TEXTS[1]))
    close_library()
    return pg_server, dbname, names, article_id


def test_a_coder_cannot_touch_another_coders_highlight_even_in_sql(team):
    server, dbname, names, article_id = team
    open_library(server.url(dbname, names["alice"]))
    try:
        mine = annotations.add_annotation(article_id, Annotation(0, 4, ["Claim"], "alice's", "whoever"))
        assert annotations.get_annotation(mine).author == names["alice"]
    finally:
        close_library()
    open_library(server.url(dbname, names["bob"]))
    try:
        assert [a.note for a in annotations.list_annotations(article_id)] == ["alice's"]  # bob sees it
        with pytest.raises(TeamPermissionError, match="only your own"):
            annotations.set_note(mine, "bob was here")
        with pytest.raises(TeamPermissionError):
            annotations.delete_annotation(mine)
        his = annotations.add_annotation(article_id, Annotation(5, 9, ["Opinion"]))
        annotations.set_note(his, "bob's own")
    finally:
        close_library()
    # Plain SQL under bob's role: the database itself refuses.
    con = psycopg2.connect(server.url(dbname, names["bob"]))
    con.autocommit = True
    with con.cursor() as cur:
        cur.execute("UPDATE annotation SET note = 'hacked' WHERE id = %s", (mine,))
        assert cur.rowcount == 0
        cur.execute("DELETE FROM annotation_tag WHERE annotation_id = %s", (mine,))
        assert cur.rowcount == 0
        with pytest.raises(psycopg2.Error, match="row-level security"):
            cur.execute("INSERT INTO annotation (article_id, \"start\", \"end\", author, created, modified)"
                        " VALUES (%s, 0, 3, %s, 'now', 'now')", (article_id, names["alice"]))
    con.close()
    rows = server.sql("SELECT id, note, author FROM annotation ORDER BY id", dbname)
    assert rows == [(mine, "alice's", names["alice"]), (his, "bob's own", names["bob"])]


def test_only_editors_change_the_codebook_or_delete_articles(team):
    server, dbname, names, article_id = team
    open_library(server.url(dbname, names["bob"]))
    try:
        with pytest.raises(TeamPermissionError, match="only coders with the byline_editor role delete articles"):
            delete_articles([article_id])
        with pytest.raises(TeamPermissionError, match="read-only for you.*byline_editor"):
            tags.create_tag(Tag("Bob's tag", "#000000"))
        with pytest.raises(TeamPermissionError, match="read-only"):
            corrections.set_rule("Kyiv", "GPE", None, everywhere=True)
    finally:
        close_library()
    open_library(server.url(dbname, names["eve"]))
    try:
        tags.create_tag(Tag("Eve's tag", "#000000"))
        assert "Eve's tag" in [t.name for t in tags.list_tags()]
        assert delete_articles([article_id]) == 1
    finally:
        close_library()
    assert db.obj is not None


def test_corrections_carry_their_coder_and_only_they_undo_them(team):
    server, dbname, names, article_id = team
    open_library(server.url(dbname, names["alice"]))
    try:
        entity_id = corrections.add_user_entity(article_id, Entity(0, 4, "GPE", ORIGIN_USER))
        corrections.reject(article_id, "quote", 10, 20)
    finally:
        close_library()
    assert server.sql("SELECT coder FROM entity WHERE id = %s", dbname, params=(entity_id,)) == [(names["alice"],)]
    assert server.sql("SELECT coder FROM rejection", dbname) == [(names["alice"],)]
    open_library(server.url(dbname, names["bob"]))
    try:
        with pytest.raises(TeamPermissionError, match="another coder's"):
            corrections.delete_user_entity(entity_id)
        with pytest.raises(TeamPermissionError):
            corrections.unreject(article_id, "quote", 10, 20)
    finally:
        close_library()
    con = psycopg2.connect(server.url(dbname, names["bob"]))
    con.autocommit = True
    with con.cursor() as cur:
        cur.execute("DELETE FROM entity WHERE id = %s", (entity_id,))
        assert cur.rowcount == 0
    con.close()
    assert server.sql("SELECT COUNT(*) FROM entity WHERE id = %s", dbname, params=(entity_id,)) == [(1,)]
