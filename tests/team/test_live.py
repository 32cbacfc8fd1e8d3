"""Another coder's edit reaches an open window's listener."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.formats.text import article_from_text
from desktop.services.live import RECONNECTED, Change, Listener
from desktop.store.articles import add_article
from desktop.store.database import close_library, open_library
from desktop.store.team import TeamPermissionError  # noqa: F401  (the module installs the triggers)

ROOT = Path(__file__).parents[2]
OTHER_CODER = """
import sys
from desktop.core.model import Annotation
from desktop.store import annotations
from desktop.store.database import open_library
open_library(sys.argv[1])
annotations.add_annotation(int(sys.argv[2]), Annotation(0, 5, ["Claim"], "from bob"))
"""


def test_a_highlight_by_another_coder_process_is_announced(pg_server, pg_url):
    dbname = pg_url.split("/")[3].split("?")[0]
    bob = pg_server.unique("bob")
    from desktop.cli import main

    assert main(["init-team", pg_url, "--coder", bob]) == 0
    open_library(pg_url)
    try:
        article_id, _ = add_article(article_from_text("Shared story. Read by all."))
    finally:
        close_library()
    listener = Listener(pg_url)
    listener.connect()
    try:
        subprocess.run([sys.executable, "-c", OTHER_CODER, pg_server.url(dbname, bob), str(article_id)],
                       cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        changes = []
        while not any(c.table == "annotation_tag" for c in changes):
            got = listener.poll(timeout=10)
            assert got, "no change announced within 10 s"
            changes += got
    finally:
        listener.stop()
    assert changes[0] == Change("annotation", "INSERT", changes[0].id, article_id, bob)
    assert changes[-1].table == "annotation_tag" and changes[-1].article_id == article_id


def test_the_listener_reconnects_and_says_what_it_missed(pg_server, pg_url):
    listener = Listener(pg_url)
    listener.connect()
    pid = listener._con.get_backend_pid()  # type: ignore[union-attr]
    pg_server.sql("SELECT pg_terminate_backend(%s)", params=(pid,))
    try:
        assert listener.poll(timeout=10) == [RECONNECTED]
        assert listener.online and listener._con.get_backend_pid() != pid  # type: ignore[union-attr]
    finally:
        listener.stop()


def test_the_listener_thread_hands_changes_to_a_callback(pg_server, pg_url):
    import queue

    from desktop.core.model import Tag
    from desktop.store import tags

    got: queue.Queue = queue.Queue()
    listener = Listener(pg_url)
    listener.connect()
    listener.run_in_thread(lambda changes, online: got.put((changes, online)))
    try:
        open_library(pg_url)
        try:
            tag_id = tags.create_tag(Tag("Source", "#123456"))
        finally:
            close_library()
        changes, online = got.get(timeout=10)
        assert online and changes[0].table == "tag" and changes[0].id == tag_id
        assert changes[0].article_id is None  # the codebook is library-wide
    finally:
        listener.stop()
