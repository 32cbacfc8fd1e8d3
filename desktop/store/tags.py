"""The codebook: tags as a tree, each with a colour and an optional shortcut."""
from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.colours import hex_colour
from desktop.core.errors import StoreError
from desktop.core.model import Tag
from desktop.store.conflicts import check_unchanged
from desktop.store.models import AnnotationTagRow, TagRow, db


@dataclass(slots=True)
class DeletedTag:
    """What deleting a tag removed, so that undo can put it all back."""

    tag: Tag
    annotation_ids: list[int] = field(default_factory=list)
    child_ids: list[int] = field(default_factory=list)


def _tag(row: TagRow, names: dict[int, str]) -> Tag:
    parent_id = row.parent_id
    return Tag(
        name=row.name,
        color=row.color,
        parent=names.get(parent_id) if parent_id else None,
        shortcut=row.shortcut,
        description=row.description,
        position=row.position,
        id=row.id,
    )


def list_tags() -> list[Tag]:
    """All tags in codebook order (by position, then name)."""
    rows = list(TagRow.select().order_by(TagRow.position, TagRow.name))
    names = {r.id: r.name for r in rows}
    return [_tag(r, names) for r in rows]


def get_tag(tag_id: int) -> Tag:
    row = TagRow.get_or_none(TagRow.id == tag_id)
    if row is None:
        raise StoreError(f"there is no tag {tag_id}.")
    parent = TagRow.get_or_none(TagRow.id == row.parent_id) if row.parent_id else None
    return _tag(row, {parent.id: parent.name} if parent else {})


def tag_id_by_name(name: str) -> int | None:
    row = TagRow.get_or_none(TagRow.name == name)
    return row.id if row else None


def create_tag(tag: Tag) -> int:
    """Add a tag (restoring its id when given, for undo); names are unique."""
    name = tag.name.strip()
    if not name:
        raise StoreError("a tag needs a name.")
    with db.atomic():
        if TagRow.select().where(TagRow.name == name).exists():
            raise StoreError(f"there is already a tag named '{name}'.")
        parent_id = tag_id_by_name(tag.parent) if tag.parent else None
        position = tag.position if tag.id is not None else _next_position()
        fields = dict(name=name, color=_colour(tag.color), parent=parent_id, shortcut=tag.shortcut or None,
                      description=tag.description, position=position)
        if tag.id is not None and not TagRow.select().where(TagRow.id == tag.id).exists():
            fields["id"] = tag.id  # undo restores the old id unless it was taken meanwhile
        return TagRow.insert(**fields).execute()


def _colour(value: str) -> str:
    colour = hex_colour(value)
    if colour is None:
        raise StoreError(f"'{value}' is not a colour (use #rrggbb).")
    return colour


def _next_position() -> int:
    last = TagRow.select(TagRow.position).order_by(TagRow.position.desc()).first()
    return (last.position + 1) if last else 0


def update_tag(tag_id: int, expect: Tag | None = None, **changes: object) -> Tag:
    """Change name, color, parent (a name or None), shortcut, description or
    position; return the tag as it was, for undo.  With ``expect`` (an undo:
    the tag as its edit left it), refused when the tag is no longer that."""
    before = get_tag(tag_id)
    check_unchanged(f"the tag '{before.name}'", before, expect)
    values: dict[str, object] = {}
    for key, value in changes.items():
        if key == "parent":
            parent_id = tag_id_by_name(value) if value else None  # type: ignore[arg-type]
            if parent_id is not None and _is_descendant(parent_id, tag_id):
                raise StoreError("a tag cannot be placed under itself or its own sub-tags.")
            values["parent"] = parent_id
        elif key == "name":
            name = str(value).strip()
            if not name:
                raise StoreError("a tag needs a name.")
            clash = TagRow.get_or_none(TagRow.name == name)
            if clash is not None and clash.id != tag_id:
                raise StoreError(f"there is already a tag named '{name}'.")
            values["name"] = name
        elif key == "color":
            values[key] = _colour(str(value))
        elif key in ("shortcut", "description", "position"):
            values[key] = value
        else:
            raise ValueError(f"unknown tag field {key}")
    if values:
        with db.atomic():
            TagRow.update(**values).where(TagRow.id == tag_id).execute()
    return before


def _is_descendant(candidate: int, ancestor: int) -> bool:
    seen = set()
    current: int | None = candidate
    while current is not None and current not in seen:
        if current == ancestor:
            return True
        seen.add(current)
        row = TagRow.get_or_none(TagRow.id == current)
        current = row.parent_id if row else None
    return False


def tag_usage(tag_id: int) -> int:
    """How many highlights carry the tag."""
    return AnnotationTagRow.select().where(AnnotationTagRow.tag == tag_id).count()


def delete_tag(tag_id: int) -> DeletedTag:
    with db.atomic():
        deleted = DeletedTag(
            tag=get_tag(tag_id),
            annotation_ids=[r.annotation_id for r in AnnotationTagRow.select().where(AnnotationTagRow.tag == tag_id)],
            child_ids=[r.id for r in TagRow.select(TagRow.id).where(TagRow.parent == tag_id)],
        )
        TagRow.delete().where(TagRow.id == tag_id).execute()
    return deleted


def restore_tag(deleted: DeletedTag) -> None:
    with db.atomic():
        tag_id = create_tag(deleted.tag)
        if deleted.annotation_ids:
            AnnotationTagRow.insert_many(
                [{"annotation": a, "tag": tag_id} for a in deleted.annotation_ids]
            ).on_conflict_ignore().execute()
        if deleted.child_ids:
            TagRow.update(parent=tag_id).where(TagRow.id.in_(deleted.child_ids)).execute()
