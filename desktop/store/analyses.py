"""Storing and reloading what the pipeline found, so reopening an article
never runs spaCy again.  The user's own spans (origin "user") survive a
re-analysis; the model's are replaced."""
from __future__ import annotations

from desktop.core.model import ORIGIN_MODEL, Analysis, Entity, Quote, Span
from desktop.store.articles import now
from desktop.store.models import AnalysisRow, EntityRow, QuoteRow, db


def save_analysis(article_id: int, analysis: Analysis) -> None:
    """Replace the model's spans of one article, in one transaction."""
    with db.atomic():
        EntityRow.delete().where(
            (EntityRow.article == article_id) & (EntityRow.origin == ORIGIN_MODEL)
        ).execute()
        QuoteRow.delete().where(
            (QuoteRow.article == article_id) & (QuoteRow.origin == ORIGIN_MODEL)
        ).execute()
        entity_rows = [
            {
                "article": article_id,
                "start": e.start,
                "end": e.end,
                "label": e.label,
                "origin": e.origin,
                "model_name": analysis.model_name,
                "model_version": analysis.model_version,
            }
            for e in analysis.entities
            if e.origin == ORIGIN_MODEL
        ]
        for batch in range(0, len(entity_rows), 500):
            EntityRow.insert_many(entity_rows[batch : batch + 500]).execute()
        quote_rows = [_quote_row(article_id, q) for q in analysis.quotes if q.origin == ORIGIN_MODEL]
        for batch in range(0, len(quote_rows), 500):
            QuoteRow.insert_many(quote_rows[batch : batch + 500]).execute()
        AnalysisRow.replace(
            article=article_id,
            model_name=analysis.model_name,
            model_version=analysis.model_version,
            analysed_at=now(),
        ).execute()


def is_analysed(article_id: int) -> bool:
    return AnalysisRow.select().where(AnalysisRow.article == article_id).exists()


def load_analysis(article_id: int) -> Analysis | None:
    """The stored spans of an analysed article, or None if never analysed."""
    meta = AnalysisRow.get_or_none(AnalysisRow.article == article_id)
    if meta is None:
        return None
    entities = [
        Entity(r.start, r.end, r.label, r.origin, r.id)
        for r in EntityRow.select()
        .where(EntityRow.article == article_id)
        .order_by(EntityRow.start, EntityRow.end)
    ]
    quotes = [
        _quote(r)
        for r in QuoteRow.select().where(QuoteRow.article == article_id).order_by(QuoteRow.start)
    ]
    return Analysis(entities, quotes, meta.model_name, meta.model_version)


def _quote_row(article_id: int, q: Quote) -> dict:
    return {
        "article": article_id,
        "start": q.start,
        "end": q.end,
        "type": q.type,
        "cue_start": q.cue.start if q.cue else None,
        "cue_end": q.cue.end if q.cue else None,
        "speaker_start": q.speaker_mention.start if q.speaker_mention else None,
        "speaker_end": q.speaker_mention.end if q.speaker_mention else None,
        "speaker_name": q.speaker_name,
        "resolved": q.resolved,
        "origin": q.origin,
    }


def _quote(r: QuoteRow) -> Quote:
    cue = Span(r.cue_start, r.cue_end, "cue") if r.cue_start is not None else None
    speaker = (
        Span(r.speaker_start, r.speaker_end, "speaker") if r.speaker_start is not None else None
    )
    return Quote(r.start, r.end, r.type, cue, speaker, r.speaker_name, bool(r.resolved), r.origin, r.id)
