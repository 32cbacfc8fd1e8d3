"""The Library dock: a table of the articles with search, filters, sorting,
and deleting (asked first, annotations removed too)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core.model import Actor, Annotation
from desktop.services.importing import import_paths
from desktop.store.actors import store_article_actors
from desktop.store.annotations import add_annotation, list_annotations, set_tags
from desktop.store.database import close_library, open_library
from desktop.store.library import delete_articles, library_rows
from desktop.store.models import AnnotationRow, AnnotationTagRow, ArticleRow, db
from desktop.ui.library.library_dock import (
    DATE,
    HIGHLIGHTS,
    SNIPPET_ROLE,
    TAGS,
    TITLE,
    LibraryDock,
    LibraryModel,
    snippet_html,
)

CORPUS = Path(__file__).parents[1] / "data" / "corpus" / "wikinews_2019.csv"
# A handful of rows: the three that name Erdoğan (45, 133, 143) and others.
ROWS = (0, 1, 2, 3, 45, 133, 143)


def corpus_sample(folder: Path) -> Path:
    """Some rows of the Wikinews corpus, with a source column added."""
    csv.field_size_limit(1 << 28)
    with CORPUS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    path = folder / "sample.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([*rows[0], "source"])
        for n in ROWS:
            writer.writerow([*rows[n + 1], "Wikinews" if n % 2 else "Newswire"])
    return path


@pytest.fixture()
def library(tmp_path):
    """A library of the sample rows, imported without analysis; the ids by title."""
    open_library(tmp_path / "library.sqlite3")
    report = import_paths([corpus_sample(tmp_path)])
    assert len(report.imported) == len(ROWS)
    yield {r.title: r.id for r in library_rows()}
    close_library()


@pytest.fixture()
def dock(qtbot, library):
    dock = LibraryDock()
    qtbot.addWidget(dock)
    dock.show()
    dock.set_articles(library_rows())
    return dock


def titles(dock):
    return [dock.model.index(r, TITLE).data() for r in range(dock.model.rowCount())]


def highlight(article_id, tags=(), count=1):
    for n in range(count):
        add_annotation(article_id, Annotation(n, n + 4, list(tags)))


def test_the_models_pass_the_model_tester(dock, qtmodeltester):
    highlight(next(iter(dock.model._row_of)), ["Claim"])
    dock.set_articles(library_rows())
    dock.search.setText("Syria")
    dock.run_search()
    qtmodeltester.check(dock.model)


def test_rows_show_counts_and_tags(dock, library):
    erdogan = next(i for t, i in library.items() if t.startswith("Turkey's President Erdogan"))
    highlight(erdogan, ["Claim", "Opinion"], count=2)
    dock.set_articles(library_rows())
    row = dock.model.row_of(erdogan)
    values = [dock.model.index(row, c).data() for c in range(7)]
    assert values[1:3] == ["2019-03-31", "Wikinews"]
    assert values[HIGHLIGHTS] == 2
    assert values[6] == "Claim, Opinion"
    assert dock.count_label.text() == f"{len(ROWS)} articles"


def test_search_finds_erdogan_with_a_marked_snippet(dock):
    dock.search.setText("Erdoğan")
    dock.run_search()
    shown = titles(dock)
    assert len(shown) == 3
    assert any("Erdogan" in t for t in shown)
    snippet = dock.model.index(0, TITLE).data(SNIPPET_ROLE)
    assert "⟦" in snippet
    assert "<b>Erdo" in snippet_html(snippet)
    assert "<b>Erdo" in dock.model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert dock.count_label.text() == f"3 of {len(ROWS)} articles match"
    dock.search.clear()
    dock.run_search()
    assert len(titles(dock)) == len(ROWS)
    assert dock.model.index(0, TITLE).data(SNIPPET_ROLE) is None


def test_snippets_are_escaped():
    assert snippet_html("<i>a</i> ⟦b&c⟧") == "&lt;i&gt;a&lt;/i&gt; <b>b&amp;c</b>"


def test_filters_by_tag_source_date_and_actor(dock, library, qtbot):
    ids = sorted(library.values())
    highlight(ids[0], ["Evidence"])
    store_article_actors(ids[1], [Actor("Recep Tayyip Erdoğan", "person")])
    store_article_actors(ids[2], [Actor("Recep Tayyip Erdoğan", "person")])
    dock.set_articles(library_rows())
    dock.filters_button.setChecked(True)
    panel = dock.panel

    panel.tag.setCurrentIndex(panel.tag.findData("Evidence"))
    assert dock.visible_ids() == [ids[0]]
    assert dock.filters_button.text() == "Filters (1)"
    panel.clear()
    assert len(dock.visible_ids()) == len(ROWS)

    panel.source.setCurrentIndex(panel.source.findData("Newswire"))
    sources = {dock.model.rows[dock.model.row_of(i)].source for i in dock.visible_ids()}
    assert sources == {"Newswire"} and len(dock.visible_ids()) == 2
    panel.clear()

    panel.use_from.setChecked(True)
    panel.date_from.setDate(panel.date_from.date().fromString("2019-03-01", Qt.DateFormat.ISODate))
    panel.use_to.setChecked(True)
    panel.date_to.setDate(panel.date_to.date().fromString("2019-10-10", Qt.DateFormat.ISODate))
    dates = [dock.model.index(r, DATE).data() for r in range(dock.model.rowCount())]
    assert dates and all("2019-03-01" <= d <= "2019-10-10" for d in dates)
    assert len(dates) < len(ROWS)
    panel.clear()

    panel.actor.setCurrentIndex(panel.actor.findData("Recep Tayyip Erdoğan"))
    assert sorted(dock.visible_ids()) == ids[1:3]
    assert dock.count_label.text() == f"2 of {len(ROWS)} articles shown"


def select_ids(dock, ids):
    selection = dock.view.selectionModel()
    selection.clearSelection()
    for article_id in ids:
        index = dock.model.index(dock.model.row_of(article_id), 0)
        selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)


def test_filters_keep_the_selection_and_follow_edits(dock, library):
    ids = sorted(library.values())
    highlight(ids[0], ["Evidence"])
    highlight(ids[1], ["Evidence"])
    dock.set_articles(library_rows())
    dock.view.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    select_ids(dock, [ids[0], ids[2]])
    dock.filters_button.setChecked(True)
    dock.panel.tag.setCurrentIndex(dock.panel.tag.findData("Evidence"))
    assert sorted(dock.visible_ids()) == ids[:2]
    assert dock.selected_ids() == [ids[0]]  # the hidden row left the selection
    assert titles(dock) == sorted(titles(dock), key=str.casefold)
    # The tag taken off ids[1]'s highlight: its row leaves the filtered table.
    (annotation,) = list_annotations(ids[1])
    set_tags(annotation.id, [])
    dock.update_articles(library_rows([ids[1]]))
    assert dock.visible_ids() == [ids[0]]
    assert dock.count_label.text() == f"1 of {len(ROWS)} articles shown"
    set_tags(annotation.id, ["Evidence"])  # and back
    dock.update_articles(library_rows([ids[1]]))
    assert sorted(dock.visible_ids()) == ids[:2]
    assert titles(dock) == sorted(titles(dock), key=str.casefold)
    dock.panel.clear()
    assert len(dock.visible_ids()) == len(ROWS)
    assert dock.selected_ids() == [ids[0]]
    assert titles(dock) == sorted(titles(dock), key=str.casefold)

def test_sorting_by_counts_is_numeric_and_by_date_newest_first(dock, library):
    ids = sorted(library.values())
    highlight(ids[0], count=10)
    highlight(ids[1], count=2)
    dock.set_articles(library_rows())
    dock.view.sortByColumn(HIGHLIGHTS, Qt.SortOrder.DescendingOrder)
    assert dock.visible_ids()[:2] == [ids[0], ids[1]]
    dock.view.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
    dates = [dock.model.index(r, DATE).data() for r in range(dock.model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    dock.view.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(dock) == sorted(titles(dock), key=str.casefold)


def test_choosing_a_row_opens_it_and_several_can_be_selected(dock, qtbot):
    first = dock.model.index(0, TITLE)
    with qtbot.waitSignal(dock.articleChosen) as chosen:
        dock.view.activated.emit(first)
    assert chosen.args == [first.data(Qt.ItemDataRole.UserRole)]
    dock.view.selectAll()
    assert len(dock.selected_ids()) == len(ROWS)
    with qtbot.waitSignal(dock.exportRequested) as export:
        dock.export_action.trigger()
    assert sorted(export.args[0]) == sorted(dock.model._row_of)


def test_delete_articles_removes_their_annotations(library):
    ids = sorted(library.values())
    highlight(ids[0], ["Claim"], count=2)
    assert delete_articles(ids[:2]) == 2
    assert ArticleRow.select().count() == len(ROWS) - 2
    assert AnnotationRow.select().count() == 0
    assert AnnotationTagRow.select().count() == 0
    fts = db.execute_sql("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'Erdogan'")
    assert fts.fetchone()[0] <= 3


def test_the_library_lists_in_a_few_queries(library, monkeypatch):
    """Set-based summaries: the number of queries does not grow with the rows."""
    calls = []
    real = db.obj.execute_sql
    monkeypatch.setattr(db.obj, "execute_sql", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    library_rows()
    assert len(calls) <= 8


def test_delete_asks_first_and_takes_the_highlights(make_window, qtbot, monkeypatch, tmp_path):

    window = make_window()
    controller = window.library
    import_paths([corpus_sample(tmp_path)])
    controller.refresh()
    dock = window.library_dock
    ids = [i for i in dock.visible_ids() if i != window.session.article.id][:2]
    highlight(ids[0], ["Claim"], count=3)
    asked = []

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert not controller.delete(ids)
    assert ArticleRow.select().where(ArticleRow.id.in_(ids)).count() == 2
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    window.settings.remember_article(ids[0])  # as if it had been read
    selection = dock.view.selectionModel()
    selection.clearSelection()
    for article_id in ids:
        index = dock.model.index(dock.model.row_of(article_id), 0)
        selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    with qtbot.waitSignal(controller.articlesDeleted) as deleted:
        dock.delete_action.trigger()
    assert sorted(deleted.args[0]) == sorted(ids)
    assert "these 2 articles" in asked[-1] and "3 highlights" in asked[-1]
    assert ArticleRow.select().where(ArticleRow.id.in_(ids)).count() == 0
    assert AnnotationRow.select().where(AnnotationRow.article.in_(ids)).count() == 0
    assert all(dock.model.row_of(i) < 0 for i in ids)
    assert ids[0] not in window.settings.recent()
    assert window.session.article is not None


def test_tag_all_updates_the_library_row_once(make_window, qtbot, monkeypatch):
    window = make_window()
    dock, article_id = window.library_dock, window.session.article.id
    matches = [m.span() for m in re.finditer(r"\bthe\b", window.session.article.text)][:5]
    assert len(matches) == 5
    updates = []
    shown = dock.update_articles
    monkeypatch.setattr(dock, "update_articles",
                        lambda rows: updates.append([r.id for r in rows]) or shown(rows))
    window.annotator.tag_all("Claim", matches)

    def cell(column):
        return dock.model.index(dock.model.row_of(article_id), column).data()

    qtbot.waitUntil(lambda: cell(HIGHLIGHTS) == 5)
    assert cell(TAGS) == "Claim"
    assert updates == [[article_id]]  # five change notices, one update of the row


def test_hidden_columns_stay_hidden_after_a_restart(make_window, tmp_path):
    db_path = tmp_path / "lib.sqlite3"
    window = make_window(db_path)
    dock = window.library_dock
    menu = dock.column_menu()  # what a right click on the header shows
    next(a for a in menu.actions() if a.text() == "Source").trigger()
    source = LibraryModel.HEADERS.index("Source")
    assert dock.view.isColumnHidden(source)
    window.close()
    again = make_window(db_path)
    assert again.library_dock.view.isColumnHidden(source)
    assert not again.library_dock.view.isColumnHidden(LibraryModel.HEADERS.index("Date"))
