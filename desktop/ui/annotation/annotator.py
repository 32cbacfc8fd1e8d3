"""Highlighting and tagging: from the reader's selection to undo commands,
and from the session back to the reader, the tag bar and the Tags and
Annotations docks."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox, QStatusBar

from desktop.core import regions
from desktop.core.model import Annotation, Tag
from desktop.core.text import plural, snap_to_words
from desktop.store.annotations import get_annotation
from desktop.store.tags import get_tag, tag_usage
from desktop.ui.annotation.annotations_dock import AnnotationsDock
from desktop.ui.annotation.tag_bar import TagBar
from desktop.ui.annotation.tag_dialog import TagDialog
from desktop.ui.annotation.tags_dock import TagsDock
from desktop.ui.annotation.tags_picker import pick_tags
from desktop.ui.edits import commands
from desktop.ui.edits.changes import Changes
from desktop.ui.edits.session import ArticleSession
from desktop.ui.edits.undo import UndoHub
from desktop.ui.reader import layers
from desktop.ui.reader.view import ReaderView
from desktop.ui.settings import Settings


class Annotator(QObject):
    """Drives the reader's highlights, the tag bar and the Tags and
    Annotations docks from the session; turns their requests into edits."""

    def __init__(
        self,
        session: ArticleSession,
        undo: UndoHub,
        reader: ReaderView,
        tag_bar: TagBar,
        tags_dock: TagsDock,
        annotations_dock: AnnotationsDock,
        settings: Settings,
        status: QStatusBar,
    ) -> None:
        super().__init__(session)
        self.session, self.undo, self.settings, self.status = session, undo, settings, status
        self.reader, self.tag_bar = reader, tag_bar
        self.tags_dock, self.annotations_dock = tags_dock, annotations_dock
        self._dock_pending = False
        self._dock_watched = False
        session.changed.connect(self._changed)
        reader.themeChanged.connect(lambda _theme: self.refresh_annotations())
        reader.shortcutKey.connect(self.tag_by_key)
        reader.selectionChanged.connect(tag_bar.hide)  # until the user has made the selection
        reader.userSelected.connect(self._user_selected)
        tag_bar.tagRequested.connect(self.tag_selection)
        tags_dock.applyRequested.connect(self.tag_selection)
        tags_dock.newRequested.connect(self.new_tag)
        tags_dock.editRequested.connect(self.edit_tag)
        tags_dock.deleteRequested.connect(self.delete_tag)
        tags_dock.moveRequested.connect(self.move_tag)
        annotations_dock.annotationChosen.connect(self.show_annotation)
        annotations_dock.model.noteEdited.connect(self.set_note)
        annotations_dock.tagsRequested.connect(self.ask_tags)
        annotations_dock.deleteRequested.connect(self.delete_highlight)
        if session.tags:  # built after the codebook was read: show it now
            self.refresh_tags()

    @property
    def article_id(self) -> int:
        # 0 when no article is open: the undo hub then refuses the edit.
        return self.session.article_id or 0

    @property
    def tags(self) -> list[Tag]:
        return self.session.tags

    @property
    def annotations(self) -> list[Annotation]:
        return self.session.annotations

    def _changed(self, changes: Changes) -> None:
        if changes.opened:
            self.tag_bar.hide()
            self.annotations_dock.clear_filters()
        if changes.tags:
            self.refresh_tags()
        elif changes.annotations:
            self.tags_dock.set_usage(self._usage())
        if changes.highlights and changes.article_id == self.session.article_id:
            self.refresh_annotations(changes.where)

    def _user_selected(self) -> None:
        if self.selection() is not None:
            self.tag_bar.show_by(self.reader.selection_rect())

    # showing ------------------------------------------------------------------
    def _usage(self) -> dict[str, int]:
        return {t.name: tag_usage(t.id) for t in self.tags if t.id is not None}

    def refresh_tags(self) -> None:
        self.tags_dock.set_tags(self.tags, self._usage())
        self.reader.shortcut_keys = {t.shortcut for t in self.tags if t.shortcut}
        self.tag_bar.set_tags(self.tags)

    def refresh_annotations(self, where: tuple[int, int] | None = None) -> None:
        """Draw the session's highlights; ``where``: the stretch an edit
        changed (widened by the session to every piece whose look changed),
        when only that stretch needs drawing again."""
        colours = {t.name: t.color for t in self.tags}
        if where is not None:
            lo, hi = where
            here = regions.overlapping(self.annotations, lo, hi)
            fills, lines = layers.highlight_layers(here, colours, self.reader.theme)
            highlighter = self.reader.highlighter
            with highlighter.batch():
                highlighter.patch_layer("highlight_fill", lo, hi, fills)
                highlighter.patch_layer("highlights", lo, hi, lines)
            self._after_change(full=False)
            return
        fills, lines = layers.highlight_layers(self.annotations, colours, self.reader.theme)
        with self.reader.highlighter.batch():  # both layers, one pass over the changed paragraphs
            self.reader.set_layer("highlight_fill", fills)
            self.reader.set_layer("highlights", lines)
        self._after_change(full=True)

    def _after_change(self, full: bool) -> None:
        colours = {t.name: t.color for t in self.tags}
        coders = self.session.coder_colours  # a team library: each coder's own colour
        self.reader.gutter.set_marks([
            (a.start, a.end, coders.get(a.author or "")
             or (colours.get(a.tags[0], "#999999") if a.tags else "#999999"))
            for a in self.annotations
        ])
        dock = self.annotations_dock
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
        dock = self.annotations_dock
        if not self._dock_watched:
            self._dock_watched = True
            dock.visibilityChanged.connect(lambda visible: visible and self._fill_dock())
        if not self._dock_pending:
            return
        self._dock_pending = False
        article = self.session.article
        text = article.text if article else ""
        dock.set_annotations(text, self.annotations, [t.name for t in self.tags])

    # tagging -------------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        offsets = self.reader.selected_offsets()
        article = self.session.article
        if offsets is None or article is None:
            return None
        if self.settings.snap_to_words():
            offsets = snap_to_words(article.text, *offsets)
        return offsets if offsets[1] > offsets[0] else None

    def tag_selection(self, tag_name: str) -> bool:
        """Tag the selected text; on an existing highlight of exactly that
        range, add the tag to it instead of stacking a copy."""
        offsets = self.selection()
        if offsets is None:
            self.status.showMessage("Select some text first, then choose a tag.", 4000)
            return False
        same = next((a for a in self.annotations if (a.start, a.end) == offsets), None)
        if same is not None and same.id is not None:
            if tag_name in same.tags:
                return False
            return self.undo.push(commands.SetHighlightTags(self.article_id, same.id, [*same.tags, tag_name]))
        annotation = Annotation(offsets[0], offsets[1], [tag_name], author=self.settings.author())
        return self.undo.push(commands.AddHighlight(self.article_id, annotation))

    def tag_all(self, tag_name: str, matches: list[tuple[int, int]]) -> None:
        """Tag every find match in one undoable step."""
        if not matches:
            return
        author = self.settings.author()
        parts: list[commands.EditCommand] = []
        for start, end in matches:
            same = next((a for a in self.annotations if (a.start, a.end) == (start, end)), None)
            if same is not None and same.id is not None:
                if tag_name not in same.tags:
                    parts.append(commands.SetHighlightTags(self.article_id, same.id, [*same.tags, tag_name]))
            else:
                parts.append(commands.AddHighlight(self.article_id, Annotation(start, end, [tag_name], author=author)))
        if parts:
            what = plural(len(matches), "match", "matches")
            self.undo.push(commands.CompoundEdit(self.article_id, f"Tag {what} '{tag_name}'", parts))

    def tag_by_key(self, key: str) -> None:
        tag = next((t for t in self.tags if t.shortcut == key), None)
        if tag is not None:
            self.tag_selection(tag.name)

    def annotation_at(self, offset: int) -> Annotation | None:
        covering = [a for a in self.annotations if a.start <= offset < a.end]
        return min(covering, key=lambda a: a.end - a.start) if covering else None

    # highlight edits ---------------------------------------------------------
    def delete_highlight(self, annotation_id: int) -> None:
        self.undo.push(commands.DeleteHighlight(self.article_id, annotation_id))

    def set_note(self, annotation_id: int, note: str) -> None:
        self.undo.push(commands.EditNote(self.article_id, annotation_id, note))

    def ask_note(self, annotation_id: int) -> None:
        current = get_annotation(annotation_id).note
        note, ok = QInputDialog.getMultiLineText(self.reader.window(), "Note", "Note on this highlight:", current)
        if ok and note != current:
            self.set_note(annotation_id, note)

    def ask_tags(self, annotation_id: int) -> None:
        current = get_annotation(annotation_id).tags
        chosen = pick_tags(self.reader.window(), self.tags, current)
        if chosen is not None and chosen != current:
            self.undo.push(commands.SetHighlightTags(self.article_id, annotation_id, chosen))

    def show_annotation(self, annotation_id: int) -> None:
        annotation = next((a for a in self.annotations if a.id == annotation_id), None)
        if annotation is not None:
            self.reader.select_offsets(annotation.start, annotation.end)

    def step(self, direction: int) -> None:
        """Select the next (+1) or previous (-1) highlight from the cursor."""
        if not self.annotations:
            return
        cursor = self.reader.textCursor()
        here = self.reader.article_offset(cursor.selectionStart()) or 0
        ordered = sorted(self.annotations, key=lambda a: (a.start, a.end))
        if direction > 0:
            target = next((a for a in ordered if a.start > here), ordered[0])
        else:
            target = next((a for a in reversed(ordered) if a.start < here), ordered[-1])
        if target.id is not None:
            self._fill_dock()
            self.annotations_dock.select(target.id, emit=False)
            self.show_annotation(target.id)

    def current_highlight(self) -> int | None:
        """The highlight chosen in the dock, else the one under the cursor."""
        self._fill_dock()
        chosen = self.annotations_dock.current_id()
        if chosen is not None:
            return chosen
        here = self.reader.article_offset(self.reader.textCursor().position())
        found = self.annotation_at(here) if here is not None else None
        return found.id if found else None

    # the codebook ------------------------------------------------------------
    def new_tag(self) -> None:
        dialog = TagDialog(self.tags, parent=self.reader.window())
        if dialog.exec():
            self.undo.push(commands.CreateTag(self.article_id, dialog.result_tag()))

    def edit_tag(self, tag_id: int) -> None:
        before = get_tag(tag_id)
        dialog = TagDialog(self.tags, before, parent=self.reader.window())
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
            self.undo.push(commands.EditTag(self.article_id, tag_id, label, **changes))

    def delete_tag(self, tag_id: int) -> None:
        tag = get_tag(tag_id)
        used = tag_usage(tag_id)
        if used:
            answer = QMessageBox.question(
                self.reader.window(),
                "Delete tag",
                f"'{tag.name}' is used by {used} highlight{'s' if used != 1 else ''}. "
                "Delete the tag and remove it from them?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.undo.push(commands.DeleteTag(self.article_id, tag_id, tag.name))

    def move_tag(self, tag_id: int, delta: int) -> None:
        tag = get_tag(tag_id)
        siblings = [t for t in self.tags if t.parent == tag.parent]
        index = next(i for i, t in enumerate(siblings) if t.id == tag_id)
        other_index = index + delta
        if not 0 <= other_index < len(siblings):
            return
        other = siblings[other_index]
        assert other.id is not None
        swap = [
            commands.EditTag(self.article_id, tag_id, "", position=other.position),
            commands.EditTag(self.article_id, other.id, "", position=tag.position),
        ]
        self.undo.push(commands.CompoundEdit(self.article_id, f"Move tag '{tag.name}'", swap))
