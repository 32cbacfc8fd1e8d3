"""The import path lays the user's corrections over the analysis at hand
instead of reading back what it saved: it must see what reading back gives."""
from dataclasses import replace

from desktop.core.model import ORIGIN_USER, Analysis, Article, Entity, Quote, Span
from desktop.store.analyses import analysed_among, corrected_analysis, load_analysis, save_analysis
from desktop.store.articles import add_article
from desktop.store.corrections import add_user_entity, add_user_quote, reject, set_rule

TEXT = "Olaf Scholz met Emmanuel Macron in Kyiv. “We agree,” Scholz said. Kyiv was calm."


def at(words: str, start: int = 0) -> tuple[int, int]:
    begin = TEXT.index(words, start)
    return begin, begin + len(words)


def _model() -> Analysis:
    entities = [Entity(*at("Olaf Scholz"), "PERSON"), Entity(*at("Emmanuel Macron"), "PERSON"),
                Entity(*at("Kyiv"), "PERSON"), Entity(*at("Scholz", 20), "PERSON"),
                Entity(*at("Kyiv", 50), "GPE")]
    speaker = Span(*at("Scholz", 20), "name")  # the label the quote finder gives; not stored
    quotes = [Quote(*at("“We agree,”"), "direct", Span(*at("said"), "cue"), speaker,
                    "Olaf Scholz", True)]
    return Analysis(entities, quotes, "core_web_sm", "3.8.0")


def _comparable(analysis: Analysis) -> tuple:
    """What the actor builder reads: ids of stored spans aside."""
    return (
        [(e.start, e.end, e.label, e.origin) for e in analysis.entities],
        [replace(q, id=None) for q in analysis.quotes],
        analysis.model_name,
        analysis.model_version,
    )


def test_fresh_article_gives_what_loading_gives(library):
    article_id = add_article(Article(TEXT))[0]
    analysis = _model()
    analysed_at = save_analysis(article_id, analysis)
    corrected = corrected_analysis(article_id, TEXT, analysis, analysed_at)
    assert _comparable(corrected) == _comparable(load_analysis(article_id))
    assert corrected.quotes[0].speaker_mention == Span(*at("Scholz", 20), "speaker")


def test_corrections_and_rules_are_laid_over_a_reanalysis(library):
    article_id = add_article(Article(TEXT))[0]
    save_analysis(article_id, _model())
    add_user_entity(article_id, Entity(*at("Olaf"), "PERSON", ORIGIN_USER))  # replaces the model's
    reject(article_id, "entity", *at("Emmanuel Macron"))
    add_user_quote(article_id, Quote(*at("Kyiv was calm"), "indirect", origin=ORIGIN_USER))
    set_rule("Kyiv", "GPE", article_id, everywhere=False)

    analysis = _model()
    analysed_at = save_analysis(article_id, analysis)  # the re-analysis keeps them
    corrected = corrected_analysis(article_id, TEXT, analysis, analysed_at)

    assert _comparable(corrected) == _comparable(load_analysis(article_id))
    labels = {(e.start, e.end): (e.label, e.origin) for e in corrected.entities}
    assert at("Emmanuel Macron") not in labels and at("Olaf Scholz") not in labels
    assert labels[at("Olaf")] == ("PERSON", ORIGIN_USER)
    assert labels[at("Kyiv")] == ("GPE", ORIGIN_USER)  # the rule, not the model's PERSON
    assert [q.origin for q in corrected.quotes] == ["model", ORIGIN_USER]


def test_analysed_among_reads_which_articles_were_analysed(library):
    first = add_article(Article(TEXT))[0]
    second = add_article(Article(TEXT + " More."))[0]
    save_analysis(second, _model())
    assert analysed_among([first, second]) == {second}
    assert analysed_among([]) == set()
