"""Shared analysis in a team library: workers claim unanalysed articles.

Each worker (``byline analyze-pending``, ``byline import``, on one machine
or several) takes a batch of articles without an analysis with ``SELECT …
FOR UPDATE SKIP LOCKED``: the rows stay locked by its transaction while it
analyses them and saves the results in that same transaction.  Another
worker skips locked rows, so each article is analysed once; a worker that
dies (even by SIGKILL) loses its connection, PostgreSQL rolls its
transaction back, and the articles are free to claim again with nothing
half-written.  On a SQLite file (one machine, one writer at a time) the
pending articles are simply analysed in turn.
"""
from __future__ import annotations

from collections.abc import Callable

from desktop.core.model import Analysis
from desktop.services.analysis import keep_analyses
from desktop.store.engines import is_postgres
from desktop.store.models import db

Analyse = Callable[[list[str]], list[Analysis]]

_PENDING = """SELECT a.id, a.text FROM article a
               WHERE NOT EXISTS (SELECT 1 FROM analysis x WHERE x.article_id = a.id)
               ORDER BY a.id LIMIT ?"""


def analyse_pending(
    analyse: Analyse,
    batch_size: int = 8,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    before_commit: Callable[[list[int]], None] | None = None,
) -> list[int]:
    """Claim, analyse and save batches until no unanalysed article is left
    unclaimed; return the ids this worker analysed.  ``before_commit`` sees
    each batch saved but not yet committed (for tests of a killed worker)."""
    claim = _PENDING + (" FOR UPDATE OF a SKIP LOCKED" if is_postgres(db) else "")
    done: list[int] = []
    while not (cancelled is not None and cancelled()):
        with db.atomic():
            rows = db.execute_sql(claim, (batch_size,)).fetchall()
            if not rows:
                break
            if is_postgres(db):
                rows = _still_pending(rows)
                if not rows:
                    continue
            ids = [r[0] for r in rows]
            analyses = analyse([r[1] for r in rows])
            keep_analyses([(i, text, a) for (i, text), a in zip(rows, analyses, strict=True)])
            if before_commit is not None:
                before_commit(ids)
        done += ids
        if progress is not None:
            progress(len(done))
    return done


def _still_pending(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The claimed rows that are still unanalysed.  The claim's snapshot was
    taken when its statement began: another worker may have committed the
    analysis of a row between then and our lock on it (its lock was gone, so
    SKIP LOCKED let us take it).  Now that the lock is ours, a new statement
    (a new snapshot in READ COMMITTED) sees every analysis committed before."""
    marks = ", ".join("?" * len(rows))
    done = {r[0] for r in db.execute_sql(
        f"SELECT article_id FROM analysis WHERE article_id IN ({marks})", [r[0] for r in rows])}
    return [r for r in rows if r[0] not in done]


def spacy_analyser(model: str | None) -> Analyse:
    """The real analyser: the spaCy pipeline, loaded once."""
    from desktop.nlp.pipeline import analyze_texts, load_pipeline

    nlp = load_pipeline(model)
    return lambda texts: list(analyze_texts(nlp, texts, batch_size=len(texts) or 1))
