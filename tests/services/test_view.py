"""Quotes and actors agree: the article as the user sees it (``article_view``)
names every linked quote's speaker as its actor, after the user's actor rules
too, in the panels' data and in the exports.  Spans are made by hand: no model."""
from __future__ import annotations

from desktop.core.model import Analysis, Article, Entity, Quote, Span

TEXT = ("Hong Kong Carrie Lam spoke on Tuesday. Lam said the bill was dead. "
        "U.S. officials said the protests would go on.")


def _article() -> int:
    from desktop.store.analyses import save_analysis
    from desktop.store.articles import add_article

    article_id = add_article(Article(TEXT, title="Lam"))[0]
    lam = TEXT.index("Lam said")
    us = TEXT.index("U.S. officials")
    quotes = [
        Quote(TEXT.index("the bill"), TEXT.index(" was dead") + 9, "indirect",
              Span(lam + 4, lam + 8, "cue"), Span(lam, lam + 3), "Lam", True),
        Quote(TEXT.index("the protests"), len(TEXT) - 1, "indirect",
              Span(us + 15, us + 19, "cue"), Span(us, us + 14), "U.S. officials", False),
    ]
    entities = [Entity(0, 20, "PERSON"), Entity(lam, lam + 3, "PERSON"), Entity(us, us + 4, "GPE")]
    save_analysis(article_id, Analysis(entities, quotes, "test", "1"))
    return article_id


def _speakers(article_id: int) -> list[tuple[str | None, bool]]:
    from desktop.services.view import article_view

    return [(q.speaker_name, q.resolved) for q in article_view(article_id).analysis.quotes]


def test_quotes_carry_their_actors_names_and_groups_are_counted(library):
    from desktop.services.view import article_view

    article_id = _article()
    view = article_view(article_id)
    assert _speakers(article_id) == [("Carrie Lam", True), ("U.S. officials", False)]
    names = [view.actors[i].name if i is not None else None for i in view.quote_actor]
    assert names == ["Carrie Lam", "U.S. officials"]
    group = next(a for a in view.actors if a.name == "U.S. officials")
    assert (group.type, group.quote_count) == ("group", 1)


def test_rename_and_retype_are_followed_by_quotes_exports_and_the_library(library):
    from desktop.formats.json_export import bundle_dict
    from desktop.services.bundles import load_bundle
    from desktop.services.view import refresh_for_rules
    from desktop.store.actors import ALIAS, TYPE, ActorRule, library_actors, replace_actor_rules

    article_id = _article()
    _speakers(article_id)
    rules = [ActorRule(ALIAS, "Carrie Lam", "Carrie Lam Cheng Yuet-ngor"),
             ActorRule(ALIAS, "Lam", "Carrie Lam Cheng Yuet-ngor"),
             ActorRule(TYPE, "U.S. officials", "organisation")]
    replace_actor_rules([], rules)
    refresh_for_rules(rules)
    assert _speakers(article_id) == [("Carrie Lam Cheng Yuet-ngor", True),
                                     ("U.S. officials", False)]
    exported = bundle_dict(load_bundle(article_id))
    assert [q["speaker"]["name"] for q in exported["quotes"]] == [
        "Carrie Lam Cheng Yuet-ngor", "U.S. officials"]
    rows = {a.name: (a.type, a.quotes) for a in library_actors()}
    assert rows["Carrie Lam Cheng Yuet-ngor"] == ("person", 1)
    assert rows["U.S. officials"] == ("organisation", 1)
    assert "Lam" not in rows and "Hong Kong Carrie Lam" not in rows
