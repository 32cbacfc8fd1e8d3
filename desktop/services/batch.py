"""Analysing many stored articles at once: ``nlp.pipe`` in batches, each
analysis saved as soon as it is made, with progress and cancelling.

Saving one by one means an article can be opened, analysed, while the rest
of a large import is still being analysed, and a cancelled run keeps what
it finished.

Saving (and grouping each article's entities into actors) runs in a thread
of its own beside spaCy: much of spaCy's time is spent in native code that
lets other threads run, so the saving costs little of the import's time.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from desktop.nlp.pipeline import analyze_texts
from desktop.services.analysis import keep_analysis
from desktop.store.analyses import is_analysed
from desktop.store.articles import get_article
from desktop.store.models import db

if TYPE_CHECKING:
    from spacy.language import Language

BatchProgress = Callable[[int, int], None]


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
    return the ids analysed now.

    ``progress(done, total)`` is called at the start and after each article;
    ``cancelled()`` is asked between articles.  ``n_process`` > 1 runs spaCy in that many
    processes, which pays off only for hundreds of articles (each process
    loads the pipeline).
    """
    todo = [i for i in dict.fromkeys(article_ids) if again or not is_analysed(i)]
    done: list[int] = []
    if not todo:
        return done
    if progress is not None:
        progress(0, len(todo))
    nlp = nlp_factory()

    def texts() -> Iterator[str]:
        for article_id in todo:
            yield get_article(article_id).text

    def finished(article_id: int) -> None:
        done.append(article_id)
        if progress is not None:
            progress(len(done), len(todo))

    analyses = analyze_texts(nlp, texts(), batch_size=batch_size, n_process=n_process)
    saver = _Saver() if _own_connections() else None
    try:
        for article_id, analysis in zip(todo, analyses, strict=False):
            if cancelled is not None and cancelled():
                break
            if saver is None:
                keep_analysis(article_id, analysis)
                finished(article_id)
            else:
                saver.submit(article_id, analysis)
                for saved in saver.saved():
                    finished(saved)
    finally:
        analyses.close()  # stops spaCy's worker processes when cancelled
        if saver is not None:
            for saved in saver.close():  # what was analysed is kept, even when cancelled
                finished(saved)
    return done


class _Saver:
    """Saves analyses in order in one thread; the caller collects the ids
    saved so far, and an error in the thread is raised in the caller."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-save")
        self.pending: deque[tuple[int, Future[None]]] = deque()

    def submit(self, article_id: int, analysis) -> None:  # noqa: ANN001 (an Analysis)
        self.pending.append((article_id, self.pool.submit(keep_analysis, article_id, analysis)))

    def saved(self, wait: bool = False) -> Iterator[int]:
        while self.pending and (wait or self.pending[0][1].done()):
            article_id, future = self.pending.popleft()
            future.result()
            yield article_id

    def close(self) -> Iterator[int]:
        try:
            yield from self.saved(wait=True)
        finally:
            # The thread's own connection to the library.
            self.pool.submit(db.close).result()
            self.pool.shutdown()


def _own_connections() -> bool:
    """Whether a second thread may write the library: it gets a connection
    of its own, which for an in-memory database would be another database."""
    name = str(getattr(db.obj, "database", "") or "")
    return bool(name) and name != ":memory:" and "mode=memory" not in name


def ensure_analysed(nlp_factory: Callable[[], Language], article_ids: list[int]) -> None:
    """Analyse those of the articles never analysed; the others are kept."""
    analyse_in_batches(nlp_factory, article_ids)


def reanalyse_articles(model: str | None, article_ids: list[int], report: BatchProgress) -> int:
    """Run the pipeline again on the articles; the user's corrections are
    kept (they live apart from the model's spans)."""
    from desktop.nlp.pipeline import load_pipeline

    return len(analyse_in_batches(lambda: load_pipeline(model), article_ids, progress=report, again=True))
