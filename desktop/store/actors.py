"""Actor corrections (rules) and each article's actors kept for library views."""
from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.core.corrections import ALIAS as ALIAS
from desktop.core.corrections import GENDER as GENDER
from desktop.core.corrections import SPLIT as SPLIT
from desktop.core.corrections import TYPE as TYPE
from desktop.core.corrections import ActorRule
from desktop.core.model import ACTOR_TYPES, MENTION_NAME, Actor, Quote
from desktop.store.articles import now
from desktop.store.models import ActorRuleRow, ArticleRow, db


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
            'INSERT INTO article_quote (article_id, "start", "end", type, content, cue,'
            " speaker, actor, actor_type, gender) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",  # both engines speak this (not SQLite's INSERT OR ...)
            rows,
        )


def articles_without_actor_summary(analysed: list[int]) -> list[int]:
    """Those of the analysed articles that have no actor summary yet.  An
    article whose actors were made and are none (its cached result lists no
    actor) needs none: it is not asked about again on every refresh."""
    if len(analysed) > 500:  # the whole library, usually: one query over it
        missing = {r[0] for r in db.execute_sql(f"SELECT n.article_id FROM analysis n WHERE {_NO_SUMMARY}")}
        return [i for i in analysed if i in missing]
    marks = ", ".join("?" * len(analysed))
    missing = {r[0] for r in db.execute_sql(
        f"SELECT n.article_id FROM analysis n WHERE n.article_id IN ({marks}) AND {_NO_SUMMARY}", analysed)}
    return [i for i in analysed if i in missing]


_NO_SUMMARY = (
    "NOT EXISTS (SELECT 1 FROM article_actor aa WHERE aa.article_id = n.article_id) "
    "AND NOT EXISTS (SELECT 1 FROM actor_cache c WHERE c.article_id = n.article_id "
    # The kept result lists no actor (services.view writes it compactly, with
    # "actors" first): a test both engines understand.
    """AND c.result LIKE '{"actors":[]%')"""
)


@dataclass(frozen=True, slots=True)
class LibraryActor:
    name: str
    type: str
    articles: int
    mentions: int
    quotes: int


def library_actors() -> list[LibraryActor]:
    """Actors across the library: one row per name, most mentioned first.

    Read from ``actor_total``, which triggers keep exact. A name is one
    actor whatever type single articles gave it ("Wikinews" an organisation
    in most, a person in a few): its type is the one of most of its
    mentions (ties: of more articles, then the first in ``ACTOR_TYPES``)."""
    rows = db.execute_sql("SELECT name, type, articles, mentions, quotes FROM actor_total WHERE articles > 0")
    return one_row_per_name([LibraryActor(n, k, a, int(m), int(q)) for n, k, a, m, q in rows])


def one_row_per_name(rows: list[LibraryActor]) -> list[LibraryActor]:
    """Rows of one name and several types summed into one row, with the
    type of most mentions; most mentioned first."""
    by_name: dict[str, list[LibraryActor]] = {}
    for row in rows:
        by_name.setdefault(row.name, []).append(row)
    out = []
    for name, same in by_name.items():
        kind = min(same, key=lambda r: (-r.mentions, -r.articles, _TYPE_ORDER.get(r.type, 9))).type
        out.append(LibraryActor(name, kind, sum(r.articles for r in same),
                                sum(r.mentions for r in same), sum(r.quotes for r in same)))
    out.sort(key=lambda a: (-a.mentions, a.name))
    return out


_TYPE_ORDER = {t: i for i, t in enumerate(ACTOR_TYPES)}


def articles_of_actor(name: str) -> list[tuple[int, str, str | None, int, int]]:
    """(article id, title, date, mentions, quotes) of the articles naming the actor."""
    # Plain SQL: peewee's rows doubled the time for 40,000 articles.
    return db.execute_sql(
        "SELECT aa.article_id, a.title, a.date, aa.mentions, aa.quotes FROM article_actor aa "
        "JOIN article a ON a.id = aa.article_id WHERE aa.name = ? ORDER BY aa.mentions DESC, a.date DESC",
        (name,)).fetchall()

def article_ids_of_actor(name: str) -> set[int]:
    """The articles naming the actor: what the Library's actor filter needs,
    read from ``article_actor_by_name`` alone (``articles_of_actor`` also
    reads each article's title and date: 40,000 of them cost ten times more)."""
    rows = db.execute_sql("SELECT article_id FROM article_actor WHERE name = ?", (name,))
    return {row[0] for row in rows}
