"""Every quote of the library (or of a scope), with its speaker's actor,
the actor's type and gender, and its article: the All quotes view, the
report and their CSV files read this.

Reads the ``article_quote`` summary, which every analysis keeps with each
quote's actor, its type and the gender its article's evidence gives (see
``desktop.nlp.gender``).  The user's gender rules are applied here, as it
reads, so a correction shows everywhere at once.  Counting and filtering
read that one table (joining the articles only for a scope); the rows of
a page are completed with their article and the gender's evidence.
"""
from __future__ import annotations

from desktop.core.corpus import ALL_QUOTES, CorpusQuote, QuoteFilter
from desktop.store.corpus_scope import scope_clause
from desktop.store.models import db

_RULED = "SELECT name FROM actor_rule WHERE kind = 'gender'"
GENDER_SQL = (
    "CASE WHEN q.actor_type = 'person' THEN COALESCE("
    "(SELECT value FROM actor_rule WHERE kind = 'gender' AND name = q.actor),"
    " NULLIF(q.gender, ''), 'unknown') ELSE '' END"
)
_COLUMNS = f"""q.article_id, q."start", q."end", q.type, q.content, q.cue, q.speaker,
    q.actor, q.actor_type, {GENDER_SQL}, a.title, a.date, a.source"""
SORT_KEYS = {
    "date": "a.date DESC, q.article_id, q.\"start\"",
    "speaker": "COALESCE(q.actor, q.speaker) COLLATE NOCASE, a.date DESC, q.\"start\"",
    "article": "a.title COLLATE NOCASE, q.\"start\"",
    "type": "q.type, a.date DESC, q.\"start\"",
}
RULE_EVIDENCE = "set by you (a correction for the whole library)"


def _where(f: QuoteFilter) -> tuple[str, list[object], bool]:
    """The condition, its parameters, and whether it reads the article table."""
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
        parts.append("q.actor_type = ?")
        params.append(f.actor_type)
    if f.gender:
        # The article's gender unless a rule names the person, or the rule's.
        unknown = " OR q.gender = ''" if f.gender == "unknown" else ""
        parts.append(f"q.actor_type = 'person' AND (((q.gender = ?{unknown}) AND q.actor NOT IN ({_RULED}))"
                     f" OR q.actor IN ({_RULED} AND value = ?))")
        params += [f.gender, f.gender]
    if f.quote_type:
        parts.append("q.type = ?")
        params.append(f.quote_type)
    if f.cue:
        parts.append("q.cue = ? COLLATE NOCASE")
        params.append(f.cue)
    if f.unresolved:
        parts.append("q.actor IS NULL")
    return " AND ".join(parts), params, not f.scope.is_all


def count_quotes(f: QuoteFilter = ALL_QUOTES) -> int:
    where, params, articles = _where(f)
    join = " JOIN article a ON a.id = q.article_id" if articles else ""
    return db.execute_sql(f"SELECT COUNT(*) FROM article_quote q{join} WHERE {where}", params).fetchone()[0]


def find_quotes(f: QuoteFilter = ALL_QUOTES, offset: int = 0, limit: int | None = None,
                sort: str = "date") -> list[CorpusQuote]:
    """The quotes the filter keeps, in ``sort`` order (a key of SORT_KEYS),
    ``limit`` of them from ``offset`` (all when limit is None)."""
    where, params, _articles = _where(f)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    rows = db.execute_sql(
        f"SELECT {_COLUMNS} FROM article_quote q JOIN article a ON a.id = q.article_id"
        f" WHERE {where} ORDER BY {SORT_KEYS[sort]}{page}", params
    ).fetchall()
    evidence = _evidence(rows)
    return [CorpusQuote(*r, evidence.get((r[0], r[7]), "") if r[8] == "person" else "") for r in rows]


def _evidence(rows: list[tuple]) -> dict[tuple[int, str], str]:
    """Why each person of these rows has their gender: the rule, or the article's evidence."""
    wanted = {(r[0], r[7]) for r in rows if r[8] == "person"}
    if not wanted:
        return {}
    ruled = {name for (name,) in db.execute_sql(_RULED)}
    found = {key: RULE_EVIDENCE for key in wanted if key[1] in ruled}
    ids = sorted({article_id for article_id, name in wanted if name not in ruled})
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for article_id, name, words in db.execute_sql(
            "SELECT article_id, name, gender_evidence FROM article_actor WHERE type = 'person'"
            f" AND article_id IN ({', '.join('?' * len(chunk))})", chunk
        ):
            if (article_id, name) in wanted:
                found.setdefault((article_id, name), words)
    return found


def quote_choices() -> dict[str, list[str]]:
    """The values the filters offer: speakers (most quoted first), cues."""
    speakers = [r[0] for r in db.execute_sql(
        "SELECT actor FROM article_quote WHERE actor IS NOT NULL GROUP BY actor"
        " ORDER BY COUNT(*) DESC, actor LIMIT 2000")]
    cues = [r[0] for r in db.execute_sql(  # grouped along the index on cue
        "SELECT lower(MIN(cue)) FROM article_quote WHERE cue != '' GROUP BY cue COLLATE NOCASE"
        " ORDER BY COUNT(*) DESC LIMIT 300")]
    return {"speaker": speakers, "cue": cues}
