"""Analysing stored articles and keeping the result."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core.model import Analysis
from desktop.nlp.pipeline import analyze_texts
from desktop.store.analyses import load_analysis, save_analysis
from desktop.store.articles import get_article

if TYPE_CHECKING:
    from spacy.language import Language


def keep_analysis(article_id: int, analysis: Analysis) -> None:
    """Save what the pipeline found, and the article's actor summary that
    the library views read."""
    from desktop.services.view import article_view

    save_analysis(article_id, analysis)
    article_view(article_id)


def ensure_analysed(
    nlp_factory: Callable[[], Language], article_ids: list[int]
) -> dict[int, Analysis]:
    """Analyses for the articles: stored ones reused, the rest computed once
    with ``nlp.pipe`` and saved."""
    results: dict[int, Analysis] = {}
    todo = []
    for article_id in article_ids:
        stored = load_analysis(article_id)
        if stored is not None:
            results[article_id] = stored
        elif article_id not in todo:
            todo.append(article_id)
    if todo:
        nlp = nlp_factory()
        texts = [get_article(i).text for i in todo]
        for article_id, analysis in zip(todo, analyze_texts(nlp, texts), strict=True):
            keep_analysis(article_id, analysis)
            results[article_id] = load_analysis(article_id) or analysis
    return results


def analyze_one(model: str | None, text: str) -> Analysis:
    """Load the pipeline (once per process) and analyse one text; for workers."""
    from desktop.nlp.pipeline import load_pipeline

    return next(analyze_texts(load_pipeline(model), [text]))


def reanalyse_articles(model: str | None, article_ids: list[int], report: Callable[[int, int], None]) -> int:
    """Run the pipeline again on the articles, in batches, saving each;
    the user's corrections are kept (they live apart from the model's spans)."""
    from desktop.nlp.pipeline import load_pipeline

    nlp = load_pipeline(model)
    total = len(article_ids)
    report(0, total)
    done = 0
    for start in range(0, total, 16):
        batch = article_ids[start:start + 16]
        texts = [get_article(i).text for i in batch]
        for article_id, analysis in zip(batch, analyze_texts(nlp, texts), strict=True):
            keep_analysis(article_id, analysis)
        done += len(batch)
        report(done, total)
    return done
