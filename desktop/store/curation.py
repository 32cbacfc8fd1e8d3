"""The curator's rejections: article ranges settled as "none of it".
(Accepted passages are highlights of the coder 'curation'.)"""
from __future__ import annotations

from desktop.store.models import db


def rejections(article_id: int) -> set[tuple[int, int]]:
    rows = db.execute_sql('SELECT "start", "end" FROM curation_rejection WHERE article_id = ?', (article_id,))
    return {(s, e) for s, e in rows.fetchall()}


def add_rejection(article_id: int, start: int, end: int) -> bool:
    """Record a rejected range; False when it was recorded already."""
    if (start, end) in rejections(article_id):
        return False
    db.execute_sql('INSERT INTO curation_rejection (article_id, "start", "end") VALUES (?, ?, ?)',
                   (article_id, start, end))
    return True


def remove_rejections(article_id: int, start: int, end: int) -> list[tuple[int, int]]:
    """Remove the rejected ranges overlapping ``start``–``end``; return them."""
    gone = sorted((s, e) for s, e in rejections(article_id) if s < end and start < e)
    for s, e in gone:
        db.execute_sql('DELETE FROM curation_rejection WHERE article_id = ? AND "start" = ? AND "end" = ?',
                       (article_id, s, e))
    return gone
