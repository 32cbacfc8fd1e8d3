"""Every edit is an undo command: ``apply()`` and ``revert()`` call store
functions and return the :class:`Changes` they made; the undo stack's
wrapper (:mod:`desktop.ui.edits.undo`) publishes them.  No command knows
who pushed it or who shows the result.

A command stores what it needs to go both ways (ids, old values), so undo
and redo write the database too and it always equals what is shown.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from desktop.core.corrections import GENDER, ActorRule
from desktop.core.errors import BylineError
from desktop.core.model import Annotation, Entity, Quote, Tag
from desktop.store import annotations as store_annotations
from desktop.store import corrections, tags
from desktop.store.actors import gender_rules, replace_actor_rules
from desktop.store.articles import update_article_details
from desktop.ui.edits.changes import Changes


class EditCommand(QUndoCommand):
    """Base: subclasses implement ``apply()`` and ``revert()``."""

    def __init__(self, article_id: int, text: str) -> None:
        super().__init__(text)
        self.article_id = article_id
        self.changes = Changes(article_id)  # what the last redo or undo changed
        # The undo hub applies a command once before pushing it, so that a
        # refused edit never reaches the stack; the stack's first redo()
        # then only announces the change.
        self.applied = False
        # Told (by the undo hub) when an undo or redo is refused: the store
        # changed nothing, and the step leaves the stack (see ``_refuse``).
        self.on_refused: Callable[[BylineError], None] | None = None

    def redo(self) -> None:
        if not self.applied:
            try:
                self.changes = self.apply()
            except BylineError as exc:
                self._refuse(exc)
        self.applied = False

    def undo(self) -> None:
        try:
            self.changes = self.revert()
        except BylineError as exc:  # changed since by another coder, offline, not allowed
            self._refuse(exc)

    def _refuse(self, exc: BylineError) -> None:
        """Nothing was changed: QUndoStack drops an obsolete step, so the
        stack no longer offers an undo that cannot be made."""
        self.changes = Changes(self.article_id)
        self.setObsolete(True)
        if self.on_refused is not None:
            self.on_refused(exc)

    def apply(self) -> Changes:
        raise NotImplementedError

    def revert(self) -> Changes:
        raise NotImplementedError


class CompoundEdit(EditCommand):
    """Several edits as one undo step ("Tag all", moving a tag): all of them
    are applied or, when one is refused, none."""

    def __init__(self, article_id: int, text: str, parts: Sequence[EditCommand]) -> None:
        super().__init__(article_id, text)
        self.parts = list(parts)

    def apply(self) -> Changes:
        done: list[EditCommand] = []
        changes = Changes(self.article_id)
        try:
            for part in self.parts:
                changes |= part.apply()
                done.append(part)
        except Exception:
            for part in reversed(done):
                part.revert()
            raise
        return changes

    def revert(self) -> Changes:
        changes = Changes(self.article_id)
        undone: list[EditCommand] = []
        try:
            for part in reversed(self.parts):
                changes |= part.revert()
                undone.append(part)
        except Exception:  # one part refused (changed since): undo none of them
            for part in reversed(undone):
                part.apply()
            raise
        return changes


# highlights ----------------------------------------------------------------
def _highlights(article_id: int, where: tuple[int, int] | None) -> Changes:
    return Changes(article_id, annotations=True, where=where)


class AddHighlight(EditCommand):
    def __init__(self, article_id: int, annotation: Annotation) -> None:
        names = ", ".join(f"'{t}'" for t in annotation.tags) or "highlight"
        super().__init__(article_id, f"Tag {names}")
        self.annotation = annotation

    def apply(self) -> Changes:
        annotation_id = store_annotations.add_annotation(self.article_id, self.annotation)
        # Redo after undo puts back the very same record, id and times included.
        self.annotation = store_annotations.get_annotation(annotation_id)
        return self._changes()

    def revert(self) -> Changes:
        assert self.annotation.id is not None
        store_annotations.delete_annotation(self.annotation.id, expect=self.annotation)
        return self._changes()

    def _changes(self) -> Changes:
        return _highlights(self.article_id, (self.annotation.start, self.annotation.end))


class DeleteHighlight(EditCommand):
    def __init__(self, article_id: int, annotation_id: int) -> None:
        super().__init__(article_id, "Delete highlight")
        self.annotation_id = annotation_id
        self.removed: Annotation | None = None

    def apply(self) -> Changes:
        self.removed = store_annotations.delete_annotation(self.annotation_id)
        return _highlights(self.article_id, (self.removed.start, self.removed.end))

    def revert(self) -> Changes:
        assert self.removed is not None
        self.annotation_id = store_annotations.add_annotation(self.article_id, self.removed)
        return _highlights(self.article_id, (self.removed.start, self.removed.end))


class EditNote(EditCommand):
    def __init__(self, article_id: int, annotation_id: int, note: str) -> None:
        super().__init__(article_id, "Edit note")
        self.annotation_id, self.note, self.old = annotation_id, note, ""
        self.range: tuple[int, int] | None = None

    def apply(self) -> Changes:
        self.range = store_annotations.span_of(self.annotation_id)
        self.old = store_annotations.set_note(self.annotation_id, self.note)
        return _highlights(self.article_id, self.range)

    def revert(self) -> Changes:
        store_annotations.set_note(self.annotation_id, self.old, expect=self.note)
        return _highlights(self.article_id, self.range)


class SetHighlightTags(EditCommand):
    def __init__(self, article_id: int, annotation_id: int, names: list[str]) -> None:
        super().__init__(article_id, "Change tags")
        self.annotation_id, self.names, self.old = annotation_id, names, []
        self.range: tuple[int, int] | None = None

    def apply(self) -> Changes:
        self.range = store_annotations.span_of(self.annotation_id)
        self.old = store_annotations.set_tags(self.annotation_id, self.names)
        return _highlights(self.article_id, self.range)

    def revert(self) -> Changes:
        store_annotations.set_tags(self.annotation_id, self.old, expect=self.names)
        return _highlights(self.article_id, self.range)


# the codebook ---------------------------------------------------------------
class CreateTag(EditCommand):
    def __init__(self, article_id: int, tag: Tag) -> None:
        super().__init__(article_id, f"New tag '{tag.name}'")
        self.tag = tag

    def apply(self) -> Changes:
        self.tag.id = tags.create_tag(self.tag)
        self.tag = tags.get_tag(self.tag.id)
        return self._changes()

    def revert(self) -> Changes:
        assert self.tag.id is not None
        tags.delete_tag(self.tag.id)
        return self._changes()

    def _changes(self) -> Changes:
        return Changes(self.article_id, tags=True, tag_ids=frozenset({self.tag.id or 0}))


def _tag_changes(article_id: int, tag_id: int) -> Changes:
    # A tag's name and colour show on every highlight carrying it.
    return Changes(article_id, tags=True, annotations=True, tag_ids=frozenset({tag_id}))


class EditTag(EditCommand):
    """Rename, recolour, re-parent, reorder or re-key a tag."""

    def __init__(self, article_id: int, tag_id: int, text: str, **changes: object) -> None:
        super().__init__(article_id, text)
        self.tag_id, self.edits = tag_id, changes
        self.before: Tag | None = None
        self.after: Tag | None = None

    def apply(self) -> Changes:
        self.before = tags.update_tag(self.tag_id, **self.edits)
        self.after = tags.get_tag(self.tag_id)
        return _tag_changes(self.article_id, self.tag_id)

    def revert(self) -> Changes:
        assert self.before is not None
        before = self.before
        tags.update_tag(self.tag_id, expect=self.after, **{key: getattr(before, key) for key in self.edits})
        return _tag_changes(self.article_id, self.tag_id)


class DeleteTag(EditCommand):
    def __init__(self, article_id: int, tag_id: int, name: str) -> None:
        super().__init__(article_id, f"Delete tag '{name}'")
        self.tag_id = tag_id
        self.deleted: tags.DeletedTag | None = None

    def apply(self) -> Changes:
        self.deleted = tags.delete_tag(self.tag_id)
        return _tag_changes(self.article_id, self.tag_id)

    def revert(self) -> Changes:
        assert self.deleted is not None
        tags.restore_tag(self.deleted)
        return _tag_changes(self.article_id, self.tag_id)


# entities -------------------------------------------------------------------
class AddEntity(EditCommand):
    def __init__(self, article_id: int, entity: Entity, replaces: Entity | None = None) -> None:
        verb = f"Change entity to {entity.label}" if replaces else f"Add entity {entity.label}"
        super().__init__(article_id, verb)
        self.entity = replace(entity, origin="user", id=None)
        self.replaces = replaces

    def apply(self) -> Changes:
        if self.replaces is not None:
            corrections.remove_entity(self.article_id, self.replaces)
        self.entity.id = corrections.add_user_entity(self.article_id, self.entity)
        return Changes(self.article_id, entities=True)

    def revert(self) -> Changes:
        assert self.entity.id is not None
        corrections.delete_user_entity(self.entity.id)
        if self.replaces is not None:
            self.replaces = corrections.restore_entity(self.article_id, self.replaces)
        return Changes(self.article_id, entities=True)


class RemoveEntity(EditCommand):
    def __init__(self, article_id: int, entity: Entity) -> None:
        super().__init__(article_id, f"Remove entity {entity.label}")
        self.entity = entity

    def apply(self) -> Changes:
        corrections.remove_entity(self.article_id, self.entity)
        return Changes(self.article_id, entities=True)

    def revert(self) -> Changes:
        self.entity = corrections.restore_entity(self.article_id, self.entity)
        return Changes(self.article_id, entities=True)


class SetEntityRule(EditCommand):
    """"Apply everywhere": this text is always this label in the library."""

    def __init__(self, article_id: int, text: str, label: str, everywhere: bool) -> None:
        shown = label or "not an entity"
        super().__init__(article_id, f"Rule '{text}' is {shown}")
        self.text_, self.label, self.everywhere = text, label, everywhere
        self.before: corrections.RuleState | None = None

    def apply(self) -> Changes:
        self.before = corrections.set_rule(self.text_, self.label, self.article_id, self.everywhere)
        return Changes(self.article_id, entities=True)

    def revert(self) -> Changes:
        assert self.before is not None
        corrections.restore_rule(self.before)
        return Changes(self.article_id, entities=True)


# quotes ---------------------------------------------------------------------
class AddQuote(EditCommand):
    """Mark a quote, or correct one: the corrected model quote is rejected
    and the user's version takes its place."""

    def __init__(self, article_id: int, quote: Quote, replaces: Quote | None = None, text: str = "") -> None:
        super().__init__(article_id, text or ("Edit quote" if replaces else "Mark quote"))
        self.quote = replace(quote, origin="user", id=None)
        self.replaces = replaces

    def apply(self) -> Changes:
        if self.replaces is not None:
            corrections.remove_quote(self.article_id, self.replaces)
        self.quote.id = corrections.add_user_quote(self.article_id, self.quote)
        return Changes(self.article_id, quotes=True)

    def revert(self) -> Changes:
        assert self.quote.id is not None
        corrections.delete_user_quote(self.quote.id)
        if self.replaces is not None:
            self.replaces = corrections.restore_quote(self.article_id, self.replaces)
        return Changes(self.article_id, quotes=True)


class DeleteQuote(EditCommand):
    def __init__(self, article_id: int, quote: Quote) -> None:
        super().__init__(article_id, "Delete quote")
        self.quote = quote

    def apply(self) -> Changes:
        corrections.remove_quote(self.article_id, self.quote)
        return Changes(self.article_id, quotes=True)

    def revert(self) -> Changes:
        self.quote = corrections.restore_quote(self.article_id, self.quote)
        return Changes(self.article_id, quotes=True)


# actors ---------------------------------------------------------------------
class ChangeActorRules(EditCommand):
    """Rename, merge, split or retype actors: each is a set of library-wide
    rules ("'Putin' means Vladimir Putin") that every analysis follows."""

    def __init__(self, article_id: int, text: str, add: list[ActorRule], remove: list[ActorRule]) -> None:
        super().__init__(article_id, text)
        self.add, self.remove = add, remove
        self.displaced: list[ActorRule] = []

    def apply(self) -> Changes:
        self.displaced = replace_actor_rules(self.remove, self.add)
        return self._changes()

    def revert(self) -> Changes:
        replace_actor_rules(self.add, self.remove + self.displaced)
        return self._changes()

    def _changes(self) -> Changes:
        return Changes(self.article_id, actors=True, actor_rules=tuple(self.add + self.remove + self.displaced))


class SetActorGender(ChangeActorRules):
    """"This person is a woman" (or a man, non-binary, unknown), for the whole
    library; ``gender`` "" drops the correction, so the articles' own
    evidence decides again."""

    def __init__(self, article_id: int, name: str, gender: str) -> None:
        current = gender_rules().get(name)
        add = [ActorRule(GENDER, name, gender)] if gender else []
        remove = [ActorRule(GENDER, name, current)] if current is not None and not gender else []
        text = f"'{name}' is {gender}" if gender else f"Gender of '{name}' from the evidence"
        super().__init__(article_id, text, add, remove)


# the article's details --------------------------------------------------------
class EditArticleDetails(EditCommand):
    """Title, date, source, author and URL, from ``before`` to ``after``."""

    def __init__(self, article_id: int, before: dict[str, str | None], after: dict[str, str | None]) -> None:
        super().__init__(article_id, "Edit article details")
        self.before, self.after = before, after

    def apply(self) -> Changes:
        update_article_details(self.article_id, self.after)
        return Changes(self.article_id, details=True)

    def revert(self) -> Changes:
        update_article_details(self.article_id, self.before)
        return Changes(self.article_id, details=True)
