"""Gathering everything known of an article into one ArticleBundle."""
from __future__ import annotations

from desktop.core.model import Analysis, ArticleBundle
from desktop.store.analyses import load_analysis
from desktop.store.articles import get_article


def load_bundle(article_id: int) -> ArticleBundle:
    """The article with its spans as the user sees them."""
    article = get_article(article_id)
    analysis = load_analysis(article_id) or Analysis()
    return ArticleBundle(article=article, analysis=analysis, quote_actor=[None] * len(analysis.quotes))
