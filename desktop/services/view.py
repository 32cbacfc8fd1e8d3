"""An article as the user sees it: the stored spans with corrections, its
actors, and the entity labels following each actor's type."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from desktop.core.model import Actor, Analysis, Entity, Mention
from desktop.nlp.actors import ActorResult, ActorRules, build_actor_result, name_speakers
from desktop.nlp.gender import apply_gender_rules, assign_genders
from desktop.store.actors import (
    ALIAS,
    GENDER,
    SPLIT,
    TYPE,
    ActorRule,
    analysed_articles_mentioning,
    articles_without_actor_summary,
    gender_rules,
    list_actor_rules,
    store_article_actors,
)
from desktop.store.analyses import cache_actors, cached_actors, load_analysis
from desktop.store.articles import get_article
from desktop.store.database import worker_connection


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
        elif rule.kind == SPLIT:
            rules.splits.add((rule.name, rule.value))
    return rules


def article_view(article_id: int, analysis: Analysis | None = None, rules: ActorRules | None = None,
                 text: str | None = None) -> ArticleView | None:
    """None when the article was never analysed.  Also refreshes the
    article's actor summary used by the library views.

    Grouping entities into actors takes seconds on a 100,000-word text, so
    the result is kept in the library under a key of the spans and rules it
    was made from, and made again only when one of them changed.
    ``text``: the article's text, when the caller has it at hand."""
    analysis = analysis or load_analysis(article_id)
    if analysis is None:
        return None
    rules = rules or actor_rules()
    key = actor_key(analysis, rules)
    stored = cached_actors(article_id, key)
    result, legacy = _loads(stored, analysis.entities) if stored is not None else (None, False)
    if result is None:
        text = text if text is not None else get_article(article_id).text
        result = build_actor_result(text, analysis.entities, analysis.quotes, rules)
        for number, actor in enumerate(result.actors, start=1):
            actor.id = number
        store_article_actors(article_id, result.actors, name_speakers(analysis.quotes, result),
                             result.quote_actor, text)
        cache_actors(article_id, key, _dumps(result))
    elif legacy:
        # Kept before actors had a gender: the grouping stands, only the
        # genders are added (what building them again would give, cheaply).
        text = text if text is not None else get_article(article_id).text
        assign_genders(text, result.actors)
        store_article_actors(article_id, result.actors, name_speakers(analysis.quotes, result),
                             result.quote_actor, text)
        cache_actors(article_id, key, _dumps(result))
    elif articles_without_actor_summary([article_id]):
        text = text if text is not None else get_article(article_id).text
        store_article_actors(article_id, result.actors, name_speakers(analysis.quotes, result),
                             result.quote_actor, text)
    # The user's gender corrections are laid over the article's evidence
    # here, not in the summary: the library views apply them when they read.
    apply_gender_rules(result.actors, gender_rules())
    # Quotes name their speakers as the actors do, after every rename,
    # merge, split or retype too.
    quotes = name_speakers(analysis.quotes, result)
    shown = Analysis(result.entities, quotes, analysis.model_name, analysis.model_version)
    return ArticleView(shown, result.actors, result.quote_actor)


# Part of every key: a change to how actors are built or stored changes it.
ACTOR_CACHE_VERSION = "2"


def actor_key(analysis: Analysis, rules: ActorRules) -> str:
    """A digest of everything the actors are made from: the entities, the
    quotes with their speakers, and the user's actor rules.  (The text of an
    article never changes once imported.)"""
    parts = (
        ACTOR_CACHE_VERSION,
        [(e.start, e.end, e.label) for e in analysis.entities],
        [
            (q.start, q.end, q.type, q.speaker_name, q.resolved,
             (q.speaker_mention.start, q.speaker_mention.end) if q.speaker_mention else None,
             (q.cue.start, q.cue.end) if q.cue else None)
            for q in analysis.quotes
        ],
        sorted(rules.aliases.items()),
        sorted(rules.types.items()),
        sorted(rules.splits),
    )
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def _dumps(result: ActorResult) -> str:
    return json.dumps({
        "actors": [
            [a.name, a.type, a.aliases, [[m.start, m.end, m.kind] for m in a.mentions],
             a.quote_count, a.id, a.gender, a.gender_evidence]
            for a in result.actors
        ],
        "labels": [e.label for e in result.entities],
        "quote_actor": result.quote_actor,
    }, ensure_ascii=False, separators=(",", ":"))


def _loads(stored: str, entities: list[Entity]) -> tuple[ActorResult | None, bool]:
    """The kept result (None if it does not fit the entities), and whether it
    was kept before actors had a gender (its actors then have six fields)."""
    data = json.loads(stored)
    labels = data["labels"]
    if len(labels) != len(entities):
        return None, False
    actors = [
        Actor(name, kind, aliases, [Mention(*m) for m in mentions], quotes, number, *more)
        for name, kind, aliases, mentions, quotes, number, *more in data["actors"]
    ]
    fixed = [
        e if e.label == label else replace(e, label=label)
        for e, label in zip(entities, labels, strict=True)
    ]
    legacy = any(len(a) == 6 for a in data["actors"])
    return ActorResult(actors, fixed, data["quote_actor"]), legacy


def refresh_actor_summaries(article_ids: list[int], cancelled: Callable[[], bool] | None = None) -> None:
    """Make the actor summaries of articles again (after a rule changed).
    ``cancelled()`` is asked between articles (the app is quitting): those
    done are kept, and what is left is picked up by the next refresh."""
    rules = actor_rules()
    for article_id in article_ids:
        if cancelled is not None and cancelled():
            return
        article_view(article_id, rules=rules)


def refresh_for_rules(rules: list[ActorRule]) -> None:
    """After actor rules changed: make again the summaries of the articles
    that mention the names involved."""
    names = {r.name for r in rules} | {r.value for r in rules if r.kind not in (TYPE, GENDER)}
    refresh_actor_summaries(analysed_articles_mentioning(names))


def refresh_for_rules_in_worker(rules: list[ActorRule]) -> None:
    """``refresh_for_rules`` in a worker thread, on its own connection."""
    with worker_connection():
        refresh_for_rules(rules)


def ensure_actor_summaries(analysed: list[int], cancelled: Callable[[], bool] | None = None) -> None:
    refresh_actor_summaries(articles_without_actor_summary(analysed), cancelled)
