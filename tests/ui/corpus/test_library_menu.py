"""The Library menu in the window, on a library of shared-corpus articles:
each view is reached through its menu action, follows the Library's filter
and opens the article it points to with the span selected."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QDialog, QDockWidget

from desktop.store.models import db
from desktop.ui.agreement import AgreementView
from desktop.ui.corpus.report_dialog import ReportDialog


@pytest.fixture()
def window(make_window, corpus_template, tmp_path):
    path = tmp_path / "corpus.sqlite3"
    shutil.copy(corpus_template, path)
    return make_window(path)


def _dock(window, title: str) -> QDockWidget:
    docks = [d for d in window.findChildren(QDockWidget) if d.windowTitle() == title]
    assert len(docks) == 1
    return docks[0]


def test_all_quotes_from_the_menu_follows_the_filter_and_opens_the_quote(window, qtbot):
    assert window.menus["Li&brary"].title() == "Li&brary"
    action = window.actions["library_quotes"]
    assert action.shortcut().toString() == "Ctrl+Shift+Q"
    action.trigger()
    dock = _dock(window, "All quotes")
    assert dock.isVisible()
    view = dock.widget()
    total = db.execute_sql("SELECT COUNT(*) FROM article_quote").fetchone()[0]
    assert total > 0 and view.count.text() == f"{total} quotes"
    action.trigger()  # a second time: the same dock, shown again
    assert _dock(window, "All quotes") is dock

    # The Library's search narrows the view to the articles it shows.
    article_id = view.model.rows[-1].article_id
    title = db.execute_sql("SELECT title FROM article WHERE id = ?", (article_id,)).fetchone()[0]
    window.library_dock.search.setText(f'"{title}"')
    window.library_dock.run_search()
    shown = set(window.library_dock.visible_ids())
    assert article_id in shown and len(shown) < db.execute_sql("SELECT COUNT(*) FROM article").fetchone()[0]
    assert {q.article_id for q in view.model.rows} <= shown
    assert f"of {total} quotes" not in view.count.text() or view.model.total < total

    # Choosing a quote opens its article with the quote selected.
    row = next(r for r, q in enumerate(view.model.rows) if q.article_id == article_id)
    quote = view.model.rows[row]
    view.table.activated.emit(view.model.index(row, 3))
    assert window.session.article_id == article_id
    assert window.reader.textCursor().selectedText() == quote.content.replace("\n", "\u2029")
    assert window.windowTitle() == f"{title} — Byline"


def test_segments_matrix_and_report_from_the_menu(window, monkeypatch):
    window.actions["library_segments"].trigger()
    segments = _dock(window, "Retrieved segments")
    window.actions["library_matrix"].trigger()
    matrix = _dock(window, "Code matrix")
    assert segments.widget().__class__.__name__ == "RetrievedSegmentsView"
    assert matrix.isVisible() and matrix.widget().model.rowCount() > 0
    opened: list[ReportDialog] = []
    monkeypatch.setattr(ReportDialog, "open", lambda self: opened.append(self))
    window.actions["library_report"].trigger()
    assert len(opened) == 1
    people = db.execute_sql("SELECT COUNT(*) FROM article_quote").fetchone()[0]
    assert opened[0].report is not None and people > 0
    assert "quote" in opened[0].view.toPlainText().lower()


def test_agreement_from_the_menu_opens_the_article_chosen(window, qtbot):
    window.actions["library_agreement"].trigger()
    dialogs = [d for d in window.findChildren(QDialog) if d.windowTitle() == "Agreement between coders"]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    view = dialogs[0].findChild(AgreementView)
    qtbot.waitUntil(lambda: view.report is not None, timeout=30_000)
    assert view.chosen_coders() == ["ana", "ben"]
    assert view.message.text().startswith("2 coders on ")
    target = view.articles_model.rows[0].article_id
    index = view.articles_table.model().index(0, 0)
    view.articles_table.doubleClicked.emit(index)
    row = view.articles_table.model().mapToSource(index).row()
    assert window.session.article_id == view.articles_model.rows[row].article_id
    assert target in {r.article_id for r in view.articles_model.rows}


def test_compare_coders_from_the_article_menu_curates_into_the_reader(window):
    from desktop.core.curation import CURATION
    from desktop.ui.agreement import CompareCodersView

    first = db.execute_sql("SELECT MIN(id) FROM article").fetchone()[0]  # "ana" and "ben" both coded it
    window.open_article(first)
    window.actions["compare_coders"].trigger()
    dialogs = [d for d in window.findChildren(QDialog) if d.windowTitle().startswith("Compare coders — ")]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    view = dialogs[0].findChild(CompareCodersView)
    assert view.coders() == ("ana", "ben")
    assert CURATION not in {a.author for a in window.session.annotations}
    row = next(r for r, (item, _state) in enumerate(view.model.rows) if item.a)
    view.table.selectionModel().setCurrentIndex(view.model.index(row, 0),
                                                view.table.selectionModel().SelectionFlag.ClearAndSelect)
    view.actions_by_name["accept_a"].trigger()
    assert view.message.text() == ""
    # The session read the highlights again: the curated one is in the window.
    assert CURATION in {a.author for a in window.session.annotations}
    # Closed, the dialog's steps stay on the article's stack: Edit > Undo
    # takes the curated highlight out of the window, Redo puts it back.
    dialogs[0].close()
    dialogs[0].deleteLater()
    window.actions["undo"].trigger()
    assert CURATION not in {a.author for a in window.session.annotations}
    window.actions["redo"].trigger()
    assert CURATION in {a.author for a in window.session.annotations}


def test_export_offers_highlights_of_one_coder(window, tmp_path, monkeypatch):
    from desktop.ui.library.export_dialog import ExportDialog

    monkeypatch.setattr(ExportDialog, "open", lambda self: None)
    dialog = window.export_articles([window.session.article_id])
    assert [dialog.coder.itemText(i) for i in range(dialog.coder.count())] == ["everyone", "ana", "ben"]
    assert dialog.export_function() is dialog.export_fn
    dialog.coder.setCurrentIndex(dialog.coder.findData("ana"))
    fmt = dialog.format.findData("json")
    dialog.format.setCurrentIndex(fmt)
    target = tmp_path / "ana.json"
    dialog.export_function()([window.session.article_id], "json", target)
    text = target.read_text(encoding="utf-8")
    assert '"ana"' in text and '"ben"' not in text


def test_all_quotes_follow_a_gender_correction_and_its_undo(window):
    from desktop.ui.edits import commands

    window.actions["library_quotes"].trigger()
    view = _dock(window, "All quotes").widget()
    row = next(r for r, q in enumerate(view.model.rows) if q.actor_type == "person" and q.gender == "male")
    speaker = view.model.rows[row].speaker

    def genders() -> set[str]:
        return {view.model.index(r, 2).data() for r in range(view.model.rowCount())
                if view.model.rows[r].speaker == speaker}

    assert genders() == {"male"}
    window.undo.push(commands.SetActorGender(window.session.article_id, speaker, "female"))
    assert genders() == {"female"}
    window.actions["undo"].trigger()
    assert genders() == {"male"}
