"""An article as the user sees it: the stored spans with corrections, its
actors, and the entity labels following each actor's type."""
from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.model import Actor, Analysis
from desktop.nlp.actors import ActorRules, build_actor_result
from desktop.store.actors import (
    ALIAS,
    TYPE,
    ActorRule,
    analysed_articles_mentioning,
    articles_without_actor_summary,
    list_actor_rules,
    store_article_actors,
)
from desktop.store.analyses import load_analysis
from desktop.store.articles import get_article


@dataclass(slots=True)
class ArticleView:
    analysis: Analysis
    actors: list[Actor] = field(default_factory=list)
    quote_actor: list[int | None] = field(default_factory=list)


def actor_rules() -> ActorRules:
    """The user's actor corrections in the shape the actor builder takes."""
    rules = ActorRules()
    for rule in list_actor_rules():
        if rule.kind == ALIAS:
            rules.aliases[rule.name] = rule.value
        elif rule.kind == TYPE:
            rules.types[rule.name] = rule.value
        else:
            rules.splits.add((rule.name, rule.value))
    return rules


def article_view(article_id: int, analysis: Analysis | None = None, rules: ActorRules | None = None) -> ArticleView | None:
    """None when the article was never analysed.  Also refreshes the
    article's actor summary used by the library views."""
    analysis = analysis or load_analysis(article_id)
    if analysis is None:
        return None
    text = get_article(article_id).text
    result = build_actor_result(text, analysis.entities, analysis.quotes, rules or actor_rules())
    shown = Analysis(result.entities, analysis.quotes, analysis.model_name, analysis.model_version)
    actors = result.actors
    for number, actor in enumerate(actors, start=1):
        actor.id = number
    store_article_actors(article_id, actors)
    return ArticleView(shown, actors, result.quote_actor)


def refresh_actor_summaries(article_ids: list[int]) -> None:
    """Make the actor summaries of articles again (after a rule changed)."""
    rules = actor_rules()
    for article_id in article_ids:
        article_view(article_id, rules=rules)


def refresh_for_rules(rules: list[ActorRule]) -> None:
    """After actor rules changed: make again the summaries of the articles
    that mention the names involved."""
    names = {r.name for r in rules} | {r.value for r in rules if r.kind != TYPE}
    refresh_actor_summaries(analysed_articles_mentioning(names))


def ensure_actor_summaries(analysed: list[int]) -> None:
    refresh_actor_summaries(articles_without_actor_summary(analysed))
