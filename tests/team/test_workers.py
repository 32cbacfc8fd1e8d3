"""Analysis shared between worker processes: each article analysed once,
a killed worker's claim released with nothing half-written."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from desktop.formats.text import article_from_text
from desktop.services.claims import analyse_pending
from desktop.store.analyses import analysed_ids
from desktop.store.articles import add_article
from desktop.store.database import close_library, open_library
from desktop.store.models import EntityRow
from tests.team.worker import stand_in

ROOT = Path(__file__).parents[2]


def worker(url: str, mode: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "tests.team.worker", url, mode], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def add_articles(url: str, n: int) -> list[int]:
    open_library(url)
    try:
        return [add_article(article_from_text(f"Person{i} spoke today. Story {i}."))[0] for i in range(n)]
    finally:
        close_library()


def ids_printed(line: str, word: str) -> list[int]:
    parts = line.split()
    assert parts[0] == word, line
    return [int(p) for p in parts[1:]]


def test_two_workers_analyse_each_article_once(pg_url):
    ids = add_articles(pg_url, 30)
    first, second = worker(pg_url, "run"), worker(pg_url, "run")
    outputs = [p.communicate(timeout=120)[0] for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0]
    done = [ids_printed(out.strip().splitlines()[-1], "DONE") for out in outputs]
    assert not set(done[0]) & set(done[1])
    assert sorted(done[0] + done[1]) == ids
    open_library(pg_url)
    try:
        assert sorted(analysed_ids()) == ids
        assert EntityRow.select().count() == len(ids)  # one entity each: nothing analysed twice
    finally:
        close_library()


def test_a_killed_workers_claim_is_released_with_nothing_written(pg_url):
    ids = add_articles(pg_url, 7)
    stalled = worker(pg_url, "stall")
    claimed = ids_printed(stalled.stdout.readline(), "CLAIMED")
    assert claimed == ids[:3]
    open_library(pg_url)
    try:
        # While the claim is held, another worker takes only the others.
        assert analyse_pending(stand_in, batch_size=3) == ids[3:]
        stalled.send_signal(signal.SIGKILL)
        stalled.wait(timeout=30)
        # The killed worker had saved its batch, uncommitted: none of it is there.
        assert sorted(analysed_ids()) == ids[3:]
        assert EntityRow.select().where(EntityRow.article.in_(claimed)).count() == 0
        assert analyse_pending(stand_in, batch_size=3) == claimed
        assert sorted(analysed_ids()) == ids
    finally:
        close_library()
        stalled.stdout.close()
        stalled.stdin.close()


def test_on_a_library_file_the_pending_articles_are_analysed_in_turn(tmp_path):
    path = tmp_path / "library.sqlite3"
    ids = add_articles(path, 5)
    open_library(path)
    try:
        assert analyse_pending(stand_in, batch_size=2) == ids
        assert analyse_pending(stand_in, batch_size=2) == []
    finally:
        close_library()
