"""Highlighting and tagging: from the reader's selection to undo commands,
and from the database back to the reader, the Tags and Annotations docks."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.core import regions
from desktop.core.model import Annotation, Tag
from desktop.core.text import snap_to_words
from desktop.store.annotations import annotations_overlapping, get_annotation, list_annotations
from desktop.store.tags import get_tag, list_tags, tag_usage
from desktop.ui.annotation.tag_dialog import TagDialog
from desktop.ui.annotation.tags_picker import pick_tags
from desktop.ui.edits import commands
from desktop.ui.reader import layers

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class Annotator(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editor = window.editor
        self.tags: list[Tag] = []
        self.annotations: list[Annotation] = []
        self._shown_article: int | None = None  # whose highlights ``annotations`` holds
        self._dock_pending = False
        self._dock_watched = False

    # reading the database ------------------------------------------------------
    def refresh_tags(self) -> None:
        self.tags = list_tags()
        usage = {t.name: tag_usage(t.id) for t in self.tags if t.id is not None}
        self.window.tags_dock.set_tags(self.tags, usage)
        self.window.reader.shortcut_keys = {t.shortcut for t in self.tags if t.shortcut}
        self.window.tag_bar.set_tags(self.tags)
        self.window.find_bar.set_tags(self.tags)

    def refresh_annotations(self, where: tuple[int, int] | None = None) -> None:
        """Show the article's highlights again; ``where``: the stretch an
        edit changed, when only the highlights there need reloading (an edit
        in a long article then re-cuts a few pieces, not thousands)."""
        article = self.window.article
        if article is None or article.id is None:
            self._shown_article, self.annotations = None, []
        elif where is None or self._shown_article != article.id:
            self._shown_article, self.annotations = article.id, list_annotations(article.id)
        else:
            self._refresh_region(article.id, *where)
            return
        colours = {t.name: t.color for t in self.tags}
        fills, lines = layers.highlight_layers(self.annotations, colours, self.window.reading.theme)
        reader = self.window.reader
        with reader.highlighter.batch():  # both layers, one pass over the changed paragraphs
            reader.set_layer("highlight_fill", fills)
            reader.set_layer("highlights", lines)
        self._after_change(full=True)

    def _refresh_region(self, article_id: int, start: int, end: int) -> None:
        old = self.annotations
        self.annotations = regions.merge_region(old, annotations_overlapping(article_id, start, end), start, end)
        spans = [(a.start, a.end) for a in (*regions.overlapping(old, start, end), *self.annotations)]
        lo, hi = regions.closed_region(spans, start, end)
        colours = {t.name: t.color for t in self.tags}
        here = regions.overlapping(self.annotations, lo, hi)
        fills, lines = layers.highlight_layers(here, colours, self.window.reading.theme)
        highlighter = self.window.reader.highlighter
        with highlighter.batch():
            highlighter.patch_layer("highlight_fill", lo, hi, fills)
            highlighter.patch_layer("highlights", lo, hi, lines)
        self._after_change(full=False)

    def _after_change(self, full: bool) -> None:
        colours = {t.name: t.color for t in self.tags}
        self.window.reader.gutter.set_marks(
            [(a.start, a.end, colours.get(a.tags[0], "#999999") if a.tags else "#999999") for a in self.annotations]
        )
        dock = self.window.annotations_dock
        if not full and not self._dock_pending and dock.isVisible():
            dock.update_annotations(self.annotations)
            return
        self._dock_pending = True
        if dock.isVisible() or not self._dock_watched:
            self._fill_dock()

    def _fill_dock(self) -> None:
        """The Annotations dock lists every highlight; while it is hidden
        (a tab behind the Actors panel) it is filled when it is shown, so
        that an edit in a long article does not wait for a list nobody sees."""
        dock = self.window.annotations_dock
        if not self._dock_watched:
            self._dock_watched = True
            dock.visibilityChanged.connect(lambda visible: visible and self._fill_dock())
        if not self._dock_pending:
            return
        self._dock_pending = False
        article = self.window.article
        text = article.text if article else ""
        dock.set_annotations(text, self.annotations, [t.name for t in self.tags])

    # tagging -------------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        offsets = self.window.reader.selected_offsets()
        article = self.window.article
        if offsets is None or article is None:
            return None
        if self.window.settings.snap_to_words():
            offsets = snap_to_words(article.text, *offsets)
        return offsets if offsets[1] > offsets[0] else None

    def tag_selection(self, tag_name: str) -> bool:
        """Tag the selected text; on an existing highlight of exactly that
        range, add the tag to it instead of stacking a copy."""
        offsets = self.selection()
        if offsets is None:
            self.window.statusBar().showMessage("Select some text first, then choose a tag.", 4000)
            return False
        same = next((a for a in self.annotations if (a.start, a.end) == offsets), None)
        if same is not None and same.id is not None:
            if tag_name in same.tags:
                return False
            return self.editor.push(commands.SetHighlightTags(self.editor, same.id, [*same.tags, tag_name]))
        annotation = Annotation(offsets[0], offsets[1], [tag_name], author=self.window.settings.author())
        return self.editor.push(commands.AddHighlight(self.editor, annotation))

    def tag_all(self, tag_name: str, matches: list[tuple[int, int]]) -> None:
        """Tag every find match in one undoable step."""
        stack = self.editor.stack()
        if stack is None or not matches:
            return
        author = self.window.settings.author()
        stack.beginMacro(f"Tag {len(matches)} matches '{tag_name}'")
        for start, end in matches:
            same = next((a for a in self.annotations if (a.start, a.end) == (start, end)), None)
            if same is not None and same.id is not None:
                if tag_name not in same.tags:
                    self.editor.push(commands.SetHighlightTags(self.editor, same.id, [*same.tags, tag_name]))
            else:
                self.editor.push(commands.AddHighlight(self.editor, Annotation(start, end, [tag_name], author=author)))
        stack.endMacro()

    def tag_by_key(self, key: str) -> None:
        tag = next((t for t in self.tags if t.shortcut == key), None)
        if tag is not None:
            self.tag_selection(tag.name)

    def annotation_at(self, offset: int) -> Annotation | None:
        covering = [a for a in self.annotations if a.start <= offset < a.end]
        return min(covering, key=lambda a: a.end - a.start) if covering else None

    # highlight edits ---------------------------------------------------------
    def delete_highlight(self, annotation_id: int) -> None:
        self.editor.push(commands.DeleteHighlight(self.editor, annotation_id))

    def set_note(self, annotation_id: int, note: str) -> None:
        self.editor.push(commands.EditNote(self.editor, annotation_id, note))

    def ask_note(self, annotation_id: int) -> None:
        current = get_annotation(annotation_id).note
        note, ok = QInputDialog.getMultiLineText(self.window, "Note", "Note on this highlight:", current)
        if ok and note != current:
            self.set_note(annotation_id, note)

    def ask_tags(self, annotation_id: int) -> None:
        current = get_annotation(annotation_id).tags
        chosen = pick_tags(self.window, self.tags, current)
        if chosen is not None and chosen != current:
            self.editor.push(commands.SetHighlightTags(self.editor, annotation_id, chosen))

    def show_annotation(self, annotation_id: int) -> None:
        annotation = next((a for a in self.annotations if a.id == annotation_id), None)
        if annotation is not None:
            self.window.reader.select_offsets(annotation.start, annotation.end)

    def step(self, direction: int) -> None:
        """Select the next (+1) or previous (-1) highlight from the cursor."""
        if not self.annotations:
            return
        cursor = self.window.reader.textCursor()
        here = self.window.reader.article_offset(cursor.selectionStart()) or 0
        ordered = sorted(self.annotations, key=lambda a: (a.start, a.end))
        if direction > 0:
            target = next((a for a in ordered if a.start > here), ordered[0])
        else:
            target = next((a for a in reversed(ordered) if a.start < here), ordered[-1])
        if target.id is not None:
            self._fill_dock()
            self.window.annotations_dock.select(target.id, emit=False)
            self.show_annotation(target.id)

    def current_highlight(self) -> int | None:
        """The highlight chosen in the dock, else the one under the cursor."""
        self._fill_dock()
        chosen = self.window.annotations_dock.current_id()
        if chosen is not None:
            return chosen
        here = self.window.reader.article_offset(self.window.reader.textCursor().position())
        found = self.annotation_at(here) if here is not None else None
        return found.id if found else None

    # the codebook ------------------------------------------------------------
    def new_tag(self) -> None:
        dialog = TagDialog(self.tags, parent=self.window)
        if dialog.exec():
            self.editor.push(commands.CreateTag(self.editor, dialog.result_tag()))

    def edit_tag(self, tag_id: int) -> None:
        before = get_tag(tag_id)
        dialog = TagDialog(self.tags, before, parent=self.window)
        if not dialog.exec():
            return
        after = dialog.result_tag()
        changes = {
            key: getattr(after, key)
            for key in ("name", "color", "parent", "shortcut", "description")
            if getattr(after, key) != getattr(before, key)
        }
        if changes:
            label = f"Rename tag '{before.name}'" if "name" in changes else f"Edit tag '{before.name}'"
            self.editor.push(commands.EditTag(self.editor, tag_id, label, **changes))

    def delete_tag(self, tag_id: int) -> None:
        tag = get_tag(tag_id)
        used = tag_usage(tag_id)
        if used:
            answer = QMessageBox.question(
                self.window,
                "Delete tag",
                f"'{tag.name}' is used by {used} highlight{'s' if used != 1 else ''}. "
                "Delete the tag and remove it from them?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.editor.push(commands.DeleteTag(self.editor, tag_id, tag.name))

    def move_tag(self, tag_id: int, delta: int) -> None:
        tag = get_tag(tag_id)
        siblings = [t for t in self.tags if t.parent == tag.parent]
        index = next(i for i, t in enumerate(siblings) if t.id == tag_id)
        other_index = index + delta
        if not 0 <= other_index < len(siblings):
            return
        other = siblings[other_index]
        stack = self.editor.stack()
        if stack is None:
            return
        stack.beginMacro(f"Move tag '{tag.name}'")
        self.editor.push(commands.EditTag(self.editor, tag_id, "", position=other.position))
        assert other.id is not None
        self.editor.push(commands.EditTag(self.editor, other.id, "", position=tag.position))
        stack.endMacro()
