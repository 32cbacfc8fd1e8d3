"""A library of 10,000 articles lists and searches correctly (no timing:
see `make bench`).  The articles are bulk-inserted, as `bench/` builds its
library, so the test takes seconds."""
from __future__ import annotations

from desktop.store.articles import list_articles
from desktop.store.models import db
from desktop.store.search import search_articles

SIZE = 10_000
TOPICS = ("election", "flood", "vaccine", "strike", "summit")


def fill(size: int = SIZE) -> None:
    rows = []
    for n in range(1, size + 1):
        topic = TOPICS[n % len(TOPICS)]
        # "Zanzibar" only in every 250th article, "ferry" in its title too.
        extra = " A ferry sank off Zanzibar." if n % 250 == 0 else ""
        text = f"Report {n} on the {topic} by our correspondent.{extra}"
        title = f"Ferry report {n}" if extra else f"Report {n}: {topic}"
        date = f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        rows.append((n, title, date, "Wire", None, text, f"{n:064x}", "2026-01-01"))
    with db.atomic():
        db.obj.cursor().executemany(
            "INSERT INTO article (id, title, date, source, url, text, sha256, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def test_ten_thousand_articles_list_in_date_order(library) -> None:
    fill()
    rows = list_articles()
    assert len(rows) == SIZE
    assert len({r.id for r in rows}) == SIZE
    dates = [r.date for r in rows]
    assert dates == sorted(dates, reverse=True)


def test_ten_thousand_articles_search(library) -> None:
    fill()
    hits = search_articles("Zanzibar")
    assert sorted(h.id for h in hits) == list(range(250, SIZE + 1, 250))
    # The title weighs more than the text: the titles say "Ferry" too.
    assert all(h.title.startswith("Ferry report") for h in search_articles("ferry"))
    assert "⟦Zanzibar⟧" in hits[0].snippet
    # A word in 2,000 articles: the best 500, each once.
    many = search_articles("flood")
    assert len(many) == 500 and len({h.id for h in many}) == 500
    assert all(h.id % len(TOPICS) == TOPICS.index("flood") for h in many)
    assert len(search_articles("flood", limit=SIZE)) == SIZE // 5
    assert search_articles("nowhere") == []


def test_ten_thousand_articles_in_the_library_dock(qtbot, library) -> None:
    from PySide6.QtCore import Qt

    from desktop.ui.library.library_dock import DATE, TITLE
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    fill()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.refresh_library()
    dock = window.library_dock
    assert 0 < dock.model.rowCount() < SIZE  # the first page at once, the rest between events
    qtbot.waitUntil(lambda: not dock.model.loading, timeout=10_000)
    assert dock.model.rowCount() == SIZE
    assert dock.count_label.text() == f"{SIZE} articles"
    dates = [dock.model.index(r, DATE).data() for r in range(SIZE)]
    assert dates == sorted(dates, reverse=True)  # newest first
    dock.view.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    titles = [dock.model.index(r, TITLE).data() for r in range(SIZE)]
    assert titles == sorted(titles, key=str.casefold)
    dock.search.setText("Zanzibar")
    dock.run_search()
    assert sorted(dock.visible_ids()) == list(range(250, SIZE + 1, 250))
    assert dock.count_label.text() == f"40 of {SIZE} articles match"
    dock.clear_filters()
    assert len(dock.visible_ids()) == SIZE
