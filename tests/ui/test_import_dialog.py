"""Importing from the GUI: the import dialog (per-file status, progress,
cancel, summary), the column mapping dialog, drag and drop onto the window,
and the background analysis of the new articles."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog

from desktop.services.importing import import_paths
from desktop.store.analyses import is_analysed
from desktop.store.articles import get_article
from desktop.store.database import close_library, open_library
from desktop.store.models import ArticleRow
from desktop.ui.library import import_dialog as import_dialog_module
from desktop.ui.library.import_dialog import ImportDialog
from desktop.ui.library.mapping_dialog import MappingDialog

TIMEOUT = 20_000
ANALYSIS_TIMEOUT = 120_000


@pytest.fixture()
def library(tmp_path):
    open_library(tmp_path / "library.sqlite3")
    yield
    close_library()


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_dialog(qtbot, paths, **kwargs):
    dialog = ImportDialog(paths, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def run(qtbot, dialog):
    with qtbot.waitSignal(dialog.importFinished, timeout=TIMEOUT) as finished:
        dialog.start()
    return finished.args[0]


def statuses(dialog):
    return {f.label: f.text() for f in dialog.files_model.files}


def test_a_folder_imports_with_a_status_per_file_and_a_summary(
    qtbot, library, tmp_path, qtmodeltester
):
    folder = tmp_path / "news"
    write(folder / "a.txt", "Angela Merkel met Emmanuel Macron in Berlin.")
    write(folder / "b.txt", "Angela Merkel met Emmanuel Macron in Berlin.")  # the same text
    (folder / "c.bin").write_bytes(bytes(range(256)) * 4)
    write(folder / "sub" / "d.md", "# Heading\n\nRecep Tayyip Erdoğan spoke in Ankara.")
    dialog = make_dialog(qtbot, [folder])
    report = run(qtbot, dialog)
    assert statuses(dialog) == {
        "news/a.txt": "imported 1",
        "news/b.txt": "duplicate",
        "news/c.bin": f"failed: {report.failures[0][1]}",
        "news/sub/d.md": "imported 1",
    }
    assert dialog.bar.value() == dialog.bar.maximum()
    summary = dialog.summary.text()
    assert "Imported 2 articles from 2 files." in summary
    assert "Skipped 1 already in the library" in summary
    assert "1 file failed:" in summary and "c.bin" in summary
    assert ArticleRow.select().count() == 2
    assert dialog.cancel_button.text() == "Close"
    qtmodeltester.check(dialog.files_model)


def test_cancel_keeps_what_was_imported_and_writes_nothing_more(
    qtbot, library, tmp_path, monkeypatch
):
    text = "Article {}: the minister spoke on Monday."
    paths = [write(tmp_path / f"{n}.txt", text.format(n)) for n in "abc"]
    gate, real = threading.Event(), import_dialog_module.import_file

    def slow(path, columns):
        if path.name == "b.txt":  # the worker waits here until Cancel is pressed
            gate.wait(TIMEOUT / 1000)
        return real(path, columns)

    monkeypatch.setattr(import_dialog_module, "import_file", slow)
    dialog = make_dialog(qtbot, paths)
    with qtbot.waitSignal(dialog.importFinished, timeout=TIMEOUT) as finished:
        dialog.start()
        qtbot.waitUntil(lambda: statuses(dialog).get("b.txt") == "importing…", timeout=TIMEOUT)
        dialog.reject()  # the Cancel button
        assert not dialog.cancel_button.isEnabled()
        gate.set()
    report = finished.args[0]
    assert report.cancelled
    assert sorted(r.text[:9] for r in ArticleRow.select()) == ["Article a", "Article b"]
    assert statuses(dialog)["c.txt"] == "not imported: cancelled"
    assert "Cancelled: 1 file not imported." in dialog.summary.text()


def test_the_mapping_dialog_chooses_columns(qtbot, tmp_path):
    path = write(tmp_path / "odd.csv", "story,hed,when\n"
                 '"Angela Merkel met Emmanuel Macron.",Merkel meets Macron,04/01/2019\n')
    dialog = MappingDialog.for_file(path)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.warning.text().startswith("Choose the column")
    assert dialog.table.item(0, 1).text() == "Merkel meets Macron"
    dialog.choose("text", "story")
    dialog.choose("title", "hed")
    dialog.choose("date", "when")
    assert ok.isEnabled()
    assert dialog.mapping() == {"text": "story", "title": "hed", "date": "when",
                                "url": "", "source": "", "author": ""}
    assert "→ title" in dialog.table.horizontalHeaderItem(1).text()


def test_none_unmaps_a_column_the_importer_would_guess(qtbot, library, tmp_path):
    path = write(tmp_path / "news.csv", "text,title,date\n"
                 '"Angela Merkel met Emmanuel Macron.",Merkel meets Macron,2019-01-04\n')
    dialog = MappingDialog.for_file(path)
    qtbot.addWidget(dialog)
    assert dialog.combos["date"].currentText() == "date"  # guessed by its name
    dialog.choose("date", None)
    assert "→ date" not in dialog.table.horizontalHeaderItem(2).text()
    report = import_paths([path], dialog.mapping())
    (article_id,) = report.imported
    stored = get_article(article_id)
    assert stored.title == "Merkel meets Macron" and stored.date is None


def test_unknown_columns_are_asked_and_the_import_uses_them(qtbot, library, tmp_path, monkeypatch):
    path = write(tmp_path / "odd.csv", "story,hed,when\n"
                 '"Angela Merkel met Emmanuel Macron.",Merkel meets Macron,2019-01-04\n'
                 '"Boris Johnson spoke in London.",Johnson speaks,2019-01-05\n')
    asked = []

    def answer(self):
        asked.append(self.windowTitle())
        self.choose("text", "story")
        self.choose("title", "hed")
        self.choose("date", "when")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", answer)
    dialog = make_dialog(qtbot, [path])
    report = run(qtbot, dialog)
    assert asked == ["Columns of odd.csv"]
    assert len(report.imported) == 2
    rows = sorted((r.title, r.date) for r in ArticleRow.select())
    assert rows == [("Johnson speaks", "2019-01-05"), ("Merkel meets Macron", "2019-01-04")]


def test_a_cancelled_mapping_skips_the_file(qtbot, library, tmp_path, monkeypatch):
    path = write(tmp_path / "odd.csv", "story,hed\n\"Some text here.\",A title\n")
    monkeypatch.setattr(MappingDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    dialog = make_dialog(qtbot, [path])
    report = run(qtbot, dialog)
    assert report.imported == []
    assert statuses(dialog) == {"odd.csv": "not imported: no columns chosen"}
    assert ArticleRow.select().count() == 0


def drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where, buttons = QPointF(200, 200), Qt.MouseButton.LeftButton
    # As a real drag does: the window accepts the enter, then takes the drop.
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, buttons,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(where, Qt.DropAction.CopyAction, mime, buttons,
                                              Qt.KeyboardModifier.NoModifier))


def test_dropping_a_folder_imports_it_and_analyses_in_the_background(make_window, qtbot, tmp_path):

    window = make_window()
    seed = window.session.article.id
    controller = window.library
    folder = tmp_path / "dropped"
    texts = ["Angela Merkel met Emmanuel Macron in Berlin on Tuesday.",
             "Boris Johnson said in London that the vote would come.",
             "Recep Tayyip Erdoğan spoke to reporters in Ankara."]
    for n, text in enumerate(texts):
        write(folder / f"{n}.txt", text)
    with qtbot.waitSignal(controller.importFinished, timeout=TIMEOUT) as finished:
        drop(window, [folder])
    new = finished.args[0].imported
    assert len(new) == 3
    assert window.library_dock.model.rowCount() == 4
    assert controller.analyser.running()
    window.open_article(seed)  # an analysed article opens at once meanwhile
    assert window.session.analysis is not None and window.session.article.id == seed
    qtbot.waitUntil(lambda: not controller.analyser.running(), timeout=ANALYSIS_TIMEOUT)
    assert all(is_analysed(i) for i in new)
    dock = window.library_dock
    counts = [dock.model.rows[dock.model.row_of(i)].entities for i in new]
    assert all(c > 0 for c in counts)
    dialog = controller.dialogs[0]
    assert dialog.analysis_status.text() == "Analysed all 3 new articles."


def test_import_actions_are_in_the_file_menu(make_window):

    window = make_window()
    controller = window.library
    texts = [a.text() for a in window.menus["&File"].actions()]
    assert "Import f&older…" in texts and "&Import files…" in texts
    assert texts.index("&Import files…") == texts.index("&Open…") + 1
    assert controller.actions["import_folder"].shortcut().toString() == "Ctrl+Shift+O"


def test_summary_says_what_other_coders_added_and_the_warnings():
    from pathlib import Path

    from desktop.services.importing import FileResult, ImportReport
    from desktop.ui.library.import_dialog import summary_text

    report = ImportReport([FileResult(Path("ben.json"), duplicates=2, merged=3,
                                      warnings=["ben.json: 1 highlight outside the text was left out"])])
    lines = summary_text(report).splitlines()
    assert "3 highlights of other coders added to articles already here." in lines
    assert "1 warning:" in lines and "  • ben.json: 1 highlight outside the text was left out" in lines
