"""Figure 9: a 100,000-article library (the corpus repeated, as the
10,000-article one): the Library list until its first page is painted and
until every article is read (the other pages come between events), a full-text
search, the Library's actor filter (the actor chosen in the filter panel to
the table filtered and painted), the query listing an actor's articles with
their titles (the Library actors view's), the Library actors view's data
(summaries checked, actors across the library), and the file's size per
article.

The library takes minutes to build, so it is built once and kept in
``bench/.cache`` (outside the work folder a run clears), under a stamp of
the code and data it was made from.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from bench.common import BENCH, Figure, median, now
from bench.fixtures import Source, build_big_library

SIZE = 100_000
RUNS = 5
CACHE = BENCH / ".cache"


def library_100k(sources: list[Source]) -> tuple[Path, bool]:
    """The library, and whether it was reused."""
    import desktop.store.migrations as migrations

    stamp = hashlib.sha256()
    stamp.update(Path(__file__).with_name("fixtures.py").read_bytes())
    stamp.update(Path(migrations.__file__).read_bytes())
    for s in sources:
        stamp.update(f"{s.id}:{len(s.text)}:{len(s.entities)}:{len(s.quotes)}:{len(s.actors)}".encode())
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"library100k-{stamp.hexdigest()[:12]}.sqlite3"
    if path.exists():
        return path, True
    for old in CACHE.glob("library100k-*"):
        old.unlink()
    build_big_library(path.with_suffix(".tmp"), sources, SIZE)
    path.with_suffix(".tmp").rename(path)
    return path, False


def run(session, path: Path, reused: bool) -> list[Figure]:
    from bench.fig_reader import open_measured, time_library_list
    from desktop.services.view import ensure_actor_summaries
    from desktop.store.actors import articles_of_actor, library_actors
    from desktop.store.analyses import analysed_ids
    from desktop.store.database import close_library
    from desktop.store.search import search_articles

    count, actor = open_measured(path)
    window = session.window
    query = "police"
    runs: dict[str, list[float]] = {"list": [], "all": [], "search": [], "filter": [], "articles": [],
                                     "actors": []}
    dock = window.library_dock
    dock.load_actors()  # the filter panel's actors, as when it is shown
    choice = dock.panel.actor.findData(actor)
    for _ in range(RUNS):
        first_page, every_article = time_library_list(session)
        runs["list"].append(first_page)
        runs["all"].append(every_article)
        t = now()
        hits = search_articles(query)
        runs["search"].append(now() - t)
        t = now()
        dock.panel.actor.setCurrentIndex(choice)
        session.app.processEvents()
        dock.repaint()
        runs["filter"].append(now() - t)
        filtered = dock.model.rowCount()
        dock.panel.actor.setCurrentIndex(0)
        session.settle()
        t = now()
        rows = articles_of_actor(actor)
        runs["articles"].append(now() - t)
        t = now()
        ensure_actor_summaries(analysed_ids())  # what the Library actors view does first
        actors = library_actors()
        runs["actors"].append(now() - t)
    assert window.library_dock.model.rowCount() == count
    assert hits and rows and actors
    assert filtered == len(rows)
    close_library()
    size = sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())
    built = "reused from bench/.cache" if reused else "built in this run"
    return [
        Figure("lib100k_list", f"library list, {count:,} articles (first page shown, the rest read "
               "between events)", median(runs["list"]), "s", 0.200, runs["list"]),
        Figure("lib100k_list_all", f"library list, every one of the {count:,} articles read",
               median(runs["all"]), "s", None, runs["all"]),
        Figure("lib100k_search", f"full-text search '{query}', {count:,} articles ({len(hits)} hits shown)",
               median(runs["search"]), "s", 0.100, runs["search"]),
        Figure("lib100k_filter", f"actor filter '{actor}' in the Library, {count:,} articles "
               f"({filtered:,} shown)", median(runs["filter"]), "s", 0.150, runs["filter"]),
        Figure("lib100k_actor_articles", f"the actor's articles with titles and dates ({len(rows):,}, "
               "the Library actors view's query)", median(runs["articles"]), "s", None, runs["articles"]),
        Figure("lib100k_actors", f"library actors ({len(actors):,} rows), {count:,} articles (data, no charts)",
               median(runs["actors"]), "s", 0.500, runs["actors"]),
        Figure("lib100k_bytes", f"library file size per article ({size / 1e9:.2f} GB / {count:,})",
               size / count, "bytes", note=built),
    ]
