"""Gathering everything known of an article into one ArticleBundle."""
from __future__ import annotations

from desktop.core.model import Analysis, ArticleBundle
from desktop.services.view import article_view
from desktop.store.annotations import list_annotations
from desktop.store.articles import get_article
from desktop.store.tags import list_tags


def load_bundle(article_id: int) -> ArticleBundle:
    """The article with its spans as the user sees them, its actors, and
    the user's highlights and codebook."""
    article = get_article(article_id)
    view = article_view(article_id)
    analysis = view.analysis if view else Analysis()
    return ArticleBundle(
        article=article,
        analysis=analysis,
        actors=view.actors if view else [],
        quote_actor=view.quote_actor if view else [],
        annotations=list_annotations(article_id),
        tags=list_tags(),
    )
