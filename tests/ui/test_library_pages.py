"""The Library listed page by page (``library_pages``): the first page at
once, the rest read between events, and every article there before anything
sorts, filters or changes the rows."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.model import Actor, Annotation, Article, Mention
from desktop.store.actors import store_article_actors
from desktop.store.annotations import add_annotation
from desktop.store.articles import add_article
from desktop.store.database import close_library, open_library
from desktop.store.library import library_pages, library_rows
from desktop.ui.library.library_dock import DATE, ID_ROLE, TITLE, LibraryDock, LibraryModel

# Dated and undated articles, several on one day: the pages must cut through both.
DATES = ["2020-01-02", None, "2021-06-30", "2020-01-02", None, "2019-12-31", "2020-01-02", "", None, "2021-06-30"]


@pytest.fixture()
def ids(tmp_path):
    open_library(tmp_path / "library.sqlite3")
    made = []
    for n, date in enumerate(DATES):
        text = f"Article number {n} says something of its own."
        made.append(add_article(Article(text, title=f"Title {n:02d}", date=date))[0])
    add_annotation(made[3], Annotation(0, 7, ["Claim"]))
    store_article_actors(made[5], [Actor("Olaf Scholz", "person", [], [Mention(0, 4, "name")], 0)])
    yield made
    close_library()


def test_the_pages_together_are_the_whole_listing(ids):
    everything = library_rows()
    for first, size in ((1, 1), (2, 3), (4, 4), (3, 100), (100, 5)):
        pages = list(library_pages(first, size))
        assert [r for page, _more in pages for r in page] == everything
        assert [more for _page, more in pages] == [True] * (len(pages) - 1) + [False]
    assert [r.tags for r in everything if r.id == ids[3]] == [("Claim",)]


def _titles(model: LibraryModel) -> list[str]:
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


def test_the_model_shows_the_first_page_then_every_article(qtbot, qtmodeltester, ids):
    model = LibraryModel()
    model.sort(DATE, Qt.SortOrder.DescendingOrder)  # the table's own order
    model.set_pages(library_pages(3, 4))
    assert model.rowCount() == 3 and model.loading and model.canFetchMore(model.index(-1, -1))
    with qtbot.waitSignal(model.loaded, timeout=1000):
        while model.loading:
            model.fetch_page()
    assert _titles(model) == [r.title for r in library_rows()]
    assert model.row_of(ids[1]) == len(ids) - 1  # the first undated article comes last
    qtmodeltester.check(model)


@pytest.mark.parametrize("change", ["sort", "filter", "scroll"])
def test_sorting_filtering_or_scrolling_reads_every_page_first(qtbot, ids, change):
    model = LibraryModel()
    model.set_pages(library_pages(2, 2))
    assert model.rowCount() == 2
    if change == "sort":
        model.sort(TITLE, Qt.SortOrder.AscendingOrder)
        assert _titles(model) == sorted(r.title for r in library_rows())
    elif change == "filter":
        from desktop.ui.library.criteria import LibraryFilter

        model.set_filter(LibraryFilter(source=None, date_from="2020-01-01", date_to="2020-12-31"))
        assert sorted(model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())) == sorted(
            ids[n] for n, d in enumerate(DATES) if d == "2020-01-02")
    else:
        model.fetchMore(model.index(-1, -1))  # what the view asks at the end of the rows
        assert model.rowCount() == len(ids)
    assert not model.loading and model.total() == len(ids)


def test_the_dock_lists_every_article_with_its_filters(qtbot, ids):
    dock = LibraryDock()
    qtbot.addWidget(dock)
    dock.show()
    dock.show_pages(library_pages(2, 3))
    assert dock.model.rowCount() == 2 and "listing more" in dock.count_label.text()
    qtbot.waitUntil(lambda: not dock.model.loading, timeout=2000)
    assert dock.model.rowCount() == len(ids)
    assert dock.count_label.text() == f"{len(ids)} articles"
    assert dock.panel.tag.findData("Claim") > 0  # the filter panel knows every article's tags
    dock.show_pages(library_pages(2, 3))  # listed again, then filtered by an actor at once
    dock.load_actors()
    dock.panel.actor.setCurrentIndex(dock.panel.actor.findData("Olaf Scholz"))
    assert [dock.model.index(r, 0).data(ID_ROLE) for r in range(dock.model.rowCount())] == [ids[5]]
    assert not dock.model.loading


def test_a_page_that_cannot_be_read_leaves_the_others_and_says_why(qtbot, ids):
    from desktop.core.errors import StoreError

    def pages():
        rows = library_rows()
        yield rows[:2], True
        yield rows[2:4], True
        raise StoreError("the team library's server cannot be reached")

    dock = LibraryDock()
    qtbot.addWidget(dock)
    dock.show_pages(pages())
    qtbot.waitUntil(lambda: not dock.model.loading, timeout=2000)
    assert dock.model.rowCount() == 4
    assert dock.count_label.text() == (
        "4 articles; the rest could not be read: the team library's server cannot be reached")
