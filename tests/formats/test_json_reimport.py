"""A Byline JSON export re-imported gives back the same article, entities,
quotes, actors, highlights, notes and tags."""
from __future__ import annotations

import json

from desktop.core.model import Annotation, Entity, Quote
from desktop.formats.json_export import dumps_bundle
from desktop.nlp.pipeline import load_pipeline
from desktop.services.batch import ensure_analysed
from desktop.services.bundles import load_bundle
from desktop.services.importing import import_files, import_paths
from desktop.store import annotations, corrections
from desktop.store.database import close_library, open_library


def test_export_then_import_restores_everything(tmp_path, sample_path):
    open_library(tmp_path / "first.sqlite3")
    try:
        (item,) = import_files([sample_path])
        article_id = item.article_id
        ensure_analysed(load_pipeline, [article_id])
        text = load_bundle(article_id).article.text
        start = text.index("upped the ante")
        annotations.add_annotation(article_id, Annotation(start, start + 14, ["Claim", "Framing"], "a note", "ana"))
        kyiv = text.index("Kyiv")
        corrections.add_user_entity(article_id, Entity(kyiv, kyiv + 4, "GPE"))
        moscow = text.index("Moscow also views")
        corrections.add_user_quote(article_id, Quote(moscow, text.index(".", moscow), "indirect", None, None,
                                                     "Vladimir Putin", True))
        before = load_bundle(article_id)
        exported = tmp_path / "sample.json"
        exported.write_text(dumps_bundle(before), encoding="utf-8")
    finally:
        close_library()

    open_library(tmp_path / "second.sqlite3")
    try:
        report = import_paths([exported])
        (new_id,) = report.imported
        after = load_bundle(new_id)
    finally:
        close_library()

    assert after.article.text == before.article.text and after.article.date == before.article.date
    def ents(b):
        return [(e.start, e.end, e.label, e.origin) for e in b.analysis.entities]
    assert ents(after) == ents(before)
    def quotes(b):
        return [(q.start, q.end, q.type, q.speaker_name, q.origin) for q in b.analysis.quotes]
    assert quotes(after) == quotes(before)
    assert [(a.start, a.end, a.tags, a.note, a.author) for a in after.annotations] == [
        (a.start, a.end, a.tags, a.note, a.author) for a in before.annotations]
    assert {(t.name, t.color, t.parent) for t in after.tags} >= {(t.name, t.color, t.parent) for t in before.tags}
    assert [(a.name, a.type) for a in after.actors] == [(a.name, a.type) for a in before.actors]
    data = json.loads(exported.read_text())
    assert data["annotations"][0]["note"] == "a note"
