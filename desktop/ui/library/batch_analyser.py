"""Analysing newly imported articles in the background.

Threads.  Analysing needs the one spaCy pipeline, which is not safe to use
from two threads at once, and the window's ``TaskRunner`` is the single
thread that uses it (opening an article analyses it there).  New articles
are therefore analysed on that same runner, but a few at a time: the next
small batch is queued only when the previous one is done, so an article the
user opens meanwhile waits for at most one batch (about a second), never
for the whole import.  No lock is needed and the window is unchanged.  The
import itself (no spaCy) runs in the import dialog's own thread.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QObject, Signal

from desktop.nlp.pipeline import load_pipeline
from desktop.services.batch import analyse_in_batches
from desktop.ui.workers import TaskRunner

log = logging.getLogger(__name__)


class BatchAnalyser(QObject):
    """Analyses queued articles on ``runner``, ``chunk`` at a time (see the
    module's docstring); ``progress(done, total)`` after each batch."""

    progress = Signal(int, int)
    analysed = Signal(list)  # ids of the articles of the batch just done
    stopped = Signal(int, int)  # done, total: Stop was pressed

    def __init__(self, runner: TaskRunner, model: str | None, parent: QObject | None = None,
                 chunk: int = 8) -> None:
        super().__init__(parent)
        self.runner, self.model, self.chunk = runner, model, chunk
        self.queue: list[int] = []
        self.done = self.total = 0
        self._batch: list[int] | None = None
        self._cancel = threading.Event()

    def running(self) -> bool:
        return self._batch is not None or bool(self.queue)

    def add(self, ids: Sequence[int]) -> None:
        if not self.running():
            self.done = self.total = 0
        self._cancel.clear()  # new articles after a Stop: analyse them
        new = [i for i in dict.fromkeys(ids) if i not in self.queue]
        self.queue += new
        self.total += len(new)
        if new:
            self.progress.emit(self.done, self.total)
        if self._batch is None:
            self._next()

    def forget(self, ids: Sequence[int]) -> None:
        """Deleted articles: take them out of the queue."""
        gone = set(ids)
        left = [i for i in self.queue if i not in gone]
        self.total -= len(self.queue) - len(left)
        self.queue = left

    def stop(self) -> None:
        if not self.running():
            return
        self._cancel.set()
        self.queue.clear()
        if self._batch is None:
            self.stopped.emit(self.done, self.total)

    def _next(self) -> None:
        if not self.queue:
            if self._cancel.is_set():
                self.stopped.emit(self.done, self.total)
            return
        batch, self.queue = self.queue[: self.chunk], self.queue[self.chunk :]
        self._batch = batch
        model = self.model
        work = partial(analyse_in_batches, lambda: load_pipeline(model), batch, self.chunk, 1,
                       None, self._cancel.is_set)
        self.runner.submit(work, self._batch_done, self._batch_failed)

    def _batch_done(self, analysed: list[int]) -> None:
        batch, self._batch = self._batch or [], None
        # Stopped midway, only what was analysed counts; else the whole batch
        # (articles analysed meanwhile by opening them were skipped).
        self.done += len(analysed) if self._cancel.is_set() else len(batch)
        self.analysed.emit(batch)
        self.progress.emit(self.done, self.total)
        self._next()

    def _batch_failed(self, message: str) -> None:
        # An article deleted meanwhile, or a pipeline error: the articles of
        # this batch are analysed when opened; the others go on.
        log.warning("background analysis of %s failed: %s", self._batch, message)
        self._batch_done([])
