"""Analysing stored articles and keeping the result."""
from __future__ import annotations

from desktop.core.model import Analysis
from desktop.nlp.pipeline import analyze_texts
from desktop.store.analyses import save_analysis


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
