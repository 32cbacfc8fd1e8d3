"""The spaCy pipeline behind the window: loading it and analysing the open
article (or the whole library) in the background."""
from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal

from desktop.core.model import Analysis
from desktop.core.text import plural
from desktop.nlp.pieces import Cancelled
from desktop.nlp.pipeline import load_pipeline, model_identity
from desktop.services.analysis import analyse_and_keep, keep_analysis
from desktop.services.batch import reanalyse_articles
from desktop.store.articles import article_exists, list_articles
from desktop.ui.edits.session import ArticleSession
from desktop.ui.workers import TaskRunner


class AnalysisRunner(QObject):
    """Runs the pipeline on ``runner``; what it stored reaches the screen
    through ``session.reload_analysis``.  ``busy``/``done``/``failed``
    carry a line for the status bar."""

    modelLoaded = Signal(str)  # the pipeline's name
    busy = Signal(str)
    done = Signal(str)
    failed = Signal(str)

    def __init__(self, session: ArticleSession, runner: TaskRunner, model_name: str, parent: QObject) -> None:
        super().__init__(parent)
        self.session, self.runner = session, runner
        self.model_name = model_name
        self.model_info: tuple[str, str] | None = None
        # Set at quit: the running analysis stops between pieces of its
        # text, keeps nothing, and the article is analysed at the next start.
        self.cancelled = threading.Event()

    def start_model_loading(self) -> None:
        self.busy.emit(f"Loading spaCy pipeline {self.model_name}…")
        self.runner.submit(partial(self._load_model, self.model_name), self._model_ready, self.failed.emit)

    @staticmethod
    def _load_model(name: str) -> tuple[str, str]:
        return model_identity(load_pipeline(name))

    def _model_ready(self, info: tuple[str, str]) -> None:
        self.model_info = info
        if self.cancelled.is_set():  # loaded as the app quits: start nothing more
            return
        self.modelLoaded.emit(info[0])
        if not self.runner.busy():
            self.done.emit(f"pipeline {info[0]} {info[1]} ready")

    def set_model(self, name: str) -> None:
        """Use another pipeline: load it and re-analyse the open article."""
        if not name or name == self.model_name:
            return
        self.model_name = name
        self.model_info = None
        self.start_model_loading()
        self.reanalyse()

    def reanalyse(self) -> None:
        """Run the pipeline on the open article in the background."""
        article = self.session.article
        if article is None or article.id is None:
            return
        self.busy.emit(f"Analysing “{article.title}”…")
        # The worker saves the spans and builds the actors; this thread
        # only shows what it stored.
        self.runner.submit(
            partial(_analyse, self.model_name, article.id, article.text, self.cancelled.is_set),
            partial(self._analysed, article.id),
            self.failed.emit,
        )

    def cancel(self) -> None:
        """Quitting: abandon the running analysis (it resumes next start)."""
        self.cancelled.set()

    def _analysed(self, article_id: int, unsaved: Analysis | Cancelled | None) -> None:
        if isinstance(unsaved, Cancelled):
            return
        if unsaved is not None and article_exists(article_id):  # an in-memory library
            keep_analysis(article_id, unsaved)
        if self.session.article_id == article_id:
            self.session.reload_analysis()

    def reanalyse_library(self, report: Callable[[int, int], None]) -> None:
        """Re-analyse every article with the current pipeline, in the background."""
        ids = [row.id for row in list_articles()]
        self.busy.emit(f"Re-analysing {plural(len(ids), 'article')}…")
        self.runner.submit_with_progress(
            partial(reanalyse_articles, self.model_name, ids),
            report,
            lambda _n: (self.done.emit("library re-analysed"), self.session.reload_analysis()),
            self.failed.emit,
        )


def _analyse(model: str, article_id: int, text: str, cancelled: Callable[[], bool]) -> Analysis | Cancelled | None:
    """analyse_and_keep in the worker; a cancelled analysis is an answer, not a failure."""
    try:
        return analyse_and_keep(model, article_id, text, cancelled)
    except Cancelled as stop:
        return stop
