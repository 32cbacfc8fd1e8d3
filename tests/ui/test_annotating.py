"""Highlighting, tagging and correcting in the real window."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QLineEdit, QMessageBox

from desktop.store.annotations import list_annotations
from desktop.store.tags import list_tags, tag_id_by_name


def select(window, start: int, end: int) -> None:
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.doc_position(start))
    cursor.setPosition(window.reader.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)


def colours_at(window, offset: int) -> set[str]:
    return {f.background().color().name() for f in window.reader.formats_at(offset) if f.background().style()}


def tag_colour(name: str) -> str:
    return QColor(next(t.color for t in list_tags() if t.name == name)).name()


def test_shortcut_tags_the_selection_and_undo_redo_follow(make_window, qtbot):
    window = make_window()
    text = window.session.article.text
    start = text.index("upped the ante")
    select(window, start, start + len("upped the ante"))
    qtbot.keyClick(window.reader, Qt.Key.Key_1)  # "1" is Claim
    (saved,) = list_annotations(window.session.article.id)
    assert (saved.start, saved.end, saved.tags) == (start, start + 14, ["Claim"])
    assert tag_colour("Claim") in colours_at(window, start + 2)
    assert window.annotations_dock.model.rowCount() == 1
    undo, redo = window.actions["undo"], window.actions["redo"]
    assert undo.text() == "&Undo Tag 'Claim'"
    undo.trigger()
    assert list_annotations(window.session.article.id) == []
    assert tag_colour("Claim") not in colours_at(window, start + 2)
    redo.trigger()
    assert [a.tags for a in list_annotations(window.session.article.id)] == [["Claim"]]
    assert tag_colour("Claim") in colours_at(window, start + 2)


def test_selection_snaps_to_whole_words(make_window, qtbot):
    window = make_window()
    text = window.session.article.text
    start = text.index("upped the ante")
    select(window, start + 2, start + 11)  # "ped the a"
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    (saved,) = list_annotations(window.session.article.id)
    assert text[saved.start:saved.end] == "upped the ante"


def test_overlapping_highlights_both_show(make_window, qtbot):
    window = make_window()
    text = window.session.article.text
    a = text.index("Macron, who has long pushed")
    select(window, a, a + len("Macron, who has long pushed"))
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    b = text.index("long pushed for a European")
    select(window, b, b + len("long pushed for a European"))
    qtbot.keyClick(window.reader, Qt.Key.Key_3)
    saved = list_annotations(window.session.article.id)
    assert sorted(a.tags[0] for a in saved) == ["Claim", "Opinion"]
    overlap = text.index("pushed", b)
    underline_styles = {f.underlineStyle() for f in window.reader.formats_at(overlap)}
    assert any(s.name == "WaveUnderline" for s in underline_styles)
    tips = [s.tip for _, s in window.reader.highlighter.spans_at(overlap) if s.tip]
    assert any("Claim" in t and "Opinion" in t for t in tips)
    assert len(window.reader.gutter.marks) == 2
    assert {m[3] for m in window.reader.gutter.marks} == {0, 1}  # stacked in two columns


def test_note_edited_in_the_dock_is_saved(make_window, qtbot):
    window = make_window()
    start = window.session.article.text.index("Nord Stream 2")
    select(window, start, start + 13)
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    dock = window.annotations_dock
    index = dock.proxy.index(0, 2)
    dock.view.setCurrentIndex(index)
    dock.edit_note()
    editor = dock.view.viewport().findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.setText("Pipeline mentioned before the talks")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits the editor's text through a queued call.
    qtbot.waitUntil(lambda: list_annotations(window.session.article.id)[0].note != "", timeout=5000)
    (saved,) = list_annotations(window.session.article.id)
    assert saved.note == "Pipeline mentioned before the talks"
    assert dock.model.data(dock.model.index(0, 2)) == "Pipeline mentioned before the talks"
    window.actions["undo"].trigger()
    assert list_annotations(window.session.article.id)[0].note == ""


def test_deleting_a_tag_in_use_asks_first(make_window, qtbot, monkeypatch):
    window = make_window()
    start = window.session.article.text.index("Nord Stream 2")
    select(window, start, start + 13)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    asked = []

    def answer(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    claim = tag_id_by_name("Claim")
    window.annotator.delete_tag(claim)
    assert "used by 1 highlight" in asked[0]
    assert tag_id_by_name("Claim") == claim
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.annotator.delete_tag(claim)
    assert tag_id_by_name("Claim") is None
    assert list_annotations(window.session.article.id)[0].tags == []
    window.actions["undo"].trigger()
    assert list_annotations(window.session.article.id)[0].tags == ["Claim"]
    assert "Claim" in {t.name for t in window.tags_dock.tags}


def test_removed_entity_does_not_come_back_after_reanalysis(make_window, qtbot):
    window = make_window()
    text = window.session.article.text
    nato = text.index("NATO")
    entity = window.corrector.entity_at(nato)
    assert entity is not None and text[entity.start:entity.end] == "NATO"
    window.corrector.remove_entity(entity)
    assert window.corrector.entity_at(nato) is None
    with qtbot.waitSignal(window.analysisShown, timeout=120_000):
        window.analyser.reanalyse()
    assert window.corrector.entity_at(nato) is None
    assert window.corrector.entity_at(text.index("NATO", nato + 4)) is not None


def test_rule_kyiv_is_a_place_applies_to_an_article_analysed_later(make_window, qtbot, tmp_path):
    window = make_window()
    text = window.session.article.text
    kyiv = text.index("Kyiv")
    entity = window.corrector.entity_at(kyiv)
    window.corrector.change_label(entity, "GPE")
    window.corrector.apply_everywhere("Kyiv", "GPE")
    assert {e.label for e in window.session.analysis.entities if text[e.start:e.end] == "Kyiv"} == {"GPE"}
    second = tmp_path / "kyiv.txt"
    second.write_text("Kyiv welcomed the visit. Officials in Kyiv said talks went well.", encoding="utf-8")
    with qtbot.waitSignal(window.analysisShown, timeout=120_000):
        window.import_and_open([second])
    other = window.session.article.text
    labels = {(e.start, e.label) for e in window.session.analysis.entities if other[e.start:e.end] == "Kyiv"}
    assert labels == {(0, "GPE"), (other.index("Kyiv", 1), "GPE")}


def test_user_quote_and_speaker_change_survive_reopening(make_window, qtbot, tmp_path, monkeypatch):
    db = tmp_path / "kept.sqlite3"
    window = make_window(db)
    text = window.session.article.text
    start = text.index("Moscow also views")
    end = text.index(".", start)
    monkeypatch.setattr("desktop.ui.corrections.corrector.QuoteDialog.exec", lambda self: True)
    monkeypatch.setattr(
        "desktop.ui.corrections.corrector.QuoteDialog.values", lambda self: ("Vladimir Putin", "indirect")
    )
    window.corrector.mark_quote(start, end)
    assert any(q.origin == "user" and q.start == start for q in window.session.analysis.quotes)
    assert window.quotes_dock.model.rowCount() == len(window.session.analysis.quotes)
    window.close()
    again = make_window(db)
    quote = next(q for q in again.session.analysis.quotes if q.start == start)
    assert (quote.speaker_name, quote.type, quote.origin) == ("Vladimir Putin", "indirect", "user")
