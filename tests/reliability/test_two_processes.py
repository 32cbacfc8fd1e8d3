"""Two Byline processes writing one library: every write lands.

Decision: both may write.  SQLite's WAL lets readers go on while one
writes; each write transaction begins IMMEDIATE, so it waits for the write
lock (busy_timeout) instead of failing, and is retried beyond that.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.reliability.conftest import make_filled

ROOT = Path(__file__).resolve().parents[2]
N = 200


def start(library: Path, name: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.reliability.writers",
            "highlights",
            str(library),
            str(N),
            name,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def test_two_processes_adding_highlights_at_once_lose_none(memory_folder):
    filled = make_filled(memory_folder)
    writers = [start(filled, "a"), start(filled, "b")]
    for writer in writers:  # both have the library open before either writes
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = [writer.communicate(timeout=120) for writer in writers]
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
        assert out.strip() == f"wrote {N}"
    con = sqlite3.connect(filled)
    notes = [r[0] for r in con.execute("SELECT note FROM annotation WHERE author IN ('a', 'b')")]
    assert len(notes) == 2 * N
    assert sorted(notes) == sorted(
        f"{name}-{i}{' checked' if i % 4 == 0 else ''}" for name in "ab" for i in range(N)
    )
    assert con.execute("SELECT count(*) FROM annotation_tag").fetchone()[0] == 2 * N + 1
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def hold_write_lock(library: Path, seconds: float) -> threading.Thread:
    """Another program holding the library's write lock for a while."""
    con = sqlite3.connect(library, check_same_thread=False, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")

    def release() -> None:
        time.sleep(seconds)
        con.execute("COMMIT")
        con.close()

    thread = threading.Thread(target=release)
    thread.start()
    return thread


def test_a_write_waits_for_the_lock_and_is_retried_beyond_the_busy_timeout(
    filled, monkeypatch, caplog
):
    from desktop.core.model import Annotation
    from desktop.store import database
    from desktop.store.annotations import add_annotation, list_annotations

    monkeypatch.setitem(database.PRAGMAS, "busy_timeout", 50)
    caplog.set_level("INFO", logger="desktop.store.database")
    database.open_library(filled)
    try:
        holder = hold_write_lock(filled, 0.4)  # eight busy timeouts long
        add_annotation(1, Annotation(16, 31, ["Evidence"]))
        holder.join()
        assert len(list_annotations(1)) == 2
        assert "retrying" in caplog.text
    finally:
        database.close_library()


def test_a_write_locked_out_for_too_long_is_refused_not_lost_silently(filled, monkeypatch):
    from desktop.core.errors import StoreError
    from desktop.core.model import Annotation
    from desktop.store import database
    from desktop.store.annotations import add_annotation, list_annotations

    monkeypatch.setitem(database.PRAGMAS, "busy_timeout", 20)
    monkeypatch.setattr(database, "WRITE_PATIENCE", 0.2)
    database.open_library(filled)
    try:
        holder = hold_write_lock(filled, 0.6)
        with pytest.raises(StoreError, match="stayed locked .* not saved"):
            add_annotation(1, Annotation(16, 31, ["Evidence"]))
        holder.join()
        assert len(list_annotations(1)) == 1
    finally:
        database.close_library()
