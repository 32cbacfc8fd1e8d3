"""A writer killed with SIGKILL at random moments, again and again, never
corrupts the library and never loses an action it reported as done.

The writer (tests/reliability/writers.py) adds highlights, changes their
notes and tags, deletes them and undoes the deletion, and imports
articles, through the store and import functions the app uses; it prints
"done …" after each committed action.  After each kill the library must
pass SQLite's integrity and foreign-key checks and ``byline check``, and
hold every reported action; only the action in flight may be missing, or
present without having been reported.
"""

from __future__ import annotations

import json
import os
import queue
import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from desktop.store.check import check_library
from tests.reliability.conftest import make_filled

ROOT = Path(__file__).resolve().parents[2]
KILLS = 60
LINE_TIMEOUT = 30
SEED = int(os.environ.get("BYLINE_CRASH_SEED", "20261127"))


def highlights_in(con: sqlite3.Connection) -> dict[int, list]:
    tags: dict[int, list[str]] = {}
    for annotation_id, name in con.execute(
        "SELECT at.annotation_id, t.name FROM annotation_tag at JOIN tag t ON t.id = at.tag_id"
    ):
        tags.setdefault(annotation_id, []).append(name)
    return {
        row[0]: [row[1], row[2], row[3], row[4], sorted(tags.get(row[0], []))]
        for row in con.execute('SELECT id, article_id, "start", "end", note FROM annotation')
    }


def articles_in(con: sqlite3.Connection) -> dict[int, str]:
    return dict(con.execute("SELECT id, sha256 FROM article"))


class Launcher:
    """The writer launcher: one process, forking a writer per round."""

    def __init__(self, library: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.writers", "actions", str(library)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        # Read in a thread, so that a writer that hangs fails the test
        # instead of hanging it.
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("")

    def line(self) -> str:
        try:
            line = self.lines.get(timeout=LINE_TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"the writer said nothing for {LINE_TIMEOUT} s") from None
        assert line, f"the writer launcher ended (status {self.process.poll()})"
        assert not line.startswith("error "), line.replace(" | ", "\n")
        return line

    def round(self, seed: int, delay: float) -> list[dict]:
        """Start a writer, kill it ``delay`` seconds after it is ready;
        return the actions it reported done."""
        self.send(f"run {seed}")
        lines = []
        while (line := self.line()) != "ready":
            assert not line.startswith("ended"), f"the writer {line} before it was ready"
            lines.append(line)
        time.sleep(delay)  # the random moment of the crash
        self.send("kill")
        while (line := self.line()) != "ended":
            lines.append(line)
        assert all(line.startswith("done ") for line in lines), lines
        return [json.loads(line[5:]) for line in lines]

    def send(self, command: str) -> None:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def close(self) -> None:
        self.process.stdin.close()
        try:
            self.process.wait(timeout=LINE_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def test_killed_writer_loses_nothing_it_reported_and_never_corrupts(memory_folder):
    library = make_filled(memory_folder)
    rng = random.Random(SEED)
    con = sqlite3.connect(library)
    expected, articles = highlights_in(con), articles_in(con)
    con.close()
    launcher = Launcher(library)
    reported = 0
    try:
        for kill in range(KILLS):
            done = launcher.round(SEED + kill, rng.uniform(0.02, 0.25))
            reported += len(done)
            for action in done:
                if action["op"] == "import":
                    articles[action["article"]] = action["sha256"]
                elif action["op"] == "delete":
                    expected.pop(action["id"], None)
                else:
                    expected[action["id"]] = action["state"]
            con = sqlite3.connect(library)
            try:
                assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"kill {kill}"
                assert con.execute("PRAGMA foreign_key_check").fetchall() == [], f"kill {kill}"
                stored, stored_articles = highlights_in(con), articles_in(con)
            finally:
                con.close()
            # Every reported action is there; the one in flight may have
            # landed unreported: at most one highlight or article differs.
            differ = {
                i for i in expected.keys() | stored.keys() if expected.get(i) != stored.get(i)
            }
            assert all(articles[i] == stored_articles.get(i) for i in articles), (
                f"kill {kill}: article lost"
            )
            new_articles = stored_articles.keys() - articles.keys()
            assert len(differ) + len(new_articles) <= 1, (
                f"kill {kill} (seed {SEED + kill}): reported actions missing: "
                f"{differ} {new_articles}"
            )
            expected, articles = stored, stored_articles  # the truth, for the next round
            if kill % 10 == 9:
                report = check_library(library)
                assert report.ok, report.text()
    finally:
        launcher.close()
    assert reported > KILLS  # the writers did work between the kills
    assert check_library(library).ok
