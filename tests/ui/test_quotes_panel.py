"""The Quotes panel drives the reader."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor

from desktop.ui.reader.layers import CUE_COLOUR, SPEAKER_COLOUR


def test_choosing_a_quote_selects_and_marks_it_in_the_reader(make_window):
    window = make_window()
    dock = window.quotes_dock
    text = window.session.article.text
    assert dock.model.rowCount() >= 10
    assert dock.count_label.text() == f"{dock.model.rowCount()} quotes"
    row = next(i for i, q in enumerate(dock.model.quotes) if q.type == "direct" and q.cue and q.speaker_mention)
    quote = dock.model.quotes[row]
    dock.view.setCurrentIndex(dock.proxy.mapFromSource(dock.model.index(row, 3)))
    cursor = window.reader.textCursor()
    selected = window.reader.selected_offsets()
    assert selected == (quote.start, quote.end)
    assert cursor.selectedText().replace("\u2029", "\n") == text[quote.start:quote.end]
    cue_lines = {f.underlineColor().name() for f in window.reader.formats_at(quote.cue.start)}
    speaker_lines = {f.underlineColor().name() for f in window.reader.formats_at(quote.speaker_mention.start)}
    assert QColor(CUE_COLOUR).name() in cue_lines
    assert QColor(SPEAKER_COLOUR).name() in speaker_lines


def test_filters_by_speaker_type_and_words(make_window):
    window = make_window()
    dock = window.quotes_dock
    total = dock.model.rowCount()
    dock.set_speaker_filter("Emmanuel Macron")
    shown = [dock.proxy.index(r, 0).data() for r in range(dock.proxy.rowCount())]
    assert shown and set(shown) == {"Emmanuel Macron"}
    dock.set_speaker_filter("")
    dock.type_box.setCurrentIndex(dock.type_box.findData("direct"))
    types = {dock.proxy.index(r, 2).data() for r in range(dock.proxy.rowCount())}
    assert types == {"“D”"}
    dock.type_box.setCurrentIndex(0)
    dock.search.setText("NATO moving")
    assert dock.proxy.rowCount() >= 1
    assert dock.count_label.text() == f"{dock.proxy.rowCount()} of {total} quotes"


def test_hovering_a_quote_names_its_speaker(make_window):
    window = make_window()
    quotes = window.session.analysis.quotes
    quote = next(q for q in quotes if q.speaker_name == "Emmanuel Macron" and q.type == "direct")
    tips = [s.tip for _, s in window.reader.highlighter.spans_at(quote.start + 3) if s.tip]
    assert any("Emmanuel Macron" in tip for tip in tips)


def test_quote_models_pass_the_model_tester(make_window, qtmodeltester):
    window = make_window()
    qtmodeltester.check(window.quotes_dock.model)
    qtmodeltester.check(window.library_dock.model)
    qtmodeltester.check(window.annotations_dock.model)


def test_a_long_speaker_description_leaves_the_quotes_in_sight(make_window, qtbot):
    # An unresolved speaker of 75 characters, as a description left bare
    # shows ("influential separatist commander in Ukraine's contested …").
    window = make_window()
    dock = window.quotes_dock
    quotes = window.session.analysis.quotes
    long = "influential separatist commander in Ukraine's contested eastern territories"
    quotes = [replace(quotes[0], speaker_name=long, resolved=False), *quotes[1:]]
    dock.set_quotes(window.session.article.text, quotes)
    header = dock.view.horizontalHeader()
    speakers = [dock.model.index(r, 0).data() for r in range(dock.model.rowCount())]
    assert max(len(s or "") for s in speakers) > 40
    assert header.sectionSize(0) <= header.maximumSectionSize()
    quote_column = dock.model.columnCount() - 1
    # The quotes keep at least a third of the panel.
    assert header.sectionViewportPosition(quote_column) < dock.view.viewport().width() * 2 // 3
