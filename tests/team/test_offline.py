"""The server stopped and started while a library is open: the actions in
between are refused with one sentence and write nothing; afterwards the
library reconnects by itself and nothing done before is lost."""
from __future__ import annotations

import pytest

from desktop.core.model import Annotation
from desktop.formats.text import article_from_text
from desktop.services.live import RECONNECTED, Listener
from desktop.store import annotations
from desktop.store.articles import add_article, count_articles
from desktop.store.database import close_library, open_library
from desktop.store.engines import OfflineError
from tests import pgserver


def test_stopping_and_starting_the_server_loses_nothing(own_server):
    folder, server = own_server
    url = server.url(server.new_database())
    open_library(url)
    listener = Listener(url)
    listener.connect()
    try:
        article_id, _ = add_article(article_from_text("Kept story. It stays."))
        kept = annotations.add_annotation(article_id, Annotation(0, 4, ["Claim"], "before"))
        pgserver.stop(folder, remove=False)
        with pytest.raises(OfflineError, match="cannot be reached.*nothing was saved"):
            annotations.set_note(kept, "while offline")
        with pytest.raises(OfflineError):
            annotations.add_annotation(article_id, Annotation(5, 10, ["Claim"]))
        pgserver.restart(folder)
        assert count_articles() == 1  # reconnected by itself
        assert [(a.id, a.note) for a in annotations.list_annotations(article_id)] == [(kept, "before")]
        annotations.set_note(kept, "after")
        assert annotations.get_annotation(kept).note == "after"
        # The listener, too, comes back and hears the change made after.
        heard = listener.poll(timeout=10)  # what came before the stop
        heard += listener.poll(timeout=10)
        assert heard[-1] == RECONNECTED  # then: its connection was gone, made again
        annotations.set_note(kept, "heard")
        assert any(c.id == kept for c in listener.poll(timeout=10))
    finally:
        listener.stop()
        close_library()
