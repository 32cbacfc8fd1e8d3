"""Running slow work (loading spaCy, analysing) off the UI thread.

A task runs a plain function in a QThreadPool and posts its result back as
a signal; the main thread only applies the result.
"""
from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance

from desktop.core.errors import BylineError

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int)


class Task(QRunnable):
    """One call of ``fn`` in a worker thread."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        # Created in the submitting (main) thread, so its signals are
        # delivered there through queued connections.
        self.signals = TaskSignals()
        self.setAutoDelete(False)
        self.started = False

    def run(self) -> None:
        self.started = True
        try:
            result = self.fn()
        except BylineError as exc:
            self._post(self.signals.failed, str(exc))
        except Exception as exc:  # a worker must never take the app down
            log.error("background task failed:\n%s", traceback.format_exc())
            self._post(self.signals.failed, f"{type(exc).__name__}: {exc}")
        else:
            self._post(self.signals.done, result)

    @staticmethod
    def _post(signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the receiver went away while the app was closing
            log.debug("result of a background task dropped at shutdown")


class TaskRunner(QObject):
    """A single-threaded pool: NLP tasks run one after another, in order,
    because they share one spaCy pipeline."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: set[Task] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
    ) -> Task:
        return self._start(Task(fn), on_done, on_failed)

    def _start(self, task: Task, on_done: Callable[[Any], None], on_failed: Callable[[str], None]) -> Task:
        """Connect the callbacks, then start: nothing can be missed."""
        self._running.add(task)
        # Forget the task before the callbacks run, so they see busy() right.
        task.signals.done.connect(lambda _r, t=task: self._running.discard(t))
        task.signals.failed.connect(lambda _m, t=task: self._running.discard(t))
        task.signals.done.connect(on_done)
        task.signals.failed.connect(on_failed)
        self.pool.start(task)
        return task

    def submit_with_progress(
        self,
        fn: Callable[[Callable[[int, int], None]], Any],
        on_progress: Callable[[int, int], None],
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None],
    ) -> Task:
        """Like submit, for a function taking a ``report(done, total)`` callable."""
        task = Task(lambda: None)
        task.fn = lambda: fn(task.signals.progress.emit)
        task.signals.progress.connect(on_progress)
        return self._start(task, on_done, on_failed)

    def drop_queued(self) -> None:
        """Forget the tasks that have not started (at quit: nothing of them
        was done, so nothing is lost); the one running goes on."""
        self.pool.clear()
        self._running = {t for t in self._running if t.started}

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)
