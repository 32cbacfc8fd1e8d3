"""Other coders' edits as they happen: a listener on the team library's
``byline`` NOTIFY channel (``store/pg_notify.py``).  No Qt: the GUI runs
``Listener.run_in_thread(callback)`` and turns each callback into a
signal; a test or a script calls ``poll``.

The listener has its own connection (LISTEN needs one that is not in a
transaction).  When the server goes away it says so (``online`` False,
callback with no changes) and connects again every few seconds.
"""
from __future__ import annotations

import json
import logging
import select
import threading
from collections.abc import Callable
from dataclasses import dataclass

import psycopg2

from desktop.store.pg_notify import CHANNEL

log = logging.getLogger(__name__)
RETRY_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class Change:
    table: str  # annotation | annotation_tag | tag | article | analysis
    op: str  # INSERT | UPDATE | DELETE
    id: int | None
    article_id: int | None  # None: library-wide (the codebook)
    coder: str  # the role that made the change


# Not a change of a row: the listener lost its connection and made it again.
RECONNECTED = Change("*", "RECONNECTED", None, None, "")


class Listener:
    def __init__(self, url: str) -> None:
        self.url = url
        self._con: object | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def online(self) -> bool:
        return self._con is not None and not self._con.closed  # type: ignore[attr-defined]

    def connect(self) -> None:
        con = psycopg2.connect(self.url)
        con.autocommit = True
        with con.cursor() as cur:
            cur.execute(f"LISTEN {CHANNEL}")
        self._con = con

    def close(self) -> None:
        if self._con is not None:
            try:
                self._con.close()  # type: ignore[attr-defined]
            finally:
                self._con = None

    def poll(self, timeout: float) -> list[Change]:
        """The changes announced within ``timeout`` seconds (at once when
        some are waiting).  A lost connection is made again at once, and
        ``RECONNECTED`` says that what was announced meanwhile was missed
        (refresh everything); raises psycopg2.OperationalError while the
        server cannot be reached."""
        if not self.online:
            self.connect()
            return [RECONNECTED]
        try:
            return self._poll(timeout)
        except psycopg2.Error:
            self.close()
            self.connect()
            return [RECONNECTED]

    def _poll(self, timeout: float) -> list[Change]:
        con = self._con
        if not con.notifies:  # type: ignore[attr-defined]
            ready, _, _ = select.select([con], [], [], timeout)
            if ready:
                con.poll()  # type: ignore[attr-defined]
                if not con.notifies:  # type: ignore[attr-defined]
                    # Readable without news: the server may have hung up.
                    with con.cursor() as cur:  # type: ignore[attr-defined]
                        cur.execute("SELECT 1")
        else:
            con.poll()  # type: ignore[attr-defined]
        changes = [_change(n.payload) for n in con.notifies]  # type: ignore[attr-defined]
        con.notifies.clear()  # type: ignore[attr-defined]
        return [c for c in changes if c is not None]

    def run_in_thread(self, callback: Callable[[list[Change], bool], None], interval: float = 0.5) -> None:
        """Call ``callback(changes, online)`` from a daemon thread for each
        batch of changes (``RECONNECTED`` among them when the connection
        came back) and with ``([], False)`` when it is lost."""

        def loop() -> None:
            online = True
            while not self._stop.is_set():
                try:
                    changes = self.poll(interval)
                    online = True
                    if changes:
                        callback(changes, True)
                except psycopg2.Error as exc:
                    log.info("team library offline: %s", exc)
                    self.close()
                    if online:
                        online = False
                        callback([], False)
                    self._stop.wait(RETRY_SECONDS)

        self._thread = threading.Thread(target=loop, name="byline-listener", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.close()


def _change(payload: str) -> Change | None:
    try:
        data = json.loads(payload)
        return Change(data["table"], data["op"], data.get("id"), data.get("article_id"), data.get("coder", ""))
    except (ValueError, KeyError, TypeError):
        return None
