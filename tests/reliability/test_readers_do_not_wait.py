"""Readers never wait behind a writer (item 7): while another process holds
the library's write lock, as a long import does, ``byline list`` and
``byline list --search`` answer.

The write lock is held for the whole test, and the library's patience is cut
to a fraction of a second: a reader that asked for the lock would fail here
(not merely be slow), so the test does not depend on timing."""
from __future__ import annotations

import sqlite3

from desktop.cli import main
from desktop.store import database
from tests.reliability.conftest import make_filled


def test_list_and_search_answer_while_another_process_writes(tmp_path, monkeypatch, capsys):
    path = make_filled(tmp_path)
    monkeypatch.setattr(database, "WRITE_PATIENCE", 0.2)
    monkeypatch.setitem(database.PRAGMAS, "busy_timeout", 100)
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO tag (name, color, position, description) VALUES ('W', '#000000', 99, '')")
        assert main(["list", "--db", str(path)]) == 0
        assert "Olaf Scholz" in capsys.readouterr().out
        assert main(["list", "--db", str(path), "--search", "Macron"]) == 0
        assert "Olaf Scholz" in capsys.readouterr().out
    finally:
        writer.execute("ROLLBACK")
        writer.close()
