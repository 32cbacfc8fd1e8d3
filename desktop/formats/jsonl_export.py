"""JSON Lines for annotation tools: one record per article,
``{"text", "meta", "spans": [{"start", "end", "label"}], "label": [[start,
end, label]]}``: ``spans`` is the shape Prodigy's ``spans``/``ner`` recipes
read, ``label`` the one doccano's sequence-labelling import reads (each
ignores the other's field).

Spans are the entities (label = entity label) and the highlights (one span
per tag, label = the tag's name), sorted by offset.  Quotes, notes and
actors have no place in this shape: the export says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from desktop.core.model import ArticleBundle

DESCRIPTION = "JSON Lines for Prodigy or doccano: text and spans"
EXTENSION = ".jsonl"


def record(bundle: ArticleBundle) -> dict:
    article = bundle.article
    spans = [{"start": e.start, "end": e.end, "label": e.label} for e in bundle.analysis.entities]
    spans += [
        {"start": a.start, "end": a.end, "label": tag}
        for a in bundle.annotations
        for tag in (a.tags or ["highlight"])
    ]
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    meta = {
        "id": article.id,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "sha256": article.sha256,
    }
    doccano = [[s["start"], s["end"], s["label"]] for s in spans]
    return {"text": article.text, "meta": meta, "spans": spans, "label": doccano}


def render(bundles: Iterable[ArticleBundle]) -> tuple[bytes, list[str]]:
    lines, quotes, notes, actors = [], 0, 0, 0
    for bundle in bundles:
        lines.append(json.dumps(record(bundle), ensure_ascii=False))
        quotes += len(bundle.analysis.quotes)
        notes += sum(1 for a in bundle.annotations if a.note.strip())
        actors += len(bundle.actors)
    lost = [
        f"{what} ({n})"
        for what, n in (("quotes", quotes), ("notes", notes), ("actors", actors))
        if n
    ]
    warnings = (
        [
            "JSONL spans hold entities and tagged highlights only: "
            f"{', '.join(lost)} are not exported."
        ]
        if lost
        else []
    )
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b"", warnings
