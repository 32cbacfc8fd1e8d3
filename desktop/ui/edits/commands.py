"""Every edit is an undo command: redo() and undo() call store functions,
then tell the editor what changed so the views refresh.

A command stores what it needs to go both ways (ids, old values), so undo
and redo write the database too and it always equals what is shown.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from desktop.core.model import Annotation, Entity, Quote, Tag
from desktop.store import annotations as store_annotations
from desktop.store import corrections, tags
from desktop.store.actors import ActorRule, replace_actor_rules

if TYPE_CHECKING:
    from desktop.ui.edits.undo import ArticleEditor

ANNOTATIONS, ENTITIES, QUOTES, TAGS, ACTORS = "annotations", "entities", "quotes", "tags", "actors"


class EditCommand(QUndoCommand):
    """Base: subclasses implement ``apply()`` and ``revert()``."""

    touches: tuple[str, ...] = ()

    def __init__(self, editor: ArticleEditor, text: str) -> None:
        super().__init__(text)
        self.editor = editor
        self.article_id = editor.article_id
        # The editor applies a command once before pushing it, so that a
        # refused edit never reaches the stack; the stack's first redo()
        # then only announces the change.
        self.applied = False

    def redo(self) -> None:
        if not self.applied:
            self.apply()
        self.applied = False
        self.editor.notify(self.article_id, self.touches, self.where())

    def undo(self) -> None:
        self.revert()
        self.editor.notify(self.article_id, self.touches, self.where())

    def where(self) -> tuple[int, int] | None:
        """The stretch of the article the edit changed, when it changed
        only that stretch's highlights (the reader then reloads just those)."""
        return None

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


# highlights ----------------------------------------------------------------
class AddHighlight(EditCommand):
    touches = (ANNOTATIONS,)

    def __init__(self, editor: ArticleEditor, annotation: Annotation) -> None:
        names = ", ".join(f"'{t}'" for t in annotation.tags) or "highlight"
        super().__init__(editor, f"Tag {names}")
        self.annotation = annotation

    def apply(self) -> None:
        annotation_id = store_annotations.add_annotation(self.article_id, self.annotation)
        # Redo after undo puts back the very same record, id and times included.
        self.annotation = store_annotations.get_annotation(annotation_id)

    def revert(self) -> None:
        assert self.annotation.id is not None
        store_annotations.delete_annotation(self.annotation.id)

    def where(self) -> tuple[int, int]:
        return self.annotation.start, self.annotation.end


class DeleteHighlight(EditCommand):
    touches = (ANNOTATIONS,)

    def __init__(self, editor: ArticleEditor, annotation_id: int) -> None:
        super().__init__(editor, "Delete highlight")
        self.annotation_id = annotation_id
        self.removed: Annotation | None = None

    def apply(self) -> None:
        self.removed = store_annotations.delete_annotation(self.annotation_id)

    def revert(self) -> None:
        assert self.removed is not None
        self.annotation_id = store_annotations.add_annotation(self.article_id, self.removed)

    def where(self) -> tuple[int, int] | None:
        return (self.removed.start, self.removed.end) if self.removed else None


class EditNote(EditCommand):
    touches = (ANNOTATIONS,)

    def __init__(self, editor: ArticleEditor, annotation_id: int, note: str) -> None:
        super().__init__(editor, "Edit note")
        self.annotation_id, self.note, self.old = annotation_id, note, ""
        self.range: tuple[int, int] | None = None

    def apply(self) -> None:
        self.range = store_annotations.span_of(self.annotation_id)
        self.old = store_annotations.set_note(self.annotation_id, self.note)

    def revert(self) -> None:
        store_annotations.set_note(self.annotation_id, self.old)

    def where(self) -> tuple[int, int] | None:
        return self.range


class SetHighlightTags(EditCommand):
    touches = (ANNOTATIONS,)

    def __init__(self, editor: ArticleEditor, annotation_id: int, names: list[str]) -> None:
        super().__init__(editor, "Change tags")
        self.annotation_id, self.names, self.old = annotation_id, names, []
        self.range: tuple[int, int] | None = None

    def apply(self) -> None:
        self.range = store_annotations.span_of(self.annotation_id)
        self.old = store_annotations.set_tags(self.annotation_id, self.names)

    def revert(self) -> None:
        store_annotations.set_tags(self.annotation_id, self.old)

    def where(self) -> tuple[int, int] | None:
        return self.range


# the codebook ---------------------------------------------------------------
class CreateTag(EditCommand):
    touches = (TAGS,)

    def __init__(self, editor: ArticleEditor, tag: Tag) -> None:
        super().__init__(editor, f"New tag '{tag.name}'")
        self.tag = tag

    def apply(self) -> None:
        self.tag.id = tags.create_tag(self.tag)
        self.tag = tags.get_tag(self.tag.id)

    def revert(self) -> None:
        assert self.tag.id is not None
        tags.delete_tag(self.tag.id)


class EditTag(EditCommand):
    """Rename, recolour, re-parent, reorder or re-key a tag."""

    touches = (TAGS, ANNOTATIONS)

    def __init__(self, editor: ArticleEditor, tag_id: int, text: str, **changes: object) -> None:
        super().__init__(editor, text)
        self.tag_id, self.changes = tag_id, changes
        self.before: Tag | None = None

    def apply(self) -> None:
        self.before = tags.update_tag(self.tag_id, **self.changes)

    def revert(self) -> None:
        assert self.before is not None
        before = self.before
        tags.update_tag(self.tag_id, **{key: getattr(before, key) for key in self.changes})


class DeleteTag(EditCommand):
    touches = (TAGS, ANNOTATIONS)

    def __init__(self, editor: ArticleEditor, tag_id: int, name: str) -> None:
        super().__init__(editor, f"Delete tag '{name}'")
        self.tag_id = tag_id
        self.deleted: tags.DeletedTag | None = None

    def apply(self) -> None:
        self.deleted = tags.delete_tag(self.tag_id)

    def revert(self) -> None:
        assert self.deleted is not None
        tags.restore_tag(self.deleted)


# entities -------------------------------------------------------------------
class AddEntity(EditCommand):
    touches = (ENTITIES,)

    def __init__(self, editor: ArticleEditor, entity: Entity, replaces: Entity | None = None) -> None:
        verb = f"Change entity to {entity.label}" if replaces else f"Add entity {entity.label}"
        super().__init__(editor, verb)
        self.entity = replace(entity, origin="user", id=None)
        self.replaces = replaces

    def apply(self) -> None:
        if self.replaces is not None:
            _remove_entity(self.article_id, self.replaces)
        self.entity.id = corrections.add_user_entity(self.article_id, self.entity)

    def revert(self) -> None:
        assert self.entity.id is not None
        corrections.delete_user_entity(self.entity.id)
        if self.replaces is not None:
            _restore_entity(self.article_id, self.replaces)


class RemoveEntity(EditCommand):
    touches = (ENTITIES,)

    def __init__(self, editor: ArticleEditor, entity: Entity) -> None:
        super().__init__(editor, f"Remove entity {entity.label}")
        self.entity = entity

    def apply(self) -> None:
        _remove_entity(self.article_id, self.entity)

    def revert(self) -> None:
        _restore_entity(self.article_id, self.entity)


def _remove_entity(article_id: int, entity: Entity) -> None:
    # The user's own entities are deleted; the model's (and a rule's) are
    # rejected, so that a re-analysis does not bring them back.
    if entity.origin == "user" and entity.id is not None:
        corrections.delete_user_entity(entity.id)
    else:
        corrections.reject(article_id, "entity", entity.start, entity.end)


def _restore_entity(article_id: int, entity: Entity) -> None:
    if entity.origin == "user" and entity.id is not None:
        entity.id = corrections.add_user_entity(article_id, entity)
    else:
        corrections.unreject(article_id, "entity", entity.start, entity.end)


class SetEntityRule(EditCommand):
    """"Apply everywhere": this text is always this label in the library."""

    touches = (ENTITIES,)

    def __init__(self, editor: ArticleEditor, text: str, label: str, everywhere: bool) -> None:
        shown = label or "not an entity"
        super().__init__(editor, f"Rule '{text}' is {shown}")
        self.text_, self.label, self.everywhere = text, label, everywhere
        self.before: corrections.RuleState | None = None

    def apply(self) -> None:
        self.before = corrections.set_rule(self.text_, self.label, self.article_id, self.everywhere)

    def revert(self) -> None:
        assert self.before is not None
        corrections.restore_rule(self.before)


# quotes ---------------------------------------------------------------------
class AddQuote(EditCommand):
    """Mark a quote, or correct one: the corrected model quote is rejected
    and the user's version takes its place."""

    touches = (QUOTES,)

    def __init__(self, editor: ArticleEditor, quote: Quote, replaces: Quote | None = None, text: str = "") -> None:
        super().__init__(editor, text or ("Edit quote" if replaces else "Mark quote"))
        self.quote = replace(quote, origin="user", id=None)
        self.replaces = replaces

    def apply(self) -> None:
        if self.replaces is not None:
            _remove_quote(self.article_id, self.replaces)
        self.quote.id = corrections.add_user_quote(self.article_id, self.quote)

    def revert(self) -> None:
        assert self.quote.id is not None
        corrections.delete_user_quote(self.quote.id)
        if self.replaces is not None:
            _restore_quote(self.article_id, self.replaces)


class DeleteQuote(EditCommand):
    touches = (QUOTES,)

    def __init__(self, editor: ArticleEditor, quote: Quote) -> None:
        super().__init__(editor, "Delete quote")
        self.quote = quote

    def apply(self) -> None:
        _remove_quote(self.article_id, self.quote)

    def revert(self) -> None:
        _restore_quote(self.article_id, self.quote)


def _remove_quote(article_id: int, quote: Quote) -> None:
    if quote.origin == "user" and quote.id is not None:
        corrections.delete_user_quote(quote.id)
    else:
        corrections.reject(article_id, "quote", quote.start, quote.end)


def _restore_quote(article_id: int, quote: Quote) -> None:
    if quote.origin == "user" and quote.id is not None:
        quote.id = corrections.add_user_quote(article_id, quote)
    else:
        corrections.unreject(article_id, "quote", quote.start, quote.end)


# actors ---------------------------------------------------------------------
class ChangeActorRules(EditCommand):
    """Rename, merge, split or retype actors: each is a set of library-wide
    rules ("'Putin' means Vladimir Putin") that every analysis follows."""

    touches = (ACTORS,)

    def __init__(self, editor: ArticleEditor, text: str, add: list[ActorRule], remove: list[ActorRule]) -> None:
        super().__init__(editor, text)
        self.add, self.remove = add, remove
        self.displaced: list[ActorRule] = []

    def apply(self) -> None:
        self.displaced = replace_actor_rules(self.remove, self.add)
        self.editor.rules_changed(self.add + self.remove + self.displaced)

    def revert(self) -> None:
        replace_actor_rules(self.add, self.remove + self.displaced)
        self.editor.rules_changed(self.add + self.remove + self.displaced)
