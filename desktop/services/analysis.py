"""Analysing stored articles and keeping the result."""
from __future__ import annotations

from collections.abc import Callable

from desktop.core.model import Analysis
from desktop.nlp.pipeline import analyze_text
from desktop.store.analyses import corrected_analysis, save_analysis
from desktop.store.articles import article_exists, get_article
from desktop.store.database import threads_can_write, worker_connection
from desktop.store.models import db


def keep_analysis(article_id: int, analysis: Analysis, text: str | None = None) -> None:
    """Save what the pipeline found, and the article's actor summary that
    the library views read."""
    if text is None:
        text = get_article(article_id).text
    keep_analyses([(article_id, text, analysis)])


def keep_analyses(items: list[tuple[int, str, Analysis]]) -> None:
    """Save analyses (article id, its text, what the pipeline found) and
    the articles' actor summaries, in one transaction.

    The actors are made from the analysis at hand with the user's
    corrections laid over it, the same spans reading them back would give:
    an import saves hundreds of articles, and reading back what was just
    written cost as much as writing it."""
    from desktop.services.view import actor_rules, article_view

    if not items:
        return
    with db.atomic():
        rules = actor_rules()
        for article_id, text, analysis in items:
            analysed_at = save_analysis(article_id, analysis)
            shown = corrected_analysis(article_id, text, analysis, analysed_at)
            article_view(article_id, shown, rules, text=text)


def analyze_one(model: str | None, text: str, cancelled: Callable[[], bool] | None = None) -> Analysis:
    """Load the pipeline (once per process) and analyse one text; for workers.
    ``cancelled()`` is asked between pieces of a long text (raising
    :class:`desktop.nlp.pieces.Cancelled`)."""
    from desktop.nlp.pipeline import load_pipeline

    return analyze_text(load_pipeline(model), text, cancelled)


def analyse_and_keep(model: str | None, article_id: int, text: str,
                     cancelled: Callable[[], bool] | None = None) -> Analysis | None:
    """Analyse an article and keep the result with its actors, all in the
    calling worker thread, so that showing it afterwards only reads what
    was stored (also when the article was deleted meanwhile: nothing is
    kept).  Only when the library lives in memory, where another thread
    would see another database, the analysis is returned for the thread
    that opened the library to keep.  When ``cancelled()`` says True (the
    app is quitting) the analysis stops with Cancelled and nothing is kept:
    the article stays unanalysed, for :func:`desktop.services.startup.resume_analysis`."""
    analysis = analyze_one(model, text, cancelled)
    if not threads_can_write():
        return analysis
    with worker_connection():
        if article_exists(article_id):
            keep_analysis(article_id, analysis, text)
    return None
