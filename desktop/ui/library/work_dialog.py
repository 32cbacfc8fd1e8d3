"""What the import and export dialogs share: one background task at a
time, and a Cancel button that first stops the task and then closes."""
from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.workers import Task


class WorkDialog(QDialog):
    CANCELLING = "Cancelling…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._task: Task | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def running(self) -> bool:
        return self._task is not None

    def _start(self, task: Task) -> None:
        self._task = task
        self._pool.start(task)

    def cancel(self) -> None:
        if self.running():
            self._cancel.set()
            self.status.setText(self.CANCELLING)  # type: ignore[attr-defined]
            self.cancel_button.setEnabled(False)  # type: ignore[attr-defined]

    def reject(self) -> None:
        """Cancel stops the running task first; pressed again (or when idle), closes."""
        if self.running():
            self.cancel()
        else:
            super().reject()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
