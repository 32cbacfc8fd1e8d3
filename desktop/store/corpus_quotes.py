"""Every quote of the library (or of a scope), with its speaker's actor,
the actor's type and gender, and its article: the All quotes view, the
report and their CSV files read this.

Reads the ``article_quote`` and ``article_actor`` summaries, which every
analysis keeps; the user's gender rules are applied here, as it reads, so a
correction shows everywhere at once.  A person's gender is the one its
article's evidence gives (see ``desktop.nlp.gender``), unless corrected.
"""
from __future__ import annotations

from desktop.core.corpus import ALL_QUOTES, CorpusQuote, QuoteFilter
from desktop.store.corpus_scope import scope_clause
from desktop.store.models import db

GENDER_SQL = (
    "CASE WHEN aa.type = 'person' THEN COALESCE(gr.value, NULLIF(aa.gender, ''), 'unknown')"
    " ELSE '' END"
)
_FROM = """
    FROM article_quote q
    JOIN article a ON a.id = q.article_id
    LEFT JOIN article_actor aa ON aa.article_id = q.article_id AND aa.name = q.actor
    LEFT JOIN actor_rule gr ON gr.kind = 'gender' AND gr.name = q.actor
"""
_COLUMNS = f"""q.article_id, q."start", q."end", q.type, q.content, q.cue, q.speaker,
    q.actor, COALESCE(aa.type, ''), {GENDER_SQL}, a.title, a.date, a.source,
    CASE WHEN aa.type != 'person' THEN '' WHEN gr.value IS NOT NULL
         THEN 'set by you (a correction for the whole library)' ELSE COALESCE(aa.gender_evidence, '') END"""
SORT_KEYS = {
    "date": "a.date DESC, q.article_id, q.\"start\"",
    "speaker": "COALESCE(q.actor, q.speaker) COLLATE NOCASE, a.date DESC, q.\"start\"",
    "article": "a.title COLLATE NOCASE, q.\"start\"",
    "type": "q.type, a.date DESC, q.\"start\"",
}


def _where(f: QuoteFilter) -> tuple[str, list[object]]:
    clause, params = scope_clause(f.scope)
    parts = [clause]
    if f.search.strip():
        like = "%" + f.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        parts.append("(q.content LIKE ? ESCAPE '\\' OR q.speaker LIKE ? ESCAPE '\\'"
                     " OR q.actor LIKE ? ESCAPE '\\' OR q.cue LIKE ? ESCAPE '\\')")
        params += [like] * 4
    if f.speaker:
        parts.append("q.actor = ?")
        params.append(f.speaker)
    if f.actor_type:
        parts.append("aa.type = ?")
        params.append(f.actor_type)
    if f.gender:
        parts.append(f"{GENDER_SQL} = ?")
        params.append(f.gender)
    if f.quote_type:
        parts.append("q.type = ?")
        params.append(f.quote_type)
    if f.cue:
        parts.append("q.cue = ? COLLATE NOCASE")
        params.append(f.cue)
    if f.unresolved:
        parts.append("q.actor IS NULL")
    return " AND ".join(parts), params


def count_quotes(f: QuoteFilter = ALL_QUOTES) -> int:
    where, params = _where(f)
    return db.execute_sql(f"SELECT COUNT(*) {_FROM} WHERE {where}", params).fetchone()[0]


def find_quotes(f: QuoteFilter = ALL_QUOTES, offset: int = 0, limit: int | None = None,
                sort: str = "date") -> list[CorpusQuote]:
    """The quotes the filter keeps, in ``sort`` order (a key of SORT_KEYS),
    ``limit`` of them from ``offset`` (all when limit is None)."""
    where, params = _where(f)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    rows = db.execute_sql(
        f"SELECT {_COLUMNS} {_FROM} WHERE {where} ORDER BY {SORT_KEYS[sort]}{page}", params
    )
    return [CorpusQuote(*r) for r in rows]


def quote_choices() -> dict[str, list[str]]:
    """The values the filters offer: speakers (most quoted first), cues."""
    speakers = [r[0] for r in db.execute_sql(
        "SELECT actor FROM article_quote WHERE actor IS NOT NULL GROUP BY actor"
        " ORDER BY COUNT(*) DESC, actor LIMIT 2000")]
    cues = [r[0] for r in db.execute_sql(
        "SELECT lower(cue) c FROM article_quote WHERE cue != '' GROUP BY c"
        " ORDER BY COUNT(*) DESC LIMIT 300")]
    return {"speaker": speakers, "cue": cues}
