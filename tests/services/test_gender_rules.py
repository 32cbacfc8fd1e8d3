"""A gender correction is a library-wide actor rule: the article view shows
it, the article's own evidence stays in the summary, undo restores."""
from __future__ import annotations

from desktop.core.model import Analysis, Article, Entity, Quote, Span
from desktop.services.analysis import keep_analysis
from desktop.services.view import article_view
from desktop.store.actors import GENDER, ActorRule, gender_rules, replace_actor_rules
from desktop.store.articles import add_article
from desktop.store.models import db

TEXT = 'Kim Lee opened the meeting. "We are ready," she said.'


def _stored_article() -> int:
    article_id, _ = add_article(Article(TEXT, title="Meeting"))
    she = TEXT.index("she")
    quote = Quote(TEXT.index('"'), TEXT.index("she") - 1, "direct", Span(she + 4, she + 8, "cue"),
                  Span(she, she + 3, "speaker"), "Kim Lee", True)
    keep_analysis(article_id, Analysis([Entity(0, 7, "PERSON")], [quote]), TEXT)
    return article_id


def _person(article_id: int):
    view = article_view(article_id)
    return next(a for a in view.actors if a.name == "Kim Lee")


def test_gender_rule_is_shown_and_undone(library):
    article_id = _stored_article()
    assert _person(article_id).gender == "female"
    displaced = replace_actor_rules([], [ActorRule(GENDER, "Kim Lee", "nonbinary")])
    assert gender_rules() == {"Kim Lee": "nonbinary"}
    person = _person(article_id)
    assert (person.gender, person.gender_evidence.startswith("set by you")) == ("nonbinary", True)
    stored = db.execute_sql(
        "SELECT gender, gender_evidence FROM article_actor WHERE name = 'Kim Lee'").fetchone()
    assert stored[0] == "female" and "she" in stored[1]  # the article's evidence is kept
    replace_actor_rules([ActorRule(GENDER, "Kim Lee", "nonbinary")], displaced)  # undo
    assert _person(article_id).gender == "female"


def test_quotes_are_kept_with_their_actor(library):
    article_id = _stored_article()
    row = db.execute_sql(
        "SELECT type, content, cue, actor FROM article_quote WHERE article_id = ?", (article_id,)
    ).fetchone()
    assert row == ("direct", '"We are ready,"', "said", "Kim Lee")


def test_actors_kept_before_genders_get_them_without_regrouping(library, monkeypatch):
    import json

    import desktop.services.view as view

    article_id = _stored_article()
    stored = db.execute_sql("SELECT key, result FROM actor_cache WHERE article_id = ?", (article_id,)).fetchone()
    old = json.loads(stored[1])
    old["actors"] = [a[:6] for a in old["actors"]]  # as kept before issue 18
    db.execute_sql("UPDATE actor_cache SET result = ? WHERE article_id = ?", (json.dumps(old), article_id))
    db.execute_sql("DELETE FROM article_actor")  # as migration 8 leaves it
    db.execute_sql("DELETE FROM article_quote")

    def no_grouping(*args, **kwargs):
        raise AssertionError("the actors were grouped again")

    monkeypatch.setattr(view, "build_actor_result", no_grouping)
    assert _person(article_id).gender == "female"
    assert db.execute_sql("SELECT gender FROM article_actor WHERE name = 'Kim Lee'").fetchone() == ("female",)
    assert db.execute_sql("SELECT actor, gender FROM article_quote").fetchall() == [("Kim Lee", "female")]
    kept = json.loads(db.execute_sql("SELECT result FROM actor_cache WHERE article_id = ?",
                                     (article_id,)).fetchone()[0])
    assert all(len(a) == 8 for a in kept["actors"])
