"""Analysing stored articles and keeping the result."""
from __future__ import annotations

from desktop.core.model import Analysis
from desktop.nlp.pipeline import analyze_texts
from desktop.store.analyses import save_analysis
from desktop.store.articles import article_exists
from desktop.store.database import threads_can_write, worker_connection


def keep_analysis(article_id: int, analysis: Analysis) -> None:
    """Save what the pipeline found, and the article's actor summary that
    the library views read."""
    from desktop.services.view import article_view

    save_analysis(article_id, analysis)
    article_view(article_id)


def analyze_one(model: str | None, text: str) -> Analysis:
    """Load the pipeline (once per process) and analyse one text; for workers."""
    from desktop.nlp.pipeline import load_pipeline

    return next(analyze_texts(load_pipeline(model), [text]))


def analyse_and_keep(model: str | None, article_id: int, text: str) -> Analysis | None:
    """Analyse an article and keep the result with its actors, all in the
    calling worker thread, so that showing it afterwards only reads what
    was stored (also when the article was deleted meanwhile: nothing is
    kept).  Only when the library lives in memory, where another thread
    would see another database, the analysis is returned for the thread
    that opened the library to keep."""
    analysis = analyze_one(model, text)
    if not threads_can_write():
        return analysis
    with worker_connection():
        if article_exists(article_id):
            keep_analysis(article_id, analysis)
    return None
