"""Team-library figures (issue 16) on a local throwaway PostgreSQL server:

    python -m bench.team [--articles N] [--analyse N] [--library-only]

- listing and searching a library of 10,000 articles (targets as for
  SQLite: ≤ 200 ms, ≤ 100 ms),
- one annotation action (add a highlight, change its note, delete it),
  ≤ 50 ms each,
- another coder's highlight reaching a listener (``services/live.py``),
  ≤ 2 s,
- analysis throughput (spaCy) with 1 and 2 ``byline analyze-pending``
  processes claiming from one library.

Prints a table and writes ``bench/results-team.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time

from bench.common import BENCH, ROOT, Figure, corpus, median, timed, words
from bench.run import machine, table

QUERIES = ("Trump", "prime minister", '"climate change"', "elect*", "Erdogan", "police OR army")
_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*")
OTHER_CODER = """
import sys, time
from desktop.core.model import Annotation
from desktop.store import annotations
from desktop.store.database import open_library
open_library(sys.argv[1])
for line in sys.stdin:
    annotations.add_annotation(int(sys.argv[2]), Annotation(0, 5, ["Claim"], "from another coder"))
    print(time.time(), flush=True)
"""


def build(url: str, size: int) -> list[int]:
    """``size`` articles: the corpus repeated with distinct texts, each with
    a stand-in analysis (up to 40 capitalised names as entities), written in
    batches (the triggers keep the search index and counts as usual)."""
    from desktop.core.text import sha256
    from desktop.store.articles import now
    from desktop.store.models import db

    base = corpus()
    stamp = now()
    rows = []
    for i in range(size):
        source = base[i % len(base)]
        text = source.text if i < len(base) else f"{source.text}\n\n(Copy {i}.)"
        rows.append((i + 1, source.title, source.date, source.source, source.url, text, sha256(text), stamp))
    cursor = db.cursor()
    with db.atomic():
        for start in range(0, size, 500):
            cursor.executemany(
                "INSERT INTO article (id, title, date, source, url, text, sha256, created)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows[start:start + 500])
        cursor.executemany("INSERT INTO analysis (article_id, model_name, model_version, analysed_at)"
                           " VALUES (?, 'stand-in', '1', ?)", [(r[0], stamp) for r in rows])
        entities = [(r[0], m.start(), m.end()) for r in rows for m in list(_NAME.finditer(r[5]))[:40]]
        for start in range(0, len(entities), 5000):
            cursor.executemany('INSERT INTO entity (article_id, "start", "end", label) VALUES (?, ?, ?, \'PERSON\')',
                               entities[start:start + 5000])
        db.execute_sql("SELECT setval(pg_get_serial_sequence('article', 'id'), ?)", (size,))
    db.execute_sql("ANALYZE")
    return [r[0] for r in rows]


def library_figures(url: str, size: int) -> list[Figure]:
    from desktop.store.library import library_rows
    from desktop.store.search import search_articles

    library_rows()  # warm
    runs = [timed(library_rows)[0] for _ in range(5)]
    figures = [Figure("team_list", f"team: list the library ({size:,} articles)", median(runs), "s", 0.2, runs)]
    # 'police' as the SQLite figure searches it; then a mix of query kinds.
    search_articles("police")
    runs = [timed(lambda: search_articles("police"))[0] for _ in range(5)]
    hits = len(search_articles("police"))
    figures.append(Figure("team_search", f"team: full-text search 'police' ({hits} hits shown)",
                          median(runs), "s", 0.1, runs))
    runs = []
    for query in QUERIES:
        search_articles(query)
        runs.append(median([timed(lambda q=query: search_articles(q))[0] for _ in range(3)]))
    figures.append(Figure("team_search_mix", f"team: search, median of {len(QUERIES)} queries "
                          "(phrases, prefixes, OR)", median(runs), "s", 0.1, runs, note=" / ".join(QUERIES)))
    return figures


def annotation_figures(article_id: int) -> list[Figure]:
    from desktop.core.model import Annotation
    from desktop.store import annotations

    add, note, delete = [], [], []
    for i in range(10):
        t, hid = timed(lambda i=i: annotations.add_annotation(article_id, Annotation(i, i + 5, ["Claim"])))
        add.append(t)
        note.append(timed(lambda: annotations.set_note(hid, "a note"))[0])  # noqa: B023
        delete.append(timed(lambda: annotations.delete_annotation(hid))[0])  # noqa: B023
    return [
        Figure("team_add", "team: add a highlight", median(add), "s", 0.05, add),
        Figure("team_note", "team: change a note", median(note), "s", 0.05, note),
        Figure("team_delete", "team: delete a highlight", median(delete), "s", 0.05, delete),
    ]


def visibility_figure(url: str, article_id: int) -> Figure:
    from desktop.services.live import Listener

    listener = Listener(url)
    listener.connect()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    other = subprocess.Popen([sys.executable, "-c", OTHER_CODER, url, str(article_id)], cwd=ROOT, env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    runs = []
    try:
        for _ in range(5):
            asked = time.perf_counter()
            other.stdin.write("go\n")
            other.stdin.flush()
            while not any(c.table == "annotation" for c in listener.poll(timeout=10)):
                pass
            runs.append(time.perf_counter() - asked)
            other.stdout.readline()
    finally:
        other.stdin.close()
        other.wait(timeout=30)
        listener.stop()
    return Figure("team_visible", "team: another coder's highlight reaches a listener", median(runs), "s", 2.0, runs,
                  note="from asking the other coder's process to add a highlight to the listener having it")


def throughput_figures(server: object, n: int) -> list[Figure]:
    from desktop.store.articles import add_article
    from desktop.store.database import close_library, open_library

    base = corpus()[:n]
    total_words = sum(words(a.text) for a in base)
    figures = []
    for workers in (1, 2):
        dbname = f"bench_analysis_{workers}"
        server.sql(f"DROP DATABASE IF EXISTS {dbname}")  # type: ignore[attr-defined]
        server.sql(f"CREATE DATABASE {dbname} TEMPLATE template0")  # type: ignore[attr-defined]
        url = server.url(dbname)  # type: ignore[attr-defined]
        open_library(url)
        for article in base:
            add_article(article)
        close_library()
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-m", "desktop", "analyze-pending", "--db", url],
                                  cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True) for _ in range(workers)]
        outputs = [p.communicate()[0] for p in procs]
        elapsed = time.perf_counter() - start
        figures.append(Figure(f"team_analysis_{workers}", f"team: analysis with {workers} worker process(es)",
                              total_words / elapsed, "words/s",
                              note=f"{len(base)} articles, {total_words:,} words, {elapsed:.1f} s wall "
                                   f"(pipeline loading included); {' / '.join(o.strip() for o in outputs)}"))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench.team")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--analyse", type=int, default=60, help="articles for the throughput figures")
    parser.add_argument("--library-only", action="store_true", help="only the list and search figures")
    args = parser.parse_args()
    from bench.common import WORK, user_folders
    from desktop.store.database import close_library, open_library
    from tests import pgserver
    from tests.pg import PgServer

    WORK.mkdir(exist_ok=True)
    user_folders()
    folder, info = pgserver.start_temporary()
    server = PgServer(info)
    figures: list[Figure] = []
    try:
        server.sql("CREATE DATABASE bench_team TEMPLATE template0")
        url = server.url("bench_team")
        open_library(url)
        started = time.perf_counter()
        ids = build(url, args.articles)
        print(f"built {len(ids):,} articles in {time.perf_counter() - started:.0f} s", flush=True)
        figures += library_figures(url, len(ids))
        if not args.library_only:
            figures += annotation_figures(ids[0])
            close_library()
            figures.append(visibility_figure(url, ids[0]))
            figures += throughput_figures(server, args.analyse)
    finally:
        close_library()
        pgserver.stop(folder)
    print(table(figures))
    results = {"machine": machine(), "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
               "figures": {f.key: f.as_dict() for f in figures}, "table": table(figures)}
    if args.library_only:
        return
    (BENCH / "results-team.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
