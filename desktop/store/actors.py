"""Actor corrections (rules) and each article's actors kept for library views."""
from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.core.model import MENTION_NAME, Actor, Quote
from desktop.store.articles import now
from desktop.store.models import ActorRuleRow, ArticleActorRow, ArticleRow, db

ALIAS, TYPE, SPLIT, GENDER = "alias", "type", "split", "gender"


@dataclass(frozen=True, slots=True)
class ActorRule:
    kind: str  # alias | type | split | gender
    name: str  # the alias or name the rule is about
    value: str  # the actor name (alias, split), the type, or the gender


def list_actor_rules() -> list[ActorRule]:
    query = ActorRuleRow.select().order_by(ActorRuleRow.id)
    return [ActorRule(r.kind, r.name, r.value) for r in query]


def replace_actor_rules(remove: list[ActorRule], add: list[ActorRule]) -> list[ActorRule]:
    """Remove some rules and add others in one transaction; an added alias
    or type rule replaces any rule of that kind on the same name.  Returns
    the rules it displaced, so that undo can put them back."""
    displaced: list[ActorRule] = []
    with db.atomic():
        for rule in remove:
            _delete(rule)
        for rule in add:
            if rule.kind in (ALIAS, TYPE, GENDER):
                same = (ActorRuleRow.kind == rule.kind) & (ActorRuleRow.name == rule.name)
                for row in ActorRuleRow.select().where(same):
                    displaced.append(ActorRule(row.kind, row.name, row.value))
                    row.delete_instance()
            ActorRuleRow.insert(
                kind=rule.kind, name=rule.name, value=rule.value, created=now()
            ).on_conflict_ignore().execute()
    return displaced


def gender_rules() -> dict[str, str]:
    """The user's gender corrections: actor name -> gender."""
    query = ActorRuleRow.select(ActorRuleRow.name, ActorRuleRow.value).where(ActorRuleRow.kind == GENDER)
    return {name: value for name, value in query.tuples()}


def analysed_articles_mentioning(names: set[str]) -> list[int]:
    """Analysed articles whose text holds any of the names: those whose
    actors a rule about these names can change."""
    from desktop.store.models import AnalysisRow

    if not names:
        return []
    condition = None
    for name in names:
        clause = ArticleRow.text.contains(name)
        condition = clause if condition is None else condition | clause
    query = (
        ArticleRow.select(ArticleRow.id)
        .join(AnalysisRow, on=(AnalysisRow.article == ArticleRow.id))
        .where(condition)
    )
    return [r.id for r in query]


def _delete(rule: ActorRule) -> None:
    ActorRuleRow.delete().where(
        (ActorRuleRow.kind == rule.kind) & (ActorRuleRow.name == rule.name) & (ActorRuleRow.value == rule.value)
    ).execute()


# the per-article summary ------------------------------------------------------
def store_article_actors(article_id: int, actors: list[Actor], quotes: list[Quote] | None = None,
                         quote_actor: list[int | None] | None = None, text: str = "") -> None:
    """Keep the article's actors (with the gender its evidence gives) and,
    when given, its quotes with their speaker's actor, for the library views."""
    # Plain executemany: every imported article saves its summary.
    rows = [
        (article_id, a.name, a.type, json.dumps(a.aliases, ensure_ascii=False),
         sum(1 for m in a.mentions if m.kind == MENTION_NAME), len(a.mentions), a.quote_count,
         a.gender, a.gender_evidence)
        for a in actors
    ]
    with db.atomic():
        cursor = db.cursor()
        cursor.execute("DELETE FROM article_actor WHERE article_id = ?", (article_id,))
        cursor.executemany(
            "INSERT INTO article_actor (article_id, name, type, aliases, named, mentions, quotes,"
            " gender, gender_evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        if quotes is None:
            return
        links = quote_actor or [None] * len(quotes)
        cursor.execute("DELETE FROM article_quote WHERE article_id = ?", (article_id,))
        rows = []
        for q, link in zip(quotes, links, strict=False):
            actor = actors[link] if link is not None and link < len(actors) else None
            speaker = q.speaker_name or (
                text[q.speaker_mention.start:q.speaker_mention.end] if q.speaker_mention else "")
            rows.append((article_id, q.start, q.end, q.type, text[q.start:q.end],
                         text[q.cue.start:q.cue.end] if q.cue else "", speaker,
                         actor.name if actor else None, actor.type if actor else "",
                         actor.gender if actor else ""))
        cursor.executemany(
            'INSERT OR REPLACE INTO article_quote (article_id, "start", "end", type, content, cue,'
            " speaker, actor, actor_type, gender) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def articles_without_actor_summary(analysed: list[int]) -> list[int]:
    have: set[int] = set()
    for start in range(0, len(analysed), 500):  # SQLite limits the parameters of a query
        chunk = analysed[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = db.execute_sql(
            f"SELECT DISTINCT article_id FROM article_actor WHERE article_id IN ({marks})", chunk
        )
        have.update(r[0] for r in rows)
    return [i for i in analysed if i not in have]


@dataclass(frozen=True, slots=True)
class LibraryActor:
    name: str
    type: str
    articles: int
    mentions: int
    quotes: int


def library_actors() -> list[LibraryActor]:
    """Actors across the library: one row per name and type."""
    from peewee import fn

    query = (
        ArticleActorRow.select(
            ArticleActorRow.name,
            ArticleActorRow.type,
            fn.COUNT(ArticleActorRow.article).alias("articles"),
            fn.SUM(ArticleActorRow.mentions).alias("mentions"),
            fn.SUM(ArticleActorRow.quotes).alias("quotes"),
        )
        .group_by(ArticleActorRow.name, ArticleActorRow.type)
        .order_by(fn.SUM(ArticleActorRow.mentions).desc(), ArticleActorRow.name)
    )
    return [LibraryActor(r.name, r.type, r.articles, int(r.mentions), int(r.quotes)) for r in query]


def articles_of_actor(name: str) -> list[tuple[int, str, str | None, int, int]]:
    """(article id, title, date, mentions, quotes) of the articles naming the actor."""
    query = (
        ArticleActorRow.select(ArticleActorRow.article, ArticleRow.title, ArticleRow.date,
                               ArticleActorRow.mentions, ArticleActorRow.quotes)
        .join(ArticleRow)
        .where(ArticleActorRow.name == name)
        .order_by(ArticleActorRow.mentions.desc(), ArticleRow.date.desc())
        .tuples()
    )
    return list(query)
