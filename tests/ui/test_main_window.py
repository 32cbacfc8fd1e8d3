"""The real window, driven as a user would."""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from desktop.core import labels
from desktop.services import analysis as analysis_module


def backgrounds_at(window, offset):
    return {f.background().color().name() for f in window.reader.formats_at(offset) if f.background().style()}


def test_opens_on_the_sample_with_entities_highlighted(make_window):
    window = make_window()
    text = window.session.article.text
    assert window.session.article.date == "2022-02-08"
    assert window.library_dock.model.rowCount() == 1
    putin = text.index("Putin")
    person = QColor(labels.colour("PERSON")).name()
    assert person in backgrounds_at(window, putin)
    assert "PERSON" in window.legend.boxes
    document_text = window.reader.document().toPlainText()
    assert document_text.startswith(window.session.article.title)
    assert text in document_text


def test_unticking_a_label_in_the_legend_hides_its_highlight(make_window):
    window = make_window()
    putin = window.session.article.text.index("Putin")
    moscow = window.session.article.text.index("Moscow")
    person = QColor(labels.colour("PERSON")).name()
    window.legend.boxes["PERSON"].setChecked(False)
    assert person not in backgrounds_at(window, putin)
    assert QColor(labels.colour("GPE")).name() in backgrounds_at(window, moscow)
    window.legend.boxes["PERSON"].setChecked(True)
    assert person in backgrounds_at(window, putin)


def test_reopening_the_library_does_not_analyse_again(make_window, monkeypatch, tmp_path):
    calls = []
    real = analysis_module.analyze_one

    def counting(model, text, cancelled=None):
        calls.append(text[:20])
        return real(model, text, cancelled)

    monkeypatch.setattr(analysis_module, "analyze_one", counting)
    db = tmp_path / "kept.sqlite3"
    first = make_window(db)
    count = len(first.session.analysis.entities)
    assert len(calls) == 1
    first.close()
    second = make_window(db)
    assert len(calls) == 1
    assert len(second.session.analysis.entities) == count
    putin = second.session.article.text.index("Putin")
    assert QColor(labels.colour("PERSON")).name() in backgrounds_at(second, putin)


def test_hovering_an_entity_tells_its_label(make_window):
    window = make_window()
    putin = window.session.article.text.index("Putin")
    tips = [span.tip for _, span in window.reader.highlighter.spans_at(putin)]
    assert any(tip.startswith("PERSON") for tip in tips)


def test_file_open_imports_and_opens_a_text_file(make_window, tmp_path, qtbot):
    window = make_window()
    path = tmp_path / "merkel.txt"
    path.write_text("Angela Merkel met Emmanuel Macron in Berlin on Tuesday.", encoding="utf-8")
    with qtbot.waitSignal(window.analysisShown, timeout=120_000):
        assert window.import_and_open([path])
    assert window.session.article.title.startswith("Angela Merkel met")
    assert window.library_dock.model.rowCount() == 2
    assert QColor(labels.colour("PERSON")).name() in backgrounds_at(window, 0)


def test_a_bad_file_gets_a_message_and_changes_nothing(make_window, tmp_path, monkeypatch):
    window = make_window()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    assert not window.import_and_open([bad])
    assert len(shown) == 1 and "photo.txt" in shown[0]
    assert window.library_dock.model.rowCount() == 1


def test_window_layout_is_restored(make_window, tmp_path):
    first = make_window(tmp_path / "a.sqlite3")
    first.resize(640, 480)
    first.quotes_dock.hide()
    first.close()
    second = make_window(tmp_path / "a.sqlite3")
    assert (second.width(), second.height()) == (640, 480)
    assert second.quotes_dock.isHidden()
    assert second.library_dock.isVisible()


def test_about_names_spacy_and_the_model(make_window, monkeypatch):
    window = make_window()
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.actions["about"].trigger()
    assert "spaCy" in shown[0] and window.session.analysis.model_name in shown[0]
