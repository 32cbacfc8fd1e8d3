"""Working in a team library: other coders' edits reach the open window
within a second or two, a lost server shows as an offline banner (the
article stays readable; the store refuses edits, which then never reach the
undo stack), and a "Show" switch picks whose highlights are drawn."""
from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QStatusBar

from desktop.core.colours import coder_colours
from desktop.core.errors import BylineError
from desktop.services.live import RECONNECTED, RETRY_SECONDS, Change, Listener
from desktop.store.coders import list_coders
from desktop.store.engines import OfflineError, is_postgres
from desktop.store.models import db
from desktop.store.team import current_coder
from desktop.ui.edits.changes import Changes
from desktop.ui.edits.session import ArticleSession
from desktop.ui.team.connect import probe

log = logging.getLogger(__name__)

OFFLINE = ("Offline: the team library cannot be reached. The article stays readable; "
           "edits wait until the server is back.")
HIGHLIGHT_TABLES = {"annotation", "annotation_tag"}
LIBRARY_TABLES = {"article", "analysis"}


class TeamTools(QObject):
    """Built with the session and the status bar (where the banner and the
    Show switch live); ``libraryChanged``: the library list should be read
    again."""

    heard = Signal(object, bool)  # changes, online: from the listener's thread
    libraryChanged = Signal()
    onlineChanged = Signal(bool)

    def __init__(self, session: ArticleSession, status: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.status = session, status
        self.listener: Listener | None = None
        self.online = True
        self._watching = False
        self.coder = ""
        self.banner = QLabel(OFFLINE, status)
        self.banner.setAccessibleName("Offline")
        self.banner.setStyleSheet("QLabel { background: #b00020; color: white; padding: 1px 6px; }")
        self.banner.hide()
        self.show_box = QComboBox(status)
        self.show_box.setAccessibleName("Show highlights of")
        self.show_box.setToolTip("Whose highlights are shown: yours, everyone's or one coder's")
        self.show_box.hide()
        status.addPermanentWidget(self.banner)
        status.addPermanentWidget(self.show_box)
        self.show_box.activated.connect(lambda _i: self.session.show_author(self.show_box.currentData()))
        self.heard.connect(self._heard)

    @property
    def team(self) -> bool:
        return is_postgres(db)

    def start(self) -> None:
        """Follow the library just opened: listen to a team library's news."""
        self.stop()
        self.session.author = None
        self._set_online(True)
        if not self.team:
            self.session.coder_colours = {}
            self.show_box.hide()
            return
        self.coder = current_coder(db.obj)
        self._read_coders()
        self.show_box.show()
        self.listener = Listener(db.obj.url)  # type: ignore[attr-defined]
        self.listener.run_in_thread(self.heard.emit)

    def stop(self) -> None:
        """Stop listening, without waiting (quit stays quick): the listener's
        thread ends by itself within its poll interval."""
        listener, self.listener = self.listener, None
        if listener is not None:
            threading.Thread(target=listener.stop, name="byline-listener-stop", daemon=True).start()

    def _read_coders(self) -> None:
        names = sorted({c.name for c in list_coders() if c.name} | {self.coder})
        self.session.coder_colours = coder_colours(names)
        chosen = self.show_box.currentData() if self.show_box.count() else None
        self.show_box.clear()
        self.show_box.addItem("Show: everyone", None)
        self.show_box.addItem("Show: mine", self.coder)
        for name in names:
            if name != self.coder:
                self.show_box.addItem(f"Show: {name}", name)
        self.show_box.setCurrentIndex(max(0, self.show_box.findData(chosen)))

    def show_author(self, author: str | None) -> None:
        """The Show switch, from code: None is everyone."""
        self.show_box.setCurrentIndex(max(0, self.show_box.findData(author)))
        self.session.show_author(author)

    def refused(self, error: BaseException) -> None:
        """An edit the store refused: when the server could not be reached,
        show the banner at once (the listener may not have noticed yet) and
        watch for the server's return."""
        if isinstance(error, OfflineError) and self.team:
            self._set_online(False)
            self._watch(db.obj.url)  # type: ignore[attr-defined]

    def _watch(self, url: str) -> None:
        if self._watching:
            return
        self._watching = True

        def loop() -> None:
            try:
                while not self.online:
                    threading.Event().wait(RETRY_SECONDS)
                    try:
                        probe(url)
                    except BylineError:
                        continue
                    self.heard.emit([RECONNECTED], True)
                    return
            except RuntimeError:  # the window went away meanwhile
                log.debug("offline watch ended with the window")
            finally:
                self._watching = False

        threading.Thread(target=loop, name="byline-offline-watch", daemon=True).start()

    # news from the server ------------------------------------------------------
    def _heard(self, changes: list[Change], online: bool) -> None:
        self._set_online(online)
        if not online:
            return
        try:
            self._apply(changes)
        except BylineError as exc:  # the server went away again while reading
            self.status.showMessage(str(exc), 8000)

    def _apply(self, changes: list[Change]) -> None:
        article_id = self.session.article_id
        if any(c.op == "RECONNECTED" for c in changes):  # news missed meanwhile: read everything
            self._read_coders()
            self.libraryChanged.emit()
            if article_id is not None:
                self.session.publish(Changes(article_id, annotations=True, tags=True))
                self.session.reload_analysis()
            return
        tables = {c.table for c in changes}
        if {c.coder for c in changes if c.table in HIGHLIGHT_TABLES} - set(self.session.coder_colours):
            self._read_coders()  # a coder's first highlight
        if tables & LIBRARY_TABLES:
            self.libraryChanged.emit()
        if article_id is None:
            return
        here = [c for c in changes if c.article_id == article_id]
        codebook = "tag" in tables
        if codebook or any(c.table in HIGHLIGHT_TABLES for c in here):
            self.session.publish(Changes(article_id, annotations=True, tags=codebook))
        if any(c.table == "analysis" for c in here):
            self.session.reload_analysis()

    def _set_online(self, online: bool) -> None:
        if online == self.online:
            return
        self.online = online
        self.banner.setVisible(not online)
        if online:
            self.status.showMessage("The team library is back online.", 5000)
        self.onlineChanged.emit(online)
