"""Analysing many stored articles at once: ``nlp.pipe`` in batches, each
analysis saved as soon as it is made, with progress and cancelling.

Saving one by one means an article can be opened, analysed, while the rest
of a large import is still being analysed, and a cancelled run keeps what
it finished.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.language import Language

from desktop.nlp.pipeline import analyze_texts
from desktop.services.analysis import keep_analysis
from desktop.store.analyses import is_analysed
from desktop.store.articles import get_article

BatchProgress = Callable[[int, int], None]


def analyse_in_batches(
    nlp_factory: Callable[[], Language],
    article_ids: list[int],
    batch_size: int = 16,
    n_process: int = 1,
    progress: BatchProgress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[int]:
    """Analyse the articles not analysed yet; return the ids analysed now.

    ``progress(done, total)`` is called at the start and after each article;
    ``cancelled()`` is asked between articles.  ``n_process`` > 1 runs spaCy in that many
    processes, which pays off only for hundreds of articles (each process
    loads the pipeline).
    """
    todo = [i for i in dict.fromkeys(article_ids) if not is_analysed(i)]
    done: list[int] = []
    if not todo:
        return done
    if progress is not None:
        progress(0, len(todo))
    nlp = nlp_factory()

    def texts() -> Iterator[str]:
        for article_id in todo:
            yield get_article(article_id).text

    analyses = analyze_texts(nlp, texts(), batch_size=batch_size, n_process=n_process)
    try:
        for article_id, analysis in zip(todo, analyses, strict=False):
            if cancelled is not None and cancelled():
                break
            keep_analysis(article_id, analysis)
            done.append(article_id)
            if progress is not None:
                progress(len(done), len(todo))
    finally:
        analyses.close()  # stops spaCy's worker processes when cancelled
    return done
