"""Figures 2-5: opening articles, annotating, scrolling, and the library,
measured in the real main window on Qt's offscreen platform.

"Shown" means: every span handed to the reader, pending events processed
and the reader's viewport (and its gutter) painted.
"""
from __future__ import annotations

from pathlib import Path

from bench.common import Figure, median, now
from bench.fixtures import ReaderLibrary

OPEN_RUNS = {"typical": 7, "longest": 5, "big": 3}
EDIT_RUNS = 5
SCROLL_RUNS = 3
LIBRARY_RUNS = 5


class Session:
    """One QApplication and main window for the in-process figures."""

    def __init__(self, library: Path) -> None:
        from desktop.store.database import open_library
        from desktop.ui.app import application
        from desktop.ui.main_window import MainWindow
        from desktop.ui.settings import Settings

        self.app = application()
        open_library(library)
        self.window = MainWindow(Settings())
        self.window.refresh_library()
        self.window.show()
        self.settle()

    def settle(self) -> None:
        self.app.processEvents()

    def paint(self) -> None:
        """Process what is pending and paint the reader now."""
        self.app.processEvents()
        reader = self.window.reader
        reader.viewport().repaint()
        reader.gutter.repaint()

    def choose(self, article_id: int) -> None:
        """What choosing an article in the library does."""
        self.window.library_dock.articleChosen.emit(article_id)

    def open_time(self, article_id: int) -> float:
        start = now()
        self.choose(article_id)
        self.paint()
        return now() - start


def check_open(session: Session, article_id: int, highlights: int | None = None) -> None:
    """The article is shown with every entity, quote and highlight in its layers."""
    window = session.window
    assert window.session.article is not None and window.session.article.id == article_id
    assert window.session.analysis is not None
    hl = window.reader.highlighter
    shown_entities = [s for s in hl.layer("entities")]
    expected = [e for e in window.session.analysis.entities if e.label not in window.article_layers.hidden_labels]
    assert len(shown_entities) == len(expected), (len(shown_entities), len(expected))
    assert len(hl.layer("quotes")) == len(window.session.analysis.quotes)
    if highlights is not None:
        assert len(window.annotator.annotations) == highlights


def opening(session: Session, lib: ReaderLibrary) -> list[Figure]:
    figures = []
    others = {"typical": lib.longest, "longest": lib.typical, "big": lib.typical}
    names = {
        "typical": f"open a typical article ({lib.typical_words:,} words)",
        "longest": f"open the longest Wikinews article ({lib.longest_words:,} words)",
        "big": f"open the {lib.big_words:,}-word document ({lib.big_entities:,} entities, "
               f"{lib.big_highlights:,} highlights)",
    }
    targets = {"typical": 0.100, "longest": None, "big": 1.5}
    for key, article_id in (("typical", lib.typical), ("longest", lib.longest), ("big", lib.big)):
        runs = []
        for _ in range(OPEN_RUNS[key]):
            session.choose(others[key])
            session.paint()
            runs.append(session.open_time(article_id))
            check_open(session, article_id, lib.big_highlights if key == "big" else None)
        figures.append(Figure(f"open_{key}", names[key], median(runs), "s", targets[key], runs))
    return figures


def annotating(session: Session, lib: ReaderLibrary) -> list[Figure]:
    from PySide6.QtTest import QTest

    window, reader = session.window, session.window.reader
    session.choose(lib.big)
    session.paint()
    text = window.session.article.text
    times: dict[str, list[float]] = {"tag": [], "undo": [], "redo": []}
    count = len(window.annotator.annotations)
    for n in range(EDIT_RUNS):
        offset = len(text) * (n + 1) // (EDIT_RUNS + 2)
        start = text.find(" ", offset) + 1
        end = text.find(" ", start + 40)
        reader.select_offsets(start, end)
        session.paint()
        t = now()
        QTest.keyClick(reader, "1")  # the Claim tag's shortcut
        session.paint()
        times["tag"].append(now() - t)
        assert len(window.annotator.annotations) == count + 1
        t = now()
        window.actions["undo"].trigger()
        session.paint()
        times["undo"].append(now() - t)
        assert len(window.annotator.annotations) == count
        t = now()
        window.actions["redo"].trigger()
        session.paint()
        times["redo"].append(now() - t)
        assert len(window.annotator.annotations) == count + 1
        window.actions["undo"].trigger()  # back to the 2,000
        session.paint()
    return [
        Figure(f"edit_{k}", f"{label} on the big document (key press to saved and shown)",
               median(v), "s", 0.050, v)
        for k, label, v in (("tag", "tag a selection", times["tag"]), ("undo", "undo", times["undo"]),
                            ("redo", "redo", times["redo"]))
    ]


def scrolling(session: Session, lib: ReaderLibrary) -> list[Figure]:
    reader = session.window.reader
    bar = reader.verticalScrollBar()
    worst, frames_all = [], []
    for _ in range(SCROLL_RUNS):
        session.choose(lib.typical)
        session.paint()
        session.choose(lib.big)
        session.paint()
        bar.setValue(0)
        session.paint()
        frames = []
        while bar.value() < bar.maximum():
            t = now()
            bar.setValue(bar.value() + bar.pageStep())
            session.paint()
            frames.append(now() - t)
        worst.append(max(frames))
        frames_all += frames
    frames_all.sort()
    note = f"{len(frames_all) // SCROLL_RUNS} pages a run; median frame {median(frames_all) * 1000:.1f} ms"
    return [Figure("scroll_worst", "slowest scroll frame, paging through the big document",
                   median(worst), "s", 0.050, worst, note)]


def library(session: Session, path: Path) -> list[Figure]:
    from desktop.store.actors import articles_of_actor
    from desktop.store.search import search_articles

    count, actor = open_measured(path)
    window = session.window
    query = "police"
    runs: dict[str, list[float]] = {"list": [], "all": [], "search": [], "filter": []}
    for _ in range(LIBRARY_RUNS):
        first_page, every_article = time_library_list(session)
        runs["list"].append(first_page)
        runs["all"].append(every_article)
        t = now()
        hits = search_articles(query)
        runs["search"].append(now() - t)
        t = now()
        rows = articles_of_actor(actor)
        runs["filter"].append(now() - t)
    assert window.library_dock.model.rowCount() == count
    assert hits and rows
    return [
        Figure("library_list", f"library list, {count:,} articles (first page shown)", median(runs["list"]), "s",
               0.200, runs["list"]),
        Figure("library_list_all", f"library list, every one of the {count:,} articles read",
               median(runs["all"]), "s", None, runs["all"]),
        Figure("library_search", f"full-text search '{query}' ({len(hits)} hits shown)",
               median(runs["search"]), "s", 0.100, runs["search"]),
        Figure("library_filter", f"actor filter '{actor}' ({len(rows)} articles)",
               median(runs["filter"]), "s", 0.100, runs["filter"]),
    ]


def time_library_list(session: Session) -> tuple[float, float]:
    """The Library list emptied, then filled again: seconds until its first
    page is painted, and until every article is read (the other pages come
    between events)."""
    window = session.window
    window.library_dock.set_articles([])
    session.settle()
    t = now()
    window.refresh_library()
    session.app.processEvents()
    window.library_dock.repaint()
    first_page = now() - t
    while window.library_dock.model.loading:
        session.app.processEvents()
    return first_page, now() - t


def open_measured(path: Path) -> tuple[int, str]:
    """Open a library to measure: its number of articles and its most
    frequent actor (the one the actor filter is timed with)."""
    from desktop.store.database import close_library, open_library
    from desktop.store.models import db

    close_library()
    open_library(path)
    count = db.execute_sql("SELECT COUNT(*) FROM article").fetchone()[0]
    actor = db.execute_sql(
        "SELECT name FROM article_actor GROUP BY name ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    return count, actor
