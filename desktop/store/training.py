"""Reading the user's entity corrections out of the library, as the
training data of :mod:`desktop.core.training`."""
from __future__ import annotations

import random

from desktop.core.model import ORIGIN_MODEL
from desktop.core.training import ArticleEntities, changed_regions
from desktop.store.analyses import load_analysis
from desktop.store.corrections import analysed_articles_containing
from desktop.store.models import db


def candidate_articles() -> list[int]:
    """Analysed articles the user may have corrected: those with entities of
    their own or rejected model entities, and those a rule's text stands in."""
    rows = db.execute_sql(
        "SELECT DISTINCT e.article_id FROM entity e JOIN analysis a ON a.article_id = e.article_id"
        " WHERE e.origin != ?"
        " UNION SELECT DISTINCT r.article_id FROM rejection r JOIN analysis a ON a.article_id = r.article_id"
        " WHERE r.kind = 'entity'",
        (ORIGIN_MODEL,),
    )
    found = {r[0] for r in rows}
    for (text,) in db.execute_sql("SELECT text FROM entity_rule"):
        found.update(analysed_articles_containing(text))
    return sorted(found)


def article_entities(article_id: int) -> ArticleEntities | None:
    """The article's text, its model entities and its entities as shown."""
    shown = load_analysis(article_id)
    if shown is None:
        return None
    text = db.execute_sql("SELECT text FROM article WHERE id = ?", (article_id,)).fetchone()[0]
    model = [
        (start, end, label)
        for start, end, label in db.execute_sql(
            'SELECT "start", "end", label FROM entity WHERE article_id = ? AND origin = ?'
            ' ORDER BY "start", "end"',
            (article_id, ORIGIN_MODEL),
        )
    ]
    return ArticleEntities(article_id, text, model, [(e.start, e.end, e.label) for e in shown.entities])


def corrected_articles() -> list[ArticleEntities]:
    """Every analysed article where the entities shown differ from the model's."""
    out = []
    for article_id in candidate_articles():
        item = article_entities(article_id)
        if item is not None and changed_regions(item.model, item.shown):
            out.append(item)
    return out


def uncorrected_sample(exclude: set[int], limit: int, seed: int = 0) -> list[ArticleEntities]:
    """Up to ``limit`` analysed articles outside ``exclude``, chosen at random
    (the same ones for the same seed): text for rehearsal."""
    ids = [r[0] for r in db.execute_sql("SELECT article_id FROM analysis ORDER BY article_id")]
    ids = [i for i in ids if i not in exclude]
    random.Random(seed).shuffle(ids)
    out = []
    for article_id in ids[:limit]:
        item = article_entities(article_id)
        if item is not None:
            out.append(item)
    return out
