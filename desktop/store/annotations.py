"""Highlights: passages with the user's tags, note, author and times."""
from __future__ import annotations

from desktop.core.errors import StoreError
from desktop.core.model import Annotation
from desktop.store.articles import now
from desktop.store.conflicts import check_unchanged
from desktop.store.engines import is_postgres
from desktop.store.models import AnnotationRow, AnnotationTagRow, TagRow, db


def _author(annotation: Annotation) -> str:
    """In a team library a highlight's author is its coder's role."""
    if is_postgres(db):
        from desktop.store.team import current_coder, is_coder

        if is_coder(db.obj):
            return current_coder(db.obj)
    return annotation.author


def _check_own(annotation: Annotation) -> None:
    if is_postgres(db):
        from desktop.store.team import check_own

        check_own(db.obj, annotation.author)


def _check_range(article_id: int, start: int, end: int) -> None:
    # The length from SQL: a long article's text is not read for one highlight.
    row = db.execute_sql("SELECT length(text) FROM article WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise StoreError(f"there is no article {article_id}.")
    if not 0 <= start < end <= row[0]:
        raise StoreError(f"the range {start}–{end} is outside the article's text.")


def _tag_ids(names: list[str]) -> list[int]:
    rows = {r.name.casefold(): r.id for r in TagRow.select(TagRow.id, TagRow.name)}
    missing = [n for n in names if n.casefold() not in rows]
    if missing:
        raise StoreError(f"there is no tag named '{missing[0]}'.")
    return list(dict.fromkeys(rows[n.casefold()] for n in names))


def add_annotation(article_id: int, annotation: Annotation) -> int:
    """Store a highlight (restoring its id and times when given, for undo/redo)."""
    _check_range(article_id, annotation.start, annotation.end)
    stamp = now()
    with db.atomic():
        fields = dict(
            article=article_id,
            start=annotation.start,
            end=annotation.end,
            note=annotation.note,
            author=_author(annotation),
            created=annotation.created or stamp,
            modified=annotation.modified or stamp,
        )
        # Undo puts a record back under its old id, unless another Byline
        # process has taken that id meanwhile (SQLite reuses the highest).
        if annotation.id is not None and not AnnotationRow.select().where(AnnotationRow.id == annotation.id).exists():
            fields["id"] = annotation.id
        annotation_id = AnnotationRow.insert(**fields).execute()
        tag_ids = _tag_ids(annotation.tags)
        if tag_ids:
            AnnotationTagRow.insert_many([{"annotation": annotation_id, "tag": t} for t in tag_ids]).execute()
    return annotation_id


def get_annotation(annotation_id: int) -> Annotation:
    row = AnnotationRow.get_or_none(AnnotationRow.id == annotation_id)
    if row is None:
        raise StoreError(f"there is no highlight {annotation_id}.")
    return _annotation(row, _tags_of([annotation_id]).get(annotation_id, []))


def list_annotations(article_id: int) -> list[Annotation]:
    """The article's highlights in text order."""
    return _select_annotations("a.article_id = ?", (article_id,))


def annotations_overlapping(article_id: int, start: int, end: int) -> list[Annotation]:
    """The article's highlights that overlap ``start``–``end``, in text order
    (after an edit, the reader reloads only these)."""
    return _select_annotations('a.article_id = ? AND a."start" < ? AND a."end" > ?', (article_id, end, start))


def _select_annotations(where: str, params: tuple) -> list[Annotation]:
    """Two plain queries: this runs after every edit, and building model
    instances for thousands of highlights cost more than the queries."""
    rows = db.execute_sql(
        f'SELECT a.id, a."start", a."end", a.note, a.author, a.created, a.modified FROM annotation a '
        f'WHERE {where} ORDER BY a."start", a.id',
        params,
    ).fetchall()
    tags: dict[int, list[str]] = {}
    for annotation_id, name in db.execute_sql(
        "SELECT l.annotation_id, t.name FROM annotation_tag l JOIN tag t ON t.id = l.tag_id "
        f"JOIN annotation a ON a.id = l.annotation_id WHERE {where} ORDER BY t.position, t.name",
        params,
    ):
        tags.setdefault(annotation_id, []).append(name)
    return [
        Annotation(start, end, tags.get(aid, []), note, author, created, modified, aid)
        for aid, start, end, note, author, created, modified in rows
    ]


def _tags_of(annotation_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if not annotation_ids:
        return out
    query = (
        AnnotationTagRow.select(AnnotationTagRow.annotation, TagRow.name)
        .join(TagRow)
        .where(AnnotationTagRow.annotation.in_(annotation_ids))
        .order_by(TagRow.position, TagRow.name)
        .tuples()
    )
    for annotation_id, name in query:
        out.setdefault(annotation_id, []).append(name)
    return out


def _annotation(row: AnnotationRow, tags: list[str]) -> Annotation:
    return Annotation(row.start, row.end, tags, row.note, row.author, row.created, row.modified, row.id)


def delete_annotation(annotation_id: int, expect: Annotation | None = None) -> Annotation:
    """Remove a highlight; return it whole, for undo.  With ``expect`` (an
    undo of its adding), refused when it no longer is what was added."""
    with db.atomic():
        gone = get_annotation(annotation_id)
        _check_own(gone)
        if expect is not None:
            check_unchanged("the highlight", _essence(gone), _essence(expect))
        AnnotationRow.delete().where(AnnotationRow.id == annotation_id).execute()
    return gone


def set_note(annotation_id: int, note: str, expect: str | None = None) -> str:
    """Replace the note; return the old one.  With ``expect`` (an undo: the
    note its edit wrote), refused when the note is no longer that."""
    with db.atomic():
        before = get_annotation(annotation_id)
        _check_own(before)
        check_unchanged("the highlight's note", before.note, expect)
        old = before.note
        AnnotationRow.update(note=note, modified=now()).where(AnnotationRow.id == annotation_id).execute()
    return old


def set_tags(annotation_id: int, tags: list[str], expect: list[str] | None = None) -> list[str]:
    """Replace the tags; return the old ones.  With ``expect`` (an undo: the
    tags its edit set), refused when they are no longer those."""
    with db.atomic():
        before = get_annotation(annotation_id)
        _check_own(before)
        check_unchanged("the highlight's tags", sorted(before.tags), sorted(expect) if expect is not None else None)
        old = before.tags
        tag_ids = _tag_ids(tags)
        AnnotationTagRow.delete().where(AnnotationTagRow.annotation == annotation_id).execute()
        if tag_ids:
            AnnotationTagRow.insert_many([{"annotation": annotation_id, "tag": t} for t in tag_ids]).execute()
        AnnotationRow.update(modified=now()).where(AnnotationRow.id == annotation_id).execute()
    return old


def _essence(a: Annotation) -> tuple:
    return (a.start, a.end, a.note, sorted(a.tags))


def span_of(annotation_id: int) -> tuple[int, int]:
    """Where the highlight is in its article's text."""
    row = db.execute_sql('SELECT "start", "end" FROM annotation WHERE id = ?', (annotation_id,)).fetchone()
    if row is None:
        raise StoreError(f"there is no highlight {annotation_id}.")
    return row[0], row[1]


def article_id_of(annotation_id: int) -> int:
    row = AnnotationRow.get_or_none(AnnotationRow.id == annotation_id)
    if row is None:
        raise StoreError(f"there is no highlight {annotation_id}.")
    return row.article_id
