"""W3C Web Annotation Data Model, JSON-LD: one ``AnnotationCollection``
per article whose page holds an ``Annotation`` per highlight (tags as
``tagging`` bodies, the note as a ``commenting`` body), per entity
(``classifying``) and per quote (``describing``: type and speaker).

Each target names the article (its URL, else ``urn:sha256:<text hash>``)
and carries a ``TextQuoteSelector`` (``exact`` with 32 characters of
``prefix`` and ``suffix``) and a ``TextPositionSelector`` (code-point
offsets, end exclusive, as the model defines them).  The JSON escapes
``<``, ``>`` and ``&`` so the file stays inert even pasted into a page.
"""

from __future__ import annotations

import json
import uuid

from desktop.core.model import ArticleBundle
from desktop.formats.html_export import speaker_of

DESCRIPTION = "W3C Web Annotation JSON-LD of the highlights"
EXTENSION = ".jsonld"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_LENGTH = 32
_NAMESPACE = uuid.UUID("6f1b4e4a-3c55-4d1e-9a51-0b7c9a1e2f10")


def source_of(bundle: ArticleBundle) -> str:
    article = bundle.article
    return article.url or f"urn:sha256:{article.sha256}"


def target(bundle: ArticleBundle, start: int, end: int) -> dict:
    text = bundle.article.text
    return {
        "source": source_of(bundle),
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": text[start:end],
                "prefix": text[max(0, start - CONTEXT_LENGTH) : start],
                "suffix": text[end : end + CONTEXT_LENGTH],
            },
            {"type": "TextPositionSelector", "start": start, "end": end},
        ],
    }


def _id(bundle: ArticleBundle, kind: str, key: object) -> str:
    return uuid.uuid5(_NAMESPACE, f"{bundle.article.sha256}/{kind}/{key}").urn


def annotations(bundle: ArticleBundle) -> list[dict]:
    items = []
    for i, h in enumerate(bundle.annotations):
        bodies = [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in h.tags]
        if h.note.strip():
            bodies.append(
                {
                    "type": "TextualBody",
                    "purpose": "commenting",
                    "value": h.note,
                    "format": "text/plain",
                }
            )
        item = {
            "id": _id(bundle, "highlight", h.id if h.id is not None else i),
            "type": "Annotation",
            "motivation": "commenting"
            if h.note.strip()
            else ("tagging" if h.tags else "highlighting"),
            "body": bodies,
            "target": target(bundle, h.start, h.end),
        }
        if not bodies:
            del item["body"]
        if h.author:
            item["creator"] = {"type": "Person", "name": h.author}
        if h.created:
            item["created"] = h.created
        if h.modified:
            item["modified"] = h.modified
        items.append(item)
    for e in bundle.analysis.entities:
        items.append(
            {
                "id": _id(bundle, "entity", (e.start, e.end, e.label)),
                "type": "Annotation",
                "motivation": "classifying",
                "body": {"type": "TextualBody", "purpose": "classifying", "value": e.label},
                "target": target(bundle, e.start, e.end),
                "generator" if e.origin == "model" else "creator": (
                    {"type": "Software", "name": bundle.analysis.model_name or "spaCy"}
                    if e.origin == "model"
                    else {"type": "Person", "name": "user"}
                ),
            }
        )
    for i, q in enumerate(bundle.analysis.quotes):
        who = speaker_of(bundle, i)
        items.append(
            {
                "id": _id(bundle, "quote", (q.start, q.end)),
                "type": "Annotation",
                "motivation": "describing",
                "body": {
                    "type": "TextualBody",
                    "purpose": "describing",
                    "format": "text/plain",
                    "value": f"{q.type} quote" + (f"; speaker: {who}" if who else ""),
                },
                "target": target(bundle, q.start, q.end),
            }
        )
    return items


def collection(bundle: ArticleBundle) -> dict:
    items = annotations(bundle)
    page = {"type": "AnnotationPage", "startIndex": 0, "items": items}
    return {
        "@context": CONTEXT,
        "id": _id(bundle, "collection", ""),
        "type": "AnnotationCollection",
        "label": bundle.article.title,
        "total": len(items),
        "first": page,
    }


def dumps(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # JSON allows these escapes; they keep markup in the text inert anywhere.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def render(bundle: ArticleBundle) -> tuple[bytes, list[str]]:
    warnings = []
    if bundle.actors:
        warnings.append(
            "the Web Annotation export has no actors "
            "(quote speakers are named in the quote bodies)."
        )
    return dumps(collection(bundle)).encode("utf-8"), warnings
