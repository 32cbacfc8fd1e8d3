"""A systematic correction for training tests and the bench: surnames the
model tags as organisations, places or groups after the full name was
tagged as a person ("Donald Trump" PERSON, then "Trump" ORG) are people.

The library is built from the shared Wikinews corpus (tests/data/corpus,
CC BY 2.5) with the entity recogniser's own spans, the way an analysis
stores them."""
from __future__ import annotations

from pathlib import Path

from desktop.core.model import ORIGIN_USER, Analysis, Article, Entity
from desktop.core.training import Triple
from desktop.formats.csv_corpus import read_file
from desktop.nlp.pipeline import model_identity
from desktop.store.analyses import save_analysis
from desktop.store.articles import add_article
from desktop.store.corrections import add_user_entity, reject

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus" / "wikinews_2019.csv"
WRONG = ("ORG", "GPE", "NORP")


def corpus_articles() -> list[Article]:
    return read_file(CORPUS)


def entities(nlp, texts: list[str]) -> list[list[Triple]]:  # noqa: ANN001
    """The entity recogniser's spans of each text (the other components
    play no part in them)."""
    with nlp.select_pipes(enable=["ner"]):
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]


def surname_spans(text: str, ents: list[Triple]) -> list[tuple[int, int]]:
    """Spans tagged ORG, GPE or NORP whose text is the last word of a
    person's full name tagged PERSON in the same text."""
    surnames = {text[s:e].split()[-1] for s, e, label in ents if label == "PERSON" and len(text[s:e].split()) > 1}
    return [(s, e) for s, e, label in ents if label in WRONG and text[s:e] in surnames]


def build_library(nlp, articles: list[Article], found: list[list[Triple]]) -> list[tuple[int, str, list[Triple]]]:  # noqa: ANN001
    """Store the articles with the model's entities ``found`` in them as their analysis."""
    name, version = model_identity(nlp)
    out = []
    for article, ents in zip(articles, found, strict=True):
        article_id, _ = add_article(article)
        save_analysis(article_id, Analysis([Entity(s, e, label) for s, e, label in ents], [], name, version))
        out.append((article_id, article.text, ents))
    return out


def correct_surnames(article_id: int, text: str, ents: list[Triple]) -> int:
    """Relabel the article's wrongly tagged surnames as the reader's editor
    does (the model's span rejected, the user's PERSON added); their number."""
    spans = surname_spans(text, ents)
    for start, end in spans:
        reject(article_id, "entity", start, end)
        add_user_entity(article_id, Entity(start, end, "PERSON", ORIGIN_USER))
    return len(spans)


def surname_rate(text_ents: list[tuple[str, list[Triple]]], predictions: list[list[Triple]]) -> tuple[int, int]:
    """Of the wrongly tagged surnames (found in the base model's spans
    ``text_ents``), how many ``predictions`` tag PERSON: (right, all)."""
    right = total = 0
    for (text, base), pred in zip(text_ents, predictions, strict=True):
        people = {(s, e) for s, e, label in pred if label == "PERSON"}
        for span in surname_spans(text, base):
            total += 1
            right += span in people
    return right, total


def agreement(text_ents: list[tuple[str, list[Triple]]], predictions: list[list[Triple]]) -> float:
    """Entity F1 of ``predictions`` against the base model's spans, leaving
    out the wrongly tagged surnames (those are meant to change)."""
    same = base_n = pred_n = 0
    for (text, base), pred in zip(text_ents, predictions, strict=True):
        skip = set(surname_spans(text, base))
        b = {t for t in base if (t[0], t[1]) not in skip}
        p = {t for t in pred if (t[0], t[1]) not in skip}
        same += len(b & p)
        base_n += len(b)
        pred_n += len(p)
    return 2 * same / (base_n + pred_n) if base_n + pred_n else 1.0
