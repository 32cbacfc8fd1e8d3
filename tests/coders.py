"""Two coders' highlights on the sample article, with one disagreement of
each kind; shared by the store, command and UI tests of agreement."""
from __future__ import annotations

from pathlib import Path

from desktop.core.model import Annotation
from desktop.formats.registry import read_path
from desktop.store.annotations import add_annotation
from desktop.store.articles import add_article, get_article

AGREED = "Putin said that there would be “no winners\""
ONLY_ANN = "as many as 50,000 civilians dead or injured"
ONLY_BOB = "remarks widely viewed as crude"
OTHER_TAG = "Moscow also views the expansion of NATO into Eastern Europe as an existential threat"
SHORT = "the largest military land offensive in Europe since World War II"
LONG = "potentially positioning for what could become the largest military land offensive in Europe since World War II"

# (coder, phrase, tag)
CODINGS = [
    ("ann", AGREED, "Claim"), ("bob", AGREED, "Claim"),
    ("ann", ONLY_ANN, "Evidence"),
    ("bob", ONLY_BOB, "Opinion"),
    ("ann", OTHER_TAG, "Claim"), ("bob", OTHER_TAG, "Framing"),
    ("ann", SHORT, "Claim"), ("bob", LONG, "Claim"),
]


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def seed_two_coders(sample: Path) -> int:
    """Import the sample into the open library and add ann's and bob's
    highlights; return the article's id."""
    article_id, _ = add_article(read_path(sample)[0])
    text = get_article(article_id).text
    for coder, phrase, tag in CODINGS:
        add_annotation(article_id, Annotation(*span(text, phrase), [tag], note=f"{coder}'s note", author=coder))
    return article_id
