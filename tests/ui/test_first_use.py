"""What got in a new user's way while reading and annotating (issue 20)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QTextCursor
from PySide6.QtWidgets import QLabel

from desktop.core import labels
from desktop.core.colours import themed
from desktop.store.tags import list_tags


def select(window, start: int, end: int) -> None:
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.doc_position(start))
    cursor.setPosition(window.reader.doc_position(end), QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)


def background_at(window, offset: int) -> str:
    """The background the layout really paints at an article offset."""
    merged = None
    for fmt in window.reader.formats_at(offset):
        if fmt.background().style() != Qt.BrushStyle.NoBrush:
            merged = fmt.background().color().name()
    return merged or ""


def first_entity(window, label: str):
    return next(e for e in window.session.analysis.entities if e.label == label)


def test_a_highlight_on_an_entity_shows_the_tag_colour_not_the_entity(make_window, qtbot):
    window = make_window()
    person = first_entity(window, "PERSON")
    entity_fill = themed(labels.colour("PERSON"), window.reader.theme)
    assert background_at(window, person.start) == entity_fill
    select(window, person.start, person.end)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)  # Claim
    claim = QColor(next(t.color for t in list_tags() if t.name == "Claim")).name()
    assert background_at(window, person.start) == themed(claim, window.reader.theme)


def test_reading_mode_shows_only_the_actors_labels_at_first(make_window):
    window = make_window()
    legend = window.legend.boxes
    assert legend["PERSON"].isChecked() and legend["GPE"].isChecked()
    date = first_entity(window, "DATE")
    assert not legend["DATE"].isChecked()
    assert background_at(window, date.start) == ""
    window.actions["all_entities"].trigger()
    assert window.legend.boxes["DATE"].isChecked()
    assert background_at(window, date.start) == themed(labels.colour("DATE"), window.reader.theme)
    window.actions["actor_entities"].trigger()
    assert background_at(window, date.start) == ""
    assert window.legend.boxes["ORG"].isChecked()


def test_tags_panel_counts_follow_tagging_and_deleting(make_window, qtbot):
    window = make_window()
    text = window.session.article.text
    start = text.index("upped the ante")
    assert window.tags_dock.usage("Claim") == 0
    select(window, start, start + len("upped the ante"))
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert window.tags_dock.usage("Claim") == 1
    (highlight,) = window.session.annotations
    window.annotator.delete_highlight(highlight.id)
    assert window.tags_dock.usage("Claim") == 0
    window.actions["undo"].trigger()
    assert window.tags_dock.usage("Claim") == 1



def double_click_word(window, qtbot, word: str) -> int:
    start = window.session.article.text.index(word)
    rect = window.reader.offset_rect(start + 1)
    viewport = window.reader.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # as a real double-click ends
    return start


def selected_rect(window):
    """Where the selected text is drawn, in the reader's viewport."""
    cursor = window.reader.textCursor()
    first, last = QTextCursor(cursor), QTextCursor(cursor)
    first.setPosition(cursor.selectionStart())
    last.setPosition(cursor.selectionEnd())
    return window.reader.cursorRect(first).united(window.reader.cursorRect(last))


def test_tag_bar_comes_for_the_users_selection_only_and_never_covers_it(make_window, qtbot):
    window = make_window()
    bar = window.tag_bar
    double_click_word(window, qtbot, "Macron")
    assert window.reader.textCursor().selectedText() == "Macron"
    assert bar.isVisible()
    assert not bar.geometry().intersects(selected_rect(window))
    assert window.reader.viewport().rect().contains(bar.geometry())
    window.quote_tools.show_quote(0)  # the app selects a quote's text
    assert window.reader.textCursor().hasSelection()
    assert not bar.isVisible()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert bar.isVisible()  # a keyboard selection is the user's too


def test_tag_bar_closes_with_escape_scroll_and_resize(make_window, qtbot):
    window = make_window()
    bar = window.tag_bar
    double_click_word(window, qtbot, "Macron")
    assert bar.isVisible()
    qtbot.keyClick(window.reader, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    double_click_word(window, qtbot, "Macron")
    window.reader.verticalScrollBar().setValue(window.reader.verticalScrollBar().value() + 40)
    assert not bar.isVisible()
    double_click_word(window, qtbot, "Macron")
    assert bar.isVisible()
    window.resize(window.width() - 120, window.height())
    qtbot.waitUntil(lambda: not bar.isVisible())


def test_tag_bar_stays_whole_in_a_narrow_reader(make_window, qtbot):
    window = make_window()
    window.resize(900, 700)
    window.quotes_dock.hide()
    window.actors_dock.hide()
    window.annotations_dock.hide()
    qtbot.wait(50)
    double_click_word(window, qtbot, "Macron")
    bar = window.tag_bar
    assert bar.isVisible()
    assert window.reader.viewport().rect().contains(bar.geometry())
    for button in bar.buttons.values():
        assert bar.rect().contains(button.geometry())


def dock_widths(window) -> tuple[int, int]:
    return window.library_dock.width(), window.quotes_dock.width()


def test_find_bar_has_a_usable_box_and_leaves_the_docks_alone(make_window, qtbot):
    window = make_window()
    window.resize(1100, 800)
    qtbot.wait(50)
    before = dock_widths(window)
    window.actions["find"].trigger()
    qtbot.waitUntil(window.find_bar.isVisible)
    qtbot.wait(50)
    assert dock_widths(window) == before
    line = window.find_bar.line
    assert line.width() >= line.fontMetrics().horizontalAdvance("Vladimir Putin") + 20
    qtbot.keyClicks(line, "Putin")
    assert window.find_bar.count.text().endswith(f"of {window.session.article.text.count('Putin')}")
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    qtbot.wait(50)
    assert not window.find_bar.isVisible()
    assert dock_widths(window) == before


def stray_ampersands(widget) -> list[str]:
    """Labels whose "&" Qt would show as it is: a mnemonic without a buddy."""
    return [
        label.text() for label in widget.findChildren(QLabel)
        if not QKeySequence.mnemonic(label.text()).isEmpty() and label.buddy() is None
    ]


def test_preferences_labels_have_no_stray_ampersands(make_window):
    window = make_window()
    dialog = window.preferences_dialog()
    assert stray_ampersands(dialog) == []
    assert len([lab for lab in dialog.findChildren(QLabel) if lab.buddy() is not None]) >= 6


def test_ampersands_in_names_show_as_written(qtbot):
    from PySide6.QtWidgets import QWidget

    from desktop.core.model import Tag
    from desktop.ui.annotation.tag_bar import TagBar

    holder = QWidget()
    qtbot.addWidget(holder)
    bar = TagBar(holder)
    bar.set_tags([Tag(name="R&D", color="#80deea", shortcut="1")])
    text = bar.buttons["R&D"].text()
    assert QKeySequence.mnemonic(text).isEmpty()  # no letter taken for a shortcut
    assert text.replace("&&", "&") == "1 R&D"


def test_export_dialog_names_the_file_after_the_article_and_forgets_old_messages(make_window, qtbot, tmp_path):
    window = make_window()
    window.settings.set_export_folder(str(tmp_path))
    dialog = window.export_articles([window.session.article_id])
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    path = dialog.destination()
    assert path.parent == tmp_path
    assert path.name == "emerging-from-a-five-hour-meeting-with.html"  # the title, cut at a word
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    assert dialog.status.text().startswith("Exported 1 article to")
    dialog.format.setCurrentIndex(dialog.format.findData("qdpx"))
    assert dialog.status.text() == "1 article to export."
    qtbot.wait(50)
    description = dialog.description.geometry()
    save_to = dialog.path.geometry()  # both in the dialog
    assert description.bottom() < save_to.top()
    assert dialog.description.heightForWidth(dialog.description.width()) <= description.height()


def test_qdpx_note_names_end_at_a_word(tmp_path):
    import re
    import zipfile

    from desktop.core.model import Annotation, Article, ArticleBundle
    from desktop.core.text import sha256
    from desktop.formats.exporters import export

    text = "Macron, who has long pushed for a European foreign policy, spoke to Putin."
    bundle = ArticleBundle(Article(text, "T", sha256=sha256(text), id=1),
                           annotations=[Annotation(0, len(text), ["Claim"], note="Check this", id=1)])
    export([bundle], "qdpx", tmp_path / "project.qdpx")
    with zipfile.ZipFile(tmp_path / "project.qdpx") as archive:
        project = archive.read("project.qde").decode()
    (name,) = re.findall(r'<Note [^>]*name="([^"]+)"', project)
    assert name == "Note on “Macron, who has long pushed for a…”"


def test_quotes_panel_has_a_menu_to_change_or_delete_a_quote(make_window, qtbot):
    from PySide6.QtWidgets import QMenu

    window = make_window()
    dock = window.quotes_dock
    dock.show()
    count = len(window.session.analysis.quotes)
    first = dock.model.quotes[dock.proxy.mapToSource(dock.proxy.index(0, 0)).row()]
    pos = dock.view.visualRect(dock.proxy.index(0, 1)).center()
    dock.view.customContextMenuRequested.emit(pos)
    (menu,) = [m for m in dock.findChildren(QMenu, "quote_menu") if m.isVisible()]
    texts = [a.text() for a in menu.actions()]
    assert "Change &speaker…" in texts and "Change t&ype" in texts
    next(a for a in menu.actions() if a.text() == "Delete &quote").trigger()
    assert len(window.session.analysis.quotes) == count - 1
    assert (first.start, first.end) not in {(q.start, q.end) for q in window.session.analysis.quotes}
    window.actions["undo"].trigger()
    assert len(window.session.analysis.quotes) == count


def test_panel_searches_start_empty_for_the_next_article(make_window, qtbot):
    window = make_window()
    actors = window.actors_dock
    qtbot.keyClicks(actors.search, "zzz")
    assert actors.count_label.text().startswith("0 of ")
    with qtbot.waitSignal(window.analysisShown, timeout=20_000):
        window.open_article(window.session.article_id)
    assert actors.search.text() == ""
    assert not actors.count_label.text().startswith("0 of ")


def test_counts_say_one_highlight_not_one_highlights(make_window, qtbot):
    window = make_window()
    text = window.session.article.text
    start = text.index("upped the ante")
    select(window, start, start + len("upped the ante"))
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    status = window.status_label.text()
    assert "1 highlight ·" in status and "1 highlights" not in status


def test_charts_follow_the_dark_theme(make_window, qtbot):
    from desktop.core.colours import DARK, LIGHT

    window = make_window()
    window.settings.set_theme(DARK)
    window.reading.apply_settings()
    try:
        dialog = window.actor_tools.library_view()
        qtbot.addWidget(dialog)
        for view in (dialog.quoted_chart, dialog.type_chart):
            chart = view.chart()
            assert chart.backgroundBrush().color().lightness() < 80
            assert chart.titleBrush().color().lightness() > 170
    finally:
        window.settings.set_theme(LIGHT)
        window.reading.apply_settings()


def test_blank_lines_between_paragraphs_leave_no_big_gap(make_window):
    from desktop.core.model import Article

    window = make_window()
    reader = window.reader
    spaced = Article("First paragraph.\n\nSecond paragraph.\n\nThird.", "Spaced", id=999)
    tight = Article("First paragraph.\nSecond paragraph.\nThird.", "Tight", id=998)
    reader.set_article(spaced)
    gap_spaced = reader.offset_rect(spaced.text.index("Third")).top() - reader.offset_rect(0).top()
    reader.set_article(tight)
    gap_tight = reader.offset_rect(tight.text.index("Third")).top() - reader.offset_rect(0).top()
    assert gap_spaced <= gap_tight + 6


def test_a_new_library_welcomes_instead_of_importing_the_sample(make_window, qtbot, tmp_path):
    from desktop.store.articles import count_articles

    window = make_window(tmp_path / "new.sqlite3", files=[], wait=False)
    assert count_articles() == 0
    assert window.pages.currentWidget() is window.welcome and window.welcome.isVisible()
    with qtbot.waitSignal(window.analysisShown, timeout=120_000):
        qtbot.mouseClick(window.welcome.buttons["sample"], Qt.MouseButton.LeftButton)
    assert count_articles() == 1
    assert window.session.article.title.startswith("Emerging from a five-hour meeting")
    assert window.reader.isVisible() and not window.welcome.isVisible()


def test_quit_does_not_wait_for_background_work(make_window, qtbot):
    import time

    window = make_window()
    finished, ran = [], []
    window.runner.submit(lambda: time.sleep(1.5) or finished.append(1), lambda _r: None, lambda _m: None)
    window.runner.submit(lambda: ran.append(1), lambda _r: None, lambda _m: None)  # queued behind it
    qtbot.waitUntil(lambda: any(t.started for t in window.runner._running))
    window.close()
    assert finished == []  # the window closed without waiting for the running task
    window.runner.wait(10_000)
    assert finished == [1] and ran == []  # the queued one was dropped, not run


def test_toolbar_holds_the_common_actions(make_window):
    window = make_window()
    shown = [a.iconText() for a in window.toolbar.actions() if not a.isSeparator()]
    assert {"Open", "Export", "Print", "Undo", "Redo", "Find", "New"} <= set(shown)
    assert window.toolbar.isVisible()
    window.toolbar.widgetForAction(window.actions["find"]).click()
    assert window.find_bar.isVisible()


def test_print_sends_the_article_with_its_highlights(make_window, qtbot, monkeypatch, tmp_path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    window = make_window()
    text = window.session.article.text
    start = text.index("upped the ante")
    select(window, start, start + len("upped the ante"))
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    pdf = tmp_path / "printed.pdf"

    def accept(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(pdf))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    printed = []
    import desktop.ui.library.printing as printing

    real = printing.printable
    monkeypatch.setattr(printing, "printable", lambda i: printed.append(real(i)) or printed[-1])
    window.actions["print"].trigger()
    assert pdf.read_bytes().startswith(b"%PDF")
    (document,) = printed
    assert window.session.article.title in document.toPlainText()
    assert "upped the ante" in document.toHtml() and "#ffd54f" in document.toHtml().lower()


def test_new_article_from_pasted_text(make_window, qtbot):
    from PySide6.QtGui import QGuiApplication

    from desktop.store.articles import count_articles
    from desktop.ui.library.details_dialog import ArticleDetailsDialog

    window = make_window()
    before = count_articles()
    QGuiApplication.clipboard().setText("Olaf Scholz met Emmanuel Macron in Berlin on Monday.\nThey spoke for an hour.")
    window.actions["new_article"].trigger()
    (dialog,) = [d for d in window.findChildren(ArticleDetailsDialog) if d.isVisible()]
    assert dialog.text.toPlainText().startswith("Olaf Scholz met")
    dialog.fields["source"].setText("Wire")
    with qtbot.waitSignal(window.analysisShown, timeout=120_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert count_articles() == before + 1
    assert window.session.article.title == "Olaf Scholz met Emmanuel Macron in Berlin on Monday"
    assert window.session.article.source == "Wire"


def test_article_details_edited_from_the_library_with_undo(make_window, qtbot):
    from desktop.store.articles import get_article
    from desktop.ui.library.details_dialog import ArticleDetailsDialog

    window = make_window()
    article_id = window.session.article_id
    old_title = window.session.article.title
    window.library_dock.view.selectRow(0)
    window.library_dock.details_action.trigger()
    (dialog,) = [d for d in window.findChildren(ArticleDetailsDialog) if d.isVisible()]
    dialog.fields["title"].setText("Putin and Macron meet in Moscow")
    dialog.fields["author"].setText("A. Reporter")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert get_article(article_id).title == "Putin and Macron meet in Moscow"
    assert window.reader.document().firstBlock().text() == "Putin and Macron meet in Moscow"
    assert "A. Reporter" in window.reader.document().findBlockByNumber(1).text()
    assert window.windowTitle().startswith("Putin and Macron meet")
    qtbot.waitUntil(lambda: window.library_dock.model.index(0, 0).data() == "Putin and Macron meet in Moscow")
    window.actions["undo"].trigger()
    assert get_article(article_id).title == old_title
    assert window.reader.document().firstBlock().text() == old_title


def test_help_has_a_getting_started_guide(make_window):
    from desktop.ui.guide import GuideDialog

    window = make_window()
    window.actions["guide"].trigger()
    (dialog,) = [d for d in window.findChildren(GuideDialog) if d.isVisible()]
    assert "First steps" in dialog.browser.toPlainText()
    assert "Select a passage" in dialog.browser.toPlainText()
