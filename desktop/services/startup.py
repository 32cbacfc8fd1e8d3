"""What a start of the app needs besides its window, each callable off the
path to the window (after it is shown, or in a worker thread):

* :func:`seed_if_empty`: a new library gets the sample articles;
* :func:`unanalysed_articles` and :func:`resume_analysis`: articles whose
  analysis was abandoned (the app quit, or was killed, in the middle of it)
  are analysed again at the next start, as after an import.

The pipeline starts loading once the window is shown (``desktop.ui.app.open_initial``).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.services.batch import BatchProgress, analyse_in_batches
from desktop.store.models import db


def seed_if_empty(seeds: list[Path] | None = None) -> list[int]:
    """Import the sample articles when the library has none; the new ids."""
    from desktop.paths import seed_files
    from desktop.services.importing import import_files
    from desktop.store.articles import count_articles

    if count_articles() > 0:
        return []
    return [item.article_id for item in import_files(seeds if seeds is not None else seed_files())]


def unanalysed_articles() -> list[int]:
    """Articles never analysed, newest first (the one the user imported last
    is the one most likely to be opened)."""
    rows = db.execute_sql(
        "SELECT a.id FROM article a WHERE NOT EXISTS "
        "(SELECT 1 FROM analysis n WHERE n.article_id = a.id) ORDER BY a.id DESC")
    return [row[0] for row in rows]


def resume_analysis(model: str | None, progress: BatchProgress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> list[int]:
    """Analyse the articles left unanalysed; the ids analysed now.  Cancelled
    again (``cancelled()``), it keeps what it finished, and the rest waits
    for the next start."""
    from desktop.nlp.pipeline import load_pipeline

    todo = unanalysed_articles()
    if not todo:
        return []
    return analyse_in_batches(lambda: load_pipeline(model), todo, progress=progress, cancelled=cancelled)
