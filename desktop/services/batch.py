"""Analysing many stored articles at once: ``nlp.pipe`` in batches, each
batch of analyses saved as soon as it is made, with progress and
cancelling.

Saving batch by batch means an article can be opened, analysed, while the
rest of a large import is still being analysed, and a cancelled run keeps
what it finished.  A batch is saved in one transaction, with the actor
summaries made from the analyses at hand (nothing is read back).

Saving (and grouping each article's entities into actors) runs in a thread
of its own beside spaCy: much of spaCy's time is spent in native code that
lets other threads run, so the saving costs little of the import's time.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from desktop.core.errors import StoreError
from desktop.core.model import Analysis
from desktop.nlp.pipeline import analyze_texts
from desktop.services.analysis import keep_analyses
from desktop.store.analyses import analysed_among
from desktop.store.articles import article_texts
from desktop.store.database import threads_can_write
from desktop.store.models import db

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

BatchProgress = Callable[[int, int], None]
Kept = tuple[int, str, Analysis]  # article id, its text, the analysis


def analyse_in_batches(
    nlp_factory: Callable[[], Language],
    article_ids: list[int],
    batch_size: int = 16,
    n_process: int = 1,
    progress: BatchProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
    again: bool = False,
) -> list[int]:
    """Analyse the articles not analysed yet (all of them when ``again``);
    return the ids analysed now.  An article the pipeline fails on is left
    unanalysed (and logged); the others are analysed all the same.

    ``progress(done, total)`` is called at the start and after each article
    saved; ``cancelled()`` is asked between articles.  ``n_process`` > 1 runs
    spaCy in that many processes, which pays off only for hundreds of
    articles (each process loads the pipeline).
    """
    wanted = list(dict.fromkeys(article_ids))
    analysed = set() if again else analysed_among(wanted)
    todo = [i for i in wanted if i not in analysed]
    done: list[int] = []
    if not todo:
        return done
    if progress is not None:
        progress(0, len(todo))
    nlp = nlp_factory()
    text_of: dict[int, str] = {}

    def texts() -> Iterator[str]:
        for start in range(0, len(todo), batch_size):
            chunk = todo[start:start + batch_size]
            found = article_texts(chunk)
            for article_id in chunk:
                if article_id not in found:
                    raise StoreError(f"there is no article {article_id} in the library.")
                text_of[article_id] = found[article_id]
                yield found[article_id]

    failed: list[int] = []  # the pipeline failed on them: left unanalysed, the others go on

    def finished(saved: list[int]) -> None:
        for article_id in saved:
            done.append(article_id)
            if progress is not None:
                progress(len(done) + len(failed), len(todo))

    analyses = analyze_texts(nlp, texts(), batch_size=batch_size, n_process=n_process, cancelled=cancelled)
    saver = _Saver() if threads_can_write() else None
    group: list[Kept] = []

    def keep() -> None:
        if not group:
            return
        if saver is None:
            keep_analyses(group)
            finished([article_id for article_id, _, _ in group])
        else:
            saver.submit(list(group))
            finished(saver.saved())
        group.clear()

    try:
        for article_id, analysis in _until_cancelled(zip(todo, analyses, strict=False)):
            if cancelled is not None and cancelled():
                break
            text = text_of.pop(article_id)
            if analysis is None:
                failed.append(article_id)
                log.warning("article %d could not be analysed; it stays unanalysed", article_id)
                continue
            group.append((article_id, text, analysis))
            if len(group) >= batch_size:
                keep()
    finally:
        analyses.close()  # stops spaCy's worker processes when cancelled
        keep()  # what was analysed is kept, even when cancelled
        if saver is not None:
            finished(saver.close())
    return done


def _until_cancelled(items: Iterator[tuple[int, Analysis | None]]) -> Iterator[tuple[int, Analysis | None]]:
    """The items, until the analysis stops because it was cancelled (in the
    middle of a long text, too)."""
    from desktop.nlp.pieces import Cancelled

    try:
        yield from items
    except Cancelled:
        return


class _Saver:
    """Saves batches of analyses in order in one thread; the caller collects
    the ids saved so far, and an error in the thread is raised in the caller."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-save")
        self.pending: deque[tuple[list[int], Future[None]]] = deque()

    def submit(self, group: list[Kept]) -> None:
        ids = [article_id for article_id, _, _ in group]
        self.pending.append((ids, self.pool.submit(keep_analyses, group)))

    def saved(self, wait: bool = False) -> list[int]:
        out: list[int] = []
        while self.pending and (wait or self.pending[0][1].done()):
            ids, future = self.pending.popleft()
            future.result()
            out += ids
        return out

    def close(self) -> list[int]:
        try:
            return self.saved(wait=True)
        finally:
            # The thread's own connection to the library.
            self.pool.submit(db.close).result()
            self.pool.shutdown()


def ensure_analysed(nlp_factory: Callable[[], Language], article_ids: list[int]) -> None:
    """Analyse those of the articles never analysed; the others are kept."""
    analyse_in_batches(nlp_factory, article_ids)


def reanalyse_articles(model: str | None, article_ids: list[int], report: BatchProgress) -> int:
    """Run the pipeline again on the articles; the user's corrections are
    kept (they live apart from the model's spans)."""
    from desktop.nlp.pipeline import load_pipeline

    return len(analyse_in_batches(lambda: load_pipeline(model), article_ids, progress=report, again=True))
