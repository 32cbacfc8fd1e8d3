"""One training run in a worker thread, its progress posted back as signals.

The function run is Qt-free (``desktop.services.training.improve_model``
in the app, a stand-in in tests): it takes a progress callback and a
``cancelled`` question, and returns a TrainingResult, or None when
cancelled."""
from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.core.errors import BylineError
from desktop.core.training import Progress, TrainingResult

log = logging.getLogger(__name__)

TrainFn = Callable[[Callable[[Progress], None], Callable[[], bool]], "TrainingResult | None"]


class _Signals(QObject):
    progressed = Signal(object)  # Progress
    finished = Signal(object)  # TrainingResult, or None when cancelled
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, train: TrainFn, signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self.train, self.signals, self.stop = train, signals, stop

    def run(self) -> None:
        try:
            result = self.train(self.signals.progressed.emit, self.stop.is_set)
        except BylineError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a worker must never take the app down
            log.error("training failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            # A result that came in after Cancel was saved all the same: show it.
            self.signals.finished.emit(result)


class TrainingRun(QObject):
    """Starts ``train`` off the UI thread; ``cancel()`` asks it to stop."""

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, train: TrainFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.train = train
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.stop = threading.Event()
        # Created here, in the UI thread: signals emitted from the worker
        # reach the slots below through queued connections.
        self.signals = _Signals(self)
        self.signals.progressed.connect(self.progressed)
        self.signals.finished.connect(self._done)
        self.signals.failed.connect(self._failed)
        self.running = False

    def start(self) -> None:
        self.stop.clear()
        self.running = True
        self.pool.start(_Job(self.train, self.signals, self.stop))

    def cancel(self) -> None:
        self.stop.set()

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def _done(self, result: object) -> None:
        self.running = False
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self.running = False
        self.failed.emit(message)
