"""Undo never overwrites what someone else changed since: it says so and
changes nothing."""
from __future__ import annotations

from desktop.core.model import Annotation
from desktop.store import annotations
from desktop.ui.edits import commands


def test_undo_of_a_note_changed_since_is_refused_and_changes_nothing(make_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    article_id = window.session.article_id
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.undo.push(commands.AddHighlight(article_id, Annotation(0, 8, ["Claim"], note="first")))
    added = window.annotator.annotations[0].id
    window.undo.push(commands.EditNote(article_id, added, "mine"))
    annotations.set_note(added, "theirs")  # another coder or window, meanwhile
    stack = window.undo.stack()
    assert stack.count() == 2
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=2000)
    assert "changed since" in warnings[0] and "nothing was undone" in warnings[0]
    assert annotations.get_annotation(added).note == "theirs"
    assert stack.count() == 1 and stack.undoText() == "Tag 'Claim'"  # the refused step is gone


def test_undo_of_a_highlight_another_window_changed_is_refused(make_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    article_id = window.session.article_id
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window.undo.push(commands.AddHighlight(article_id, Annotation(0, 8, ["Claim"])))
    added = window.annotator.annotations[0].id
    annotations.set_tags(added, ["Evidence"])
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=2000)
    assert [a.tags for a in annotations.list_annotations(article_id)] == [["Evidence"]]
    assert window.undo.stack().count() == 0


def test_undo_of_tag_all_is_all_or_nothing_when_one_highlight_changed_since(make_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    article_id = window.session.article_id
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    parts = [commands.AddHighlight(article_id, Annotation(s, s + 5, ["Claim"])) for s in (0, 20, 40)]
    window.undo.push(commands.CompoundEdit(article_id, "Tag all", parts))
    first = annotations.list_annotations(article_id)[0].id
    annotations.set_note(first, "someone's note")  # the one undone last
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=2000)
    assert [(a.start, a.note) for a in annotations.list_annotations(article_id)] == [
        (0, "someone's note"), (20, ""), (40, "")]
    assert [(a.start, a.end) for a in window.session.annotations] == [(0, 5), (20, 25), (40, 45)]
