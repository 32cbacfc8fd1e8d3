"""Byline's own JSON export, ``byline-article`` version 1.

The shape is documented in ``docs/export-format.md`` and
``resources/byline-article.schema.json``; every span's offsets cut its
``text`` out of ``article.text``.
"""
from __future__ import annotations

import json
from typing import Any

from desktop.core.model import Analysis, Article, Quote, Span

FORMAT = "byline-article"
VERSION = 1


def _span(text: str, span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start:span.end]}


def quote_dict(text: str, quote: Quote, index: int) -> dict[str, Any]:
    return {
        "id": quote.id if quote.id is not None else index + 1,
        "start": quote.start,
        "end": quote.end,
        "text": text[quote.start:quote.end],
        "type": quote.type,
        "cue": _span(text, quote.cue),
        "speaker": {
            "name": quote.speaker_name,
            "resolved": quote.resolved,
            "actor_id": None,
            "mention": _span(text, quote.speaker_mention),
        },
        "origin": quote.origin,
    }


def article_dict(article: Article, analysis: Analysis | None) -> dict[str, Any]:
    analysis = analysis or Analysis()
    text = article.text
    return {
        "format": FORMAT,
        "version": VERSION,
        "article": {
            "id": article.id,
            "title": article.title,
            "date": article.date,
            "source": article.source,
            "url": article.url,
            "text": text,
            "sha256": article.sha256,
        },
        "model": {"name": analysis.model_name or None, "version": analysis.model_version or None},
        "entities": [
            {
                "start": e.start,
                "end": e.end,
                "label": e.label,
                "text": text[e.start:e.end],
                "origin": e.origin,
            }
            for e in analysis.entities
        ],
        "quotes": [quote_dict(text, q, i) for i, q in enumerate(analysis.quotes)],
        "actors": [],
        "annotations": [],
        "tags": [],
    }


def dumps(article: Article, analysis: Analysis | None) -> str:
    return json.dumps(article_dict(article, analysis), ensure_ascii=False, indent=2) + "\n"
