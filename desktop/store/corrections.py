"""Storing the user's corrections of entities and quotes, and entity rules."""
from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.core.corrections import EntityRule
from desktop.core.errors import StoreError
from desktop.core.model import ORIGIN_USER, Entity, Quote
from desktop.store.articles import now
from desktop.store.models import EntityRow, EntityRuleRow, QuoteRow, RejectionRow, db
from desktop.store.rows import quote_fields, quote_from_row


def add_user_entity(article_id: int, entity: Entity) -> int:
    fields = dict(article=article_id, start=entity.start, end=entity.end, label=entity.label, origin=ORIGIN_USER)
    if entity.id is not None and not EntityRow.select().where(EntityRow.id == entity.id).exists():
        fields["id"] = entity.id  # undo restores the old id unless it was taken meanwhile
    with db.atomic():
        return EntityRow.insert(**fields).execute()


def delete_user_entity(entity_id: int) -> Entity:
    with db.atomic():
        row = EntityRow.get_or_none((EntityRow.id == entity_id) & (EntityRow.origin == ORIGIN_USER))
        if row is None:
            raise StoreError(f"there is no user entity {entity_id}.")
        if not row.delete_instance():
            raise _not_yours()
    return Entity(row.start, row.end, row.label, ORIGIN_USER, row.id)


def reject(article_id: int, kind: str, start: int, end: int) -> None:
    """Hide a model span for good (re-analysis included)."""
    with db.atomic():
        RejectionRow.insert(article=article_id, kind=kind, start=start, end=end).on_conflict_ignore().execute()


def unreject(article_id: int, kind: str, start: int, end: int) -> None:
    which = ((RejectionRow.article == article_id) & (RejectionRow.kind == kind)
             & (RejectionRow.start == start) & (RejectionRow.end == end))
    with db.atomic():
        if not RejectionRow.delete().where(which).execute() and RejectionRow.select().where(which).exists():
            raise _not_yours()


def _not_yours() -> StoreError:
    """A team library's row rules kept another coder's correction (the
    delete found the row but was not allowed to remove it)."""
    from desktop.store.team import TeamPermissionError

    return TeamPermissionError("this correction is another coder's: you can undo only your own corrections.")


def remove_entity(article_id: int, entity: Entity) -> None:
    """Take an entity out of the article: the user's own entities are
    deleted; the model's (and a rule's) are rejected, so that a re-analysis
    does not bring them back."""
    if entity.origin == ORIGIN_USER and entity.id is not None:
        delete_user_entity(entity.id)
    else:
        reject(article_id, "entity", entity.start, entity.end)


def restore_entity(article_id: int, entity: Entity) -> Entity:
    """Undo :func:`remove_entity`; returns the entity as stored again."""
    if entity.origin == ORIGIN_USER and entity.id is not None:
        return replace(entity, id=add_user_entity(article_id, entity))
    unreject(article_id, "entity", entity.start, entity.end)
    return entity


def add_user_quote(article_id: int, quote: Quote) -> int:
    fields = quote_fields(article_id, quote)
    fields["origin"] = ORIGIN_USER
    if quote.id is not None and not QuoteRow.select().where(QuoteRow.id == quote.id).exists():
        fields["id"] = quote.id  # undo restores the old id unless it was taken meanwhile
    with db.atomic():
        return QuoteRow.insert(**fields).execute()


def delete_user_quote(quote_id: int) -> Quote:
    with db.atomic():
        row = QuoteRow.get_or_none((QuoteRow.id == quote_id) & (QuoteRow.origin == ORIGIN_USER))
        if row is None:
            raise StoreError(f"there is no user quote {quote_id}.")
        if not row.delete_instance():
            raise _not_yours()
    return quote_from_row(row)



def remove_quote(article_id: int, quote: Quote) -> None:
    """As :func:`remove_entity`, for quotes."""
    if quote.origin == ORIGIN_USER and quote.id is not None:
        delete_user_quote(quote.id)
    else:
        reject(article_id, "quote", quote.start, quote.end)


def restore_quote(article_id: int, quote: Quote) -> Quote:
    if quote.origin == ORIGIN_USER and quote.id is not None:
        return replace(quote, id=add_user_quote(article_id, quote))
    unreject(article_id, "quote", quote.start, quote.end)
    return quote


def rules_for(article_id: int, analysed_at: str) -> list[EntityRule]:
    """The rules that apply to an article analysed at ``analysed_at``: those
    made in it, those made before its analysis, and those the user extended
    to every article."""
    # Plain SQL: asked for every article an import saves.
    rows = db.execute_sql(
        "SELECT text, label, id FROM entity_rule"
        " WHERE everywhere OR article_id = ? OR created <= ? ORDER BY id",
        (article_id, analysed_at),
    )
    return [EntityRule(text, label, rule_id) for text, label, rule_id in rows]


@dataclass(frozen=True, slots=True)
class RuleState:
    """A rule as it was, for undo (None: there was no rule)."""

    text: str
    label: str | None
    article_id: int | None = None
    everywhere: bool = False
    created: str = ""


def set_rule(text: str, label: str, article_id: int | None, everywhere: bool) -> RuleState:
    """Make ``text`` always ``label``; return the rule's previous state."""
    text = text.strip()
    if not text:
        raise StoreError("a rule needs the words it applies to.")
    with db.atomic():
        row = EntityRuleRow.get_or_none(EntityRuleRow.text == text)
        if row is None:
            EntityRuleRow.create(text=text, label=label, article=article_id, everywhere=everywhere, created=now())
            return RuleState(text, None)
        before = RuleState(text, row.label, row.article_id, bool(row.everywhere), row.created)
        EntityRuleRow.update(label=label, everywhere=everywhere or row.everywhere).where(
            EntityRuleRow.id == row.id
        ).execute()
        return before


def restore_rule(state: RuleState) -> None:
    with db.atomic():
        EntityRuleRow.delete().where(EntityRuleRow.text == state.text).execute()
        if state.label is not None:
            EntityRuleRow.create(text=state.text, label=state.label, article=state.article_id,
                                 everywhere=state.everywhere, created=state.created or now())


def analysed_articles_containing(text: str, exclude: int | None = None) -> list[int]:
    """Analysed articles whose text holds ``text``: those a new rule is offered for."""
    from desktop.core.corrections import occurrences
    from desktop.store.models import AnalysisRow, ArticleRow

    query = (
        ArticleRow.select(ArticleRow.id, ArticleRow.text)
        .join(AnalysisRow, on=(AnalysisRow.article == ArticleRow.id))
        .where(ArticleRow.text.contains(text))
    )
    return [r.id for r in query if r.id != exclude and occurrences(r.text, text)]
