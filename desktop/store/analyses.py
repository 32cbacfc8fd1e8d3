"""Storing and reloading what the pipeline found, so reopening an article
never runs spaCy again.  The user's own spans (origin "user") survive a
re-analysis; the model's are replaced.

Saving and the reads of the import path are plain SQL: an import saves
hundreds of analyses, and building peewee queries and model instances for
them cost more than running the statements."""
from __future__ import annotations

from desktop.core.corrections import effective_entities, effective_quotes
from desktop.core.model import ORIGIN_MODEL, Analysis, Entity, Quote, Span
from desktop.store.articles import now
from desktop.store.models import AnalysisRow, ArticleRow, EntityRow, QuoteRow, RejectionRow, db
from desktop.store.rows import quote_from_row

_QUOTE_COLUMNS = ("start", "end", "type", "cue_start", "cue_end", "speaker_start", "speaker_end",
                  "speaker_name", "resolved", "origin")
_INSERT_QUOTE = "INSERT INTO quote (article_id, {}) VALUES (?{})".format(
    ", ".join(f'"{c}"' for c in _QUOTE_COLUMNS), ", ?" * len(_QUOTE_COLUMNS)
)
_INSERT_ENTITY = (
    'INSERT INTO entity (article_id, "start", "end", label, origin, model_name, model_version)'
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_SELECT_QUOTE = 'SELECT "start", "end", type, cue_start, cue_end, speaker_start, speaker_end,' \
    " speaker_name, resolved, origin, id FROM quote"


def save_analysis(article_id: int, analysis: Analysis) -> str:
    """Replace the model's spans of one article, in one transaction; return
    the time of the analysis as stored (it decides which entity rules apply)."""
    analysed_at = now()
    with db.atomic():
        # Plain executemany: building peewee's multi-row INSERT statements
        # cost more than running them (a long article has 10,000 entities).
        cursor = db.cursor()
        cursor.execute("DELETE FROM entity WHERE article_id = ? AND origin = ?", (article_id, ORIGIN_MODEL))
        cursor.execute("DELETE FROM quote WHERE article_id = ? AND origin = ?", (article_id, ORIGIN_MODEL))
        name, version = analysis.model_name, analysis.model_version
        cursor.executemany(_INSERT_ENTITY, [
            (article_id, e.start, e.end, e.label, e.origin, name, version)
            for e in analysis.entities
            if e.origin == ORIGIN_MODEL
        ])
        cursor.executemany(_INSERT_QUOTE, [
            (article_id, q.start, q.end, q.type,
             q.cue.start if q.cue else None, q.cue.end if q.cue else None,
             q.speaker_mention.start if q.speaker_mention else None,
             q.speaker_mention.end if q.speaker_mention else None,
             q.speaker_name, q.resolved, q.origin)
            for q in analysis.quotes
            if q.origin == ORIGIN_MODEL
        ])
        cursor.execute(
            # An upsert both engines speak (SQLite's INSERT OR REPLACE is its own).
            "INSERT INTO analysis (article_id, model_name, model_version, analysed_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET model_name = excluded.model_name,"
            " model_version = excluded.model_version, analysed_at = excluded.analysed_at",
            (article_id, name, version, analysed_at),
        )
    return analysed_at


def rejected_spans(article_id: int, kind: str) -> set[tuple[int, int]]:
    query = RejectionRow.select(RejectionRow.start, RejectionRow.end).where(
        (RejectionRow.article == article_id) & (RejectionRow.kind == kind)
    )
    return {(r.start, r.end) for r in query}


def is_analysed(article_id: int) -> bool:
    return AnalysisRow.select().where(AnalysisRow.article == article_id).exists()


def analysed_among(article_ids: list[int]) -> set[int]:
    """Those of the articles that were analysed (one query per 500 ids)."""
    found: set[int] = set()
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = db.execute_sql(f"SELECT article_id FROM analysis WHERE article_id IN ({marks})", chunk)
        found.update(r[0] for r in rows)
    return found


def unanalysed_ids() -> list[int]:
    """The articles never analysed (an analysis interrupted by a crash leaves
    some), oldest first."""
    rows = db.execute_sql(
        "SELECT id FROM article WHERE id NOT IN (SELECT article_id FROM analysis) ORDER BY id"
    )
    return [r[0] for r in rows]


def load_analysis(article_id: int) -> Analysis | None:
    """The spans of an analysed article as the user sees them (the model's
    output with the user's corrections and rules applied), or None if the
    article was never analysed."""
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
    model = Analysis(
        [e for e in stored if e.origin == ORIGIN_MODEL],
        [q for q in quotes if q.origin == ORIGIN_MODEL],
        meta.model_name,
        meta.model_version,
    )
    user_entities = [e for e in stored if e.origin != ORIGIN_MODEL]
    user_quotes = [q for q in quotes if q.origin != ORIGIN_MODEL]
    return _corrected(article_id, text, model, user_entities, user_quotes, meta.analysed_at)


def corrected_analysis(article_id: int, text: str, analysis: Analysis, analysed_at: str) -> Analysis:
    """What :func:`load_analysis` returns right after ``save_analysis(article_id,
    analysis)`` returned ``analysed_at``, made from the analysis at hand
    instead of reading the model's spans back: only the user's spans,
    rejections and rules are read.  (Ids of the model's spans are not set.)"""
    model = Analysis(
        [e for e in analysis.entities if e.origin == ORIGIN_MODEL],
        [_as_stored(q) for q in analysis.quotes if q.origin == ORIGIN_MODEL],
        analysis.model_name,
        analysis.model_version,
    )
    user_entities = [
        Entity(start, end, label, origin, entity_id)
        for start, end, label, origin, entity_id in db.execute_sql(
            'SELECT "start", "end", label, origin, id FROM entity'
            ' WHERE article_id = ? AND origin != ? ORDER BY "start", "end"',
            (article_id, ORIGIN_MODEL),
        )
    ]
    user_quotes = [
        _quote_from_tuple(r)
        for r in db.execute_sql(
            _SELECT_QUOTE + ' WHERE article_id = ? AND origin != ? ORDER BY "start"',
            (article_id, ORIGIN_MODEL),
        )
    ]
    return _corrected(article_id, text, model, user_entities, user_quotes, analysed_at)


def _corrected(article_id: int, text: str, model: Analysis, user_entities: list[Entity],
               user_quotes: list[Quote], analysed_at: str) -> Analysis:
    from desktop.store.corrections import rules_for

    rejected: dict[str, set[tuple[int, int]]] = {"entity": set(), "quote": set()}
    for kind, start, end in db.execute_sql(
        'SELECT kind, "start", "end" FROM rejection WHERE article_id = ?', (article_id,)
    ):
        rejected.setdefault(kind, set()).add((start, end))
    entities = effective_entities(
        text, model.entities, user_entities, rejected["entity"], rules_for(article_id, analysed_at)
    )
    quotes = effective_quotes(model.quotes, user_quotes, rejected["quote"])
    return Analysis(entities, quotes, model.model_name, model.model_version)


def _as_stored(q: Quote) -> Quote:
    """A quote as reading it back gives it: the labels of its cue and
    speaker mention are not stored."""
    cue, speaker = q.cue, q.speaker_mention
    return Quote(
        q.start, q.end, q.type,
        Span(cue.start, cue.end, "cue") if cue is not None else None,
        Span(speaker.start, speaker.end, "speaker") if speaker is not None else None,
        q.speaker_name, bool(q.resolved), q.origin, q.id,
    )


def _quote_from_tuple(row: tuple) -> Quote:
    start, end, kind, cue_start, cue_end, speaker_start, speaker_end, name, resolved, origin, quote_id = row
    cue = Span(cue_start, cue_end, "cue") if cue_start is not None else None
    speaker = Span(speaker_start, speaker_end, "speaker") if speaker_start is not None else None
    return Quote(start, end, kind, cue, speaker, name, bool(resolved), origin, quote_id)


def analysed_ids() -> list[int]:
    # A plain query: peewee rows cost 0.3 s at 100,000 articles.
    return [r[0] for r in db.execute_sql("SELECT article_id FROM analysis")]


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
        "INSERT INTO actor_cache (article_id, key, result) VALUES (?, ?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET key = excluded.key, result = excluded.result",
        (article_id, key, result),
    )
