"""Gathering everything known of an article into one ArticleBundle."""
from __future__ import annotations

from dataclasses import replace

from desktop.core.errors import InputError
from desktop.core.model import ORIGIN_MODEL, Analysis, ArticleBundle, Tag
from desktop.services.view import article_view
from desktop.store.analyses import save_analysis
from desktop.store.annotations import add_annotation, list_annotations
from desktop.store.articles import get_article
from desktop.store.corrections import add_user_entity, add_user_quote
from desktop.store.tags import create_tag, list_tags


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


def restore_bundle(article_id: int, bundle: ArticleBundle) -> None:
    """Store what a Byline export holds for a newly imported article: the
    model's spans as its analysis, the user's entities and quotes as
    corrections, the codebook's missing tags, and the highlights with
    their notes.  Runs inside the caller's transaction."""
    if get_article(article_id).text != bundle.article.text:
        raise InputError("the export's offsets do not fit its text; its spans were not restored.")
    analysis = bundle.analysis
    if analysis.entities or analysis.quotes or analysis.model_name:
        model = Analysis(
            [e for e in analysis.entities if e.origin == ORIGIN_MODEL],
            [q for q in analysis.quotes if q.origin == ORIGIN_MODEL],
            analysis.model_name or "imported",
            analysis.model_version or "",
        )
        save_analysis(article_id, model)
        for entity in analysis.entities:
            if entity.origin != ORIGIN_MODEL:
                add_user_entity(article_id, replace(entity, id=None))
        for quote in analysis.quotes:
            if quote.origin != ORIGIN_MODEL:
                add_user_quote(article_id, replace(quote, id=None))
    add_missing_tags(bundle.tags)
    for annotation in bundle.annotations:
        add_annotation(article_id, replace(annotation, id=None))


def add_missing_tags(tags: list[Tag]) -> None:
    """Add to the codebook the tags it lacks (by name, ignoring case),
    parents before children."""
    known = {t.name.casefold() for t in list_tags()}
    pending = [t for t in tags if t.name.casefold() not in known]
    while pending:
        ready = [t for t in pending if not t.parent or t.parent.casefold() in known]
        for tag in ready or pending[:1]:
            parent = tag.parent if tag.parent and tag.parent.casefold() in known else None
            create_tag(replace(tag, id=None, parent=parent))
            known.add(tag.name.casefold())
            pending.remove(tag)
