"""Start-up with the remembered team library away (issue 16): the window
works in the user's own library, a status-bar button connects to the team
library, and a background probe says when its server answers again."""
from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QPushButton

from desktop.core.errors import BylineError
from desktop.services.live import RETRY_SECONDS
from desktop.ui.team.connect import probe

log = logging.getLogger(__name__)
CONNECT = "Connect to the team library"
BACK = "The team library can be reached again: the status bar's Connect button opens it."


class ReconnectButton(QPushButton):
    """Switches the window to the team library; goes once that worked (a
    failure says why and keeps the own library)."""

    back = Signal()  # the server answered (from the probe's thread)

    def __init__(self, window: QMainWindow, url: str, retry_seconds: float = RETRY_SECONDS) -> None:
        super().__init__(CONNECT, window.statusBar())
        self.setAccessibleName(CONNECT)
        self.window_ = window
        self.url = url
        self._stop = threading.Event()
        self.clicked.connect(self.connect_now)
        self.back.connect(self._back)
        self.destroyed.connect(self._stop.set)
        window.statusBar().addPermanentWidget(self)
        threading.Thread(target=self._watch, args=(retry_seconds,), name="byline-start-offline",
                         daemon=True).start()

    def connect_now(self) -> None:
        if self.window_.switch_library(self.url):  # type: ignore[attr-defined]
            self._stop.set()
            self.window_.statusBar().removeWidget(self)
            self.deleteLater()

    def _back(self) -> None:
        self.window_.statusBar().showMessage(BACK)

    def _watch(self, retry_seconds: float) -> None:
        while not self._stop.wait(retry_seconds):
            try:
                probe(self.url)
            except BylineError:
                continue
            try:
                self.back.emit()
            except RuntimeError:  # the window went away meanwhile
                log.debug("start-offline watch ended with the window")
            return
