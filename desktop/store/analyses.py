"""Storing and reloading what the pipeline found, so reopening an article
never runs spaCy again.  The user's own spans (origin "user") survive a
re-analysis; the model's are replaced."""
from __future__ import annotations

from desktop.core.corrections import effective_entities, effective_quotes
from desktop.core.model import ORIGIN_MODEL, Analysis, Entity
from desktop.store.articles import now
from desktop.store.models import AnalysisRow, ArticleRow, EntityRow, QuoteRow, RejectionRow, db
from desktop.store.rows import quote_fields, quote_from_row


_QUOTE_COLUMNS = ("start", "end", "type", "cue_start", "cue_end", "speaker_start", "speaker_end",
                  "speaker_name", "resolved", "origin")
_INSERT_QUOTE = "INSERT INTO quote (article_id, {}) VALUES (?{})".format(
    ", ".join(f'"{c}"' for c in _QUOTE_COLUMNS), ", ?" * len(_QUOTE_COLUMNS)
)


def save_analysis(article_id: int, analysis: Analysis) -> None:
    """Replace the model's spans of one article, in one transaction."""
    with db.atomic():
        EntityRow.delete().where(
            (EntityRow.article == article_id) & (EntityRow.origin == ORIGIN_MODEL)
        ).execute()
        QuoteRow.delete().where(
            (QuoteRow.article == article_id) & (QuoteRow.origin == ORIGIN_MODEL)
        ).execute()
        # Plain executemany: building peewee's multi-row INSERT statements
        # cost more than running them (a long article has 10,000 entities).
        cursor = db.cursor()
        cursor.executemany(
            'INSERT INTO entity (article_id, "start", "end", label, origin, model_name,'
            " model_version) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, e.start, e.end, e.label, e.origin,
                 analysis.model_name, analysis.model_version)
                for e in analysis.entities
                if e.origin == ORIGIN_MODEL
            ],
        )
        cursor.executemany(
            _INSERT_QUOTE,
            [
                (article_id, *(row[c] for c in _QUOTE_COLUMNS))
                for row in (
                    quote_fields(article_id, q) for q in analysis.quotes if q.origin == ORIGIN_MODEL
                )
            ],
        )
        AnalysisRow.replace(
            article=article_id,
            model_name=analysis.model_name,
            model_version=analysis.model_version,
            analysed_at=now(),
        ).execute()


def rejected_spans(article_id: int, kind: str) -> set[tuple[int, int]]:
    query = RejectionRow.select(RejectionRow.start, RejectionRow.end).where(
        (RejectionRow.article == article_id) & (RejectionRow.kind == kind)
    )
    return {(r.start, r.end) for r in query}


def is_analysed(article_id: int) -> bool:
    return AnalysisRow.select().where(AnalysisRow.article == article_id).exists()


def load_analysis(article_id: int) -> Analysis | None:
    """The spans of an analysed article as the user sees them (the model's
    output with the user's corrections and rules applied), or None if the
    article was never analysed."""
    from desktop.store.corrections import rules_for

    meta = AnalysisRow.get_or_none(AnalysisRow.article == article_id)
    if meta is None:
        return None
    # Plain tuples, not model instances: a long article has 10,000 entities.
    stored = [
        Entity(start, end, label, origin, entity_id)
        for start, end, label, origin, entity_id in EntityRow.select(
            EntityRow.start, EntityRow.end, EntityRow.label, EntityRow.origin, EntityRow.id
        ).where(EntityRow.article == article_id).order_by(EntityRow.start, EntityRow.end).tuples()
    ]
    quotes = [
        quote_from_row(r)
        for r in QuoteRow.select()
        .where(QuoteRow.article == article_id)
        .order_by(QuoteRow.start)
        .namedtuples()
    ]
    text = ArticleRow.get_by_id(article_id).text
    entities = effective_entities(
        text,
        [e for e in stored if e.origin == ORIGIN_MODEL],
        [e for e in stored if e.origin != ORIGIN_MODEL],
        rejected_spans(article_id, "entity"),
        rules_for(article_id, meta.analysed_at),
    )
    quotes = effective_quotes(
        [q for q in quotes if q.origin == ORIGIN_MODEL],
        [q for q in quotes if q.origin != ORIGIN_MODEL],
        rejected_spans(article_id, "quote"),
    )
    return Analysis(entities, quotes, meta.model_name, meta.model_version)


def analysed_ids() -> list[int]:
    return [r.article_id for r in AnalysisRow.select(AnalysisRow.article)]


# the actors made from an article's spans, kept so that opening it does not
# make them again ------------------------------------------------------------
def cached_actors(article_id: int, key: str) -> str | None:
    """The actors stored for the article under ``key`` (JSON), or None."""
    row = db.execute_sql(
        "SELECT result FROM actor_cache WHERE article_id = ? AND key = ?", (article_id, key)
    ).fetchone()
    return row[0] if row else None


def cache_actors(article_id: int, key: str, result: str) -> None:
    db.execute_sql(
        "INSERT OR REPLACE INTO actor_cache (article_id, key, result) VALUES (?, ?, ?)",
        (article_id, key, result),
    )
