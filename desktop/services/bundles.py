"""Gathering everything known of an article into one ArticleBundle."""
from __future__ import annotations

from dataclasses import replace

from desktop.core.anchoring import Anchorer, quote_of
from desktop.core.errors import InputError
from desktop.core.model import ORIGIN_MODEL, Analysis, Annotation, ArticleBundle, Span, Tag
from desktop.services.view import article_view
from desktop.store.analyses import load_analysis, save_analysis
from desktop.store.annotations import add_annotation, list_annotations
from desktop.store.articles import get_article
from desktop.store.corrections import add_user_entity, add_user_quote
from desktop.store.tags import create_tag, list_tags


def load_bundle(article_id: int) -> ArticleBundle:
    """The article with its spans as the user sees them, its actors, and
    the user's highlights and codebook."""
    article = get_article(article_id)
    stored = load_analysis(article_id)
    view = article_view(article_id, analysis=stored, text=article.text) if stored else None
    analysis = view.analysis if view else Analysis()
    labels = [e.label for e in stored.entities] if stored else []
    return ArticleBundle(
        article=article,
        analysis=analysis,
        actors=view.actors if view else [],
        quote_actor=view.quote_actor if view else [],
        annotations=list_annotations(article_id),
        tags=list_tags(),
        stored_labels=labels if len(labels) == len(analysis.entities) else [],
    )


def restore_bundle(article_id: int, bundle: ArticleBundle) -> None:
    """Store what a Byline export holds for a newly imported article: the
    model's spans as its analysis, the user's entities and quotes as
    corrections, the codebook's missing tags, and the highlights with
    their notes.  Runs inside the caller's transaction.

    When the stored text differs from the export's (CRLF, trailing spaces,
    another Unicode form), every span is found again by its text and
    context; InputError names the first of the user's spans that cannot
    be, so nothing is dropped silently.  The model's spans are kept only if
    all of them are found (else the article is analysed again)."""
    if len(bundle.stored_labels) == len(bundle.analysis.entities):
        # Stored as they were stored, so the view (which relabels entities by
        # their actors' types) shows the labels the export showed.
        entities = [replace(e, label=label) for e, label in zip(bundle.analysis.entities, bundle.stored_labels,
                                                                 strict=True)]
        bundle = replace(bundle, analysis=replace(bundle.analysis, entities=entities), stored_labels=[])
    stored = get_article(article_id).text
    if stored != bundle.article.text:
        bundle = reanchored(bundle, stored)
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
    # A hand-made export may tag highlights without listing the tags: make them.
    named = {t.name.casefold() for t in bundle.tags}
    extra = [Tag(n) for a in bundle.annotations for n in a.tags if n.casefold() not in named]
    add_missing_tags([*bundle.tags, *extra])
    for annotation in bundle.annotations:
        add_annotation(article_id, replace(annotation, id=None))


def add_missing_tags(tags: list[Tag]) -> None:
    """Add to the codebook the tags it lacks (by name, ignoring case),
    parents before children."""
    known = {t.name.casefold() for t in list_tags()}
    pending: list[Tag] = []
    for tag in tags:  # each name once, the first one given
        if tag.name.casefold() not in known and all(t.name.casefold() != tag.name.casefold() for t in pending):
            pending.append(tag)
    while pending:
        ready = [t for t in pending if not t.parent or t.parent.casefold() in known]
        for tag in ready or pending[:1]:
            parent = tag.parent if tag.parent and tag.parent.casefold() in known else None
            create_tag(replace(tag, id=None, parent=parent))
            known.add(tag.name.casefold())
            pending.remove(tag)


def reanchored(bundle: ArticleBundle, text: str) -> ArticleBundle:
    """The bundle with its spans moved onto ``text`` (see ``restore_bundle``)."""
    old = bundle.article.text
    anchor = Anchorer(text)

    def moved(start: int, end: int) -> tuple[int, int] | None:
        return anchor.find(quote_of(old, start, end), start / max(1, len(old)))

    def span(s: Span | None, what: str, strict: bool) -> Span | None:
        if s is None:
            return None
        place = moved(s.start, s.end)
        if place is None:
            if strict:
                raise _lost(what, old[s.start:s.end])
            raise _ModelLost
        return Span(*place, s.label)

    def entity_or_quote(item, what: str, strict: bool):  # type: ignore[no-untyped-def]
        place = moved(item.start, item.end)
        if place is None:
            if strict:
                raise _lost(what, old[item.start:item.end])
            raise _ModelLost
        changes: dict[str, object] = {"start": place[0], "end": place[1]}
        if hasattr(item, "cue"):
            changes["cue"] = span(item.cue, f"the cue of {what}", strict)
            changes["speaker_mention"] = span(item.speaker_mention, f"the speaker of {what}", strict)
        return replace(item, **changes)

    user_entities = [entity_or_quote(e, f"the corrected entity '{old[e.start:e.end]}'", True)
                     for e in bundle.analysis.entities if e.origin != ORIGIN_MODEL]
    user_quotes = [entity_or_quote(q, "a quote marked by hand", True)
                   for q in bundle.analysis.quotes if q.origin != ORIGIN_MODEL]
    annotations: list[Annotation] = []
    for a in bundle.annotations:
        place = moved(a.start, a.end)
        if place is None:
            raise _lost("the highlight" + (" with a note" if a.note else ""), old[a.start:a.end])
        annotations.append(replace(a, start=place[0], end=place[1]))
    try:
        model_entities = [entity_or_quote(e, "", False)
                          for e in bundle.analysis.entities if e.origin == ORIGIN_MODEL]
        model_quotes = [entity_or_quote(q, "", False)
                        for q in bundle.analysis.quotes if q.origin == ORIGIN_MODEL]
        analysis = replace(bundle.analysis, entities=model_entities + user_entities,
                           quotes=model_quotes + user_quotes)
    except _ModelLost:
        analysis = Analysis(user_entities, user_quotes)
    return replace(bundle, article=replace(bundle.article, text=text), analysis=analysis,
                   actors=[], quote_actor=[], annotations=annotations)


class _ModelLost(Exception):
    """A model span is not in the stored text: the model's analysis is redone."""


def _lost(what: str, covered: str) -> InputError:
    shown = covered if len(covered) <= 60 else covered[:57] + "…"
    return InputError(
        f"{what} on '{shown}' cannot be found in the article's text, which differs from the "
        "export's; nothing of the file was imported."
    )
