"""Removing a span: the user's own spans are deleted, the model's rejected
(so that a re-analysis does not bring them back); both can be put back."""
from desktop.core.model import Analysis, Article, Entity, Quote
from desktop.store.analyses import load_analysis, save_analysis
from desktop.store.articles import add_article
from desktop.store.corrections import (
    add_user_entity,
    remove_entity,
    remove_quote,
    restore_entity,
    restore_quote,
)
from desktop.store.models import EntityRow, RejectionRow

TEXT = "Olaf Scholz said “we agree” in Kyiv."


def _article() -> int:
    article_id = add_article(Article(TEXT))[0]
    quote = Quote(TEXT.index("“"), TEXT.index("”") + 1, "direct", None, None, "Olaf Scholz", True)
    save_analysis(article_id, Analysis([Entity(0, 11, "PERSON"), Entity(31, 35, "GPE")], [quote], "m", "1"))
    return article_id


def _entities(article_id: int) -> list[tuple[int, int, str]]:
    analysis = load_analysis(article_id)
    assert analysis is not None
    return [(e.start, e.end, e.label) for e in analysis.entities]


def test_a_model_entity_is_rejected_and_comes_back(library):
    article_id = _article()
    model = next(e for e in load_analysis(article_id).entities if e.label == "GPE")
    remove_entity(article_id, model)
    assert (31, 35, "GPE") not in _entities(article_id)
    assert RejectionRow.select().count() == 1
    restore_entity(article_id, model)
    assert (31, 35, "GPE") in _entities(article_id)
    assert RejectionRow.select().count() == 0


def test_a_user_entity_is_deleted_not_rejected(library):
    article_id = _article()
    user = Entity(17, 27, "WORK_OF_ART", "user")
    user = Entity(user.start, user.end, user.label, "user", add_user_entity(article_id, user))
    rows = EntityRow.select().count()
    remove_entity(article_id, user)
    assert EntityRow.select().count() == rows - 1
    assert RejectionRow.select().count() == 0
    back = restore_entity(article_id, user)
    assert back.id is not None and (17, 27, "WORK_OF_ART") in _entities(article_id)


def test_a_model_quote_is_rejected_and_comes_back(library):
    article_id = _article()
    quote = load_analysis(article_id).quotes[0]
    remove_quote(article_id, quote)
    assert load_analysis(article_id).quotes == []
    restore_quote(article_id, quote)
    assert [q.speaker_name for q in load_analysis(article_id).quotes] == ["Olaf Scholz"]
