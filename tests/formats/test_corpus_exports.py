"""Exports of the whole shared corpus: each JSON document validates against
the shipped schema (item 6), and export → import → export gives the same
documents again (item 10)."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from desktop.formats.json_export import bundle_dict
from desktop.services.bundles import load_bundle
from desktop.services.importing import import_paths
from desktop.store.articles import list_articles
from desktop.store.database import close_library, open_library

# The session fixture analyses 295 articles first: about a minute of CPU,
# several minutes of wall time on a busy machine.
pytestmark = pytest.mark.timeout(1800)

SCHEMA = Path(__file__).resolve().parents[2] / "resources" / "byline-article.schema.json"


def documents(path: Path) -> list[dict]:
    open_library(path)
    try:
        return [bundle_dict(load_bundle(i)) for i in sorted(a.id for a in list_articles())]
    finally:
        close_library()


def test_every_corpus_export_validates_against_the_schema(corpus_library):
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    docs = documents(corpus_library)
    assert len(docs) == 295
    errors = [
        f"{d['article']['title']}: {e.json_path}: {e.message}"
        for d in docs for e in validator.iter_errors(d)
    ]
    assert errors == []
    assert sum(len(d["quotes"]) for d in docs) > 500  # the corpus is analysed, not empty


def test_export_import_export_of_the_corpus_is_identical(corpus_library, tmp_path):
    first = documents(corpus_library)
    folder = tmp_path / "export"
    folder.mkdir()
    for n, doc in enumerate(first):
        (folder / f"{n:04}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    second_path = tmp_path / "second.sqlite3"
    open_library(second_path)
    try:
        report = import_paths([folder])
        assert report.failures == [] and len(report.imported) == len(first)
    finally:
        close_library()
    second = documents(second_path)
    changed = [a["article"]["title"] for a, b in zip(first, second, strict=True) if a != b]
    assert changed == []
