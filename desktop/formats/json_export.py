"""Byline's own JSON export, ``byline-article`` version 1, and its reader.

The shape is documented in ``docs/export-format.md`` and
``resources/byline-article.schema.json``; every span's offsets cut its
``text`` out of ``article.text``.  ``bundle_from_dict`` reads a document
back into the same ``ArticleBundle`` (the round trip the tests hold).
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.colours import hex_colour
from desktop.core.errors import InputError
from desktop.core.model import (
    Actor,
    Analysis,
    Annotation,
    Article,
    ArticleBundle,
    Entity,
    Mention,
    Quote,
    Span,
    Tag,
)
from desktop.core.saved_pipelines import training_facts

FORMAT = "byline-article"
VERSION = 1
DESCRIPTION = "Byline's own JSON: everything, re-importable"
EXTENSION = ".json"


# The kinds of words naming a speaker the schema knows.  A mention read
# back from the library has lost its kind (it is stored as offsets only),
# so ``kind`` is written only when it is one of these.
MENTION_KINDS = ("name", "pronoun", "description")


def _span(text: str, span: Span | None, kind: bool = False) -> dict[str, Any] | None:
    if span is None:
        return None
    out: dict[str, Any] = {
        "start": span.start,
        "end": span.end,
        "text": text[span.start : span.end],
    }
    if kind and span.label in MENTION_KINDS:
        out["kind"] = span.label
    return out


def quote_dict(text: str, quote: Quote, index: int, actor_id: int | None = None) -> dict[str, Any]:
    return {
        "id": quote.id if quote.id is not None else index + 1,
        "start": quote.start,
        "end": quote.end,
        "text": text[quote.start : quote.end],
        "type": quote.type,
        "cue": _span(text, quote.cue),
        "speaker": {
            "name": quote.speaker_name,
            "resolved": quote.resolved,
            "actor_id": actor_id,
            "mention": _span(text, quote.speaker_mention, kind=True),
        },
        "origin": quote.origin,
    }


def actor_id(bundle: ArticleBundle, index: int) -> int:
    """The id an actor has in exports: its stored id, else its position + 1."""
    actor = bundle.actors[index]
    return actor.id if actor.id is not None else index + 1


def speaker_actor_id(bundle: ArticleBundle, quote_index: int) -> int | None:
    if quote_index >= len(bundle.quote_actor):
        return None
    index = bundle.quote_actor[quote_index]
    if index is None or not 0 <= index < len(bundle.actors):
        return None
    return actor_id(bundle, index)


def model_dict(name: str, version: str) -> dict[str, Any]:
    """The pipeline that found the spans; for one Byline trained from the
    user's corrections, also its training facts and figures."""
    out: dict[str, Any] = {"name": name or None, "version": version or None}
    facts = training_facts(name) if name else None
    if facts is not None:
        out["training"] = facts
    return out


def bundle_dict(bundle: ArticleBundle) -> dict[str, Any]:
    """The whole export document of one article."""
    article, analysis = bundle.article, bundle.analysis
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
            "author": article.author,
            "text": text,
            "sha256": article.sha256,
        },
        "model": model_dict(analysis.model_name, analysis.model_version),
        "entities": [_entity_dict(text, e, bundle, i) for i, e in enumerate(analysis.entities)],
        "quotes": [
            quote_dict(text, q, i, speaker_actor_id(bundle, i))
            for i, q in enumerate(analysis.quotes)
        ],
        "actors": [
            {
                "id": actor_id(bundle, i),
                "name": a.name,
                "type": a.type,
                "aliases": list(a.aliases),
                "mentions": [
                    {"start": m.start, "end": m.end, "text": text[m.start : m.end], "kind": m.kind}
                    for m in a.mentions
                ],
                "quote_count": a.quote_count,
            }
            for i, a in enumerate(bundle.actors)
        ],
        "annotations": [
            {
                "id": a.id if a.id is not None else i + 1,
                "start": a.start,
                "end": a.end,
                "text": text[a.start : a.end],
                "tags": list(a.tags),
                "note": a.note,
                "author": a.author,
                "created": a.created,
                "modified": a.modified,
            }
            for i, a in enumerate(bundle.annotations)
        ],
        "tags": [
            {
                "id": t.id,
                "name": t.name,
                "color": t.color,
                "parent": t.parent,
                "shortcut": t.shortcut,
                "description": t.description,
                "position": t.position,
            }
            for t in bundle.tags
        ],
    }


def _entity_dict(text: str, e: Entity, bundle: ArticleBundle, index: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.id,
        "start": e.start,
        "end": e.end,
        "label": e.label,
        "text": text[e.start : e.end],
        "origin": e.origin,
    }
    labels = bundle.stored_labels
    if len(labels) == len(bundle.analysis.entities) and labels[index] != e.label:
        out["stored_label"] = labels[index]  # the label before its actor's type changed it
    return out


def article_dict(article: Article, analysis: Analysis | None) -> dict[str, Any]:
    """The export of an article with its analysis only (``byline analyze``)."""
    return bundle_dict(ArticleBundle(article=article, analysis=analysis or Analysis()))


def dumps(article: Article, analysis: Analysis | None) -> str:
    return json.dumps(article_dict(article, analysis), ensure_ascii=False, indent=2) + "\n"


def dumps_bundle(bundle: ArticleBundle) -> str:
    return json.dumps(bundle_dict(bundle), ensure_ascii=False, indent=2) + "\n"


def render(bundle: ArticleBundle) -> tuple[bytes, list[str]]:
    """The export of one article; JSON holds everything, so no warnings."""
    return dumps_bundle(bundle).encode("utf-8"), []


# -- reading ---------------------------------------------------------------


class _Reader:
    """Typed access to a JSON document with messages that name the field."""

    def __init__(self, text: str) -> None:
        self.text = text

    def get(
        self,
        obj: dict,
        key: str,
        kind: type | tuple[type, ...],
        where: str,
        optional: bool = False,
        default: Any = None,
    ) -> Any:
        if key not in obj or obj[key] is None:
            if optional:
                return default
            raise InputError(f"{where}.{key} is missing.")
        value = obj[key]
        # bool is an int in Python; an offset of `true` is still wrong.
        if isinstance(value, bool) and bool not in _as_tuple(kind):
            raise InputError(f"{where}.{key} should be {_names(kind)}, not a boolean.")
        if not isinstance(value, kind):
            raise InputError(f"{where}.{key} should be {_names(kind)}, not {type(value).__name__}.")
        return value

    def offsets(self, obj: Any, where: str) -> tuple[int, int]:
        if not isinstance(obj, dict):
            raise InputError(f"{where} should be an object with start and end.")
        start = self.get(obj, "start", int, where)
        end = self.get(obj, "end", int, where)
        if not 0 <= start <= end <= len(self.text):
            raise InputError(
                f"{where} has offsets {start}–{end} outside the article's text "
                f"(0–{len(self.text)})."
            )
        if "text" in obj and obj["text"] != self.text[start:end]:
            raise InputError(f"{where}.text does not match the article's text at {start}–{end}.")
        return start, end

    def items(self, data: dict, key: str) -> list[dict]:
        value = data.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise InputError(f"{key} should be a list of objects.")
        return value


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _names(kind: type | tuple[type, ...]) -> str:
    words = {
        int: "a number",
        str: "a string",
        bool: "true or false",
        list: "a list",
        dict: "an object",
    }
    return " or ".join(words.get(k, k.__name__) for k in _as_tuple(kind))


def bundle_from_dict(data: Any) -> ArticleBundle:
    """Read a ``byline-article`` document back; raise InputError naming the
    first field that is missing, mistyped or whose offsets do not fit."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"this is not a Byline article export (its format is not '{FORMAT}').")
    if data.get("version") != VERSION:
        raise InputError(
            f"this Byline export has version {data.get('version')!r}; this Byline reads {VERSION}."
        )
    raw_article = data.get("article")
    if not isinstance(raw_article, dict):
        raise InputError("article is missing or not an object.")
    r = _Reader("")
    text = r.get(raw_article, "text", str, "article")
    r.text = text
    article = Article(
        text=text,
        title=r.get(raw_article, "title", str, "article", optional=True, default=""),
        date=r.get(raw_article, "date", str, "article", optional=True),
        source=r.get(raw_article, "source", str, "article", optional=True),
        url=r.get(raw_article, "url", str, "article", optional=True),
        author=r.get(raw_article, "author", str, "article", optional=True),
        sha256=r.get(raw_article, "sha256", str, "article", optional=True, default=""),
        id=r.get(raw_article, "id", int, "article", optional=True),
    )
    model = data.get("model") if isinstance(data.get("model"), dict) else {}
    raw_entities = r.items(data, "entities")
    analysis = Analysis(
        entities=[_entity(r, e, f"entities[{i}]") for i, e in enumerate(raw_entities)],
        model_name=r.get(model, "name", str, "model", optional=True, default=""),
        model_version=r.get(model, "version", str, "model", optional=True, default=""),
    )
    actors = [_actor(r, a, f"actors[{i}]") for i, a in enumerate(r.items(data, "actors"))]
    by_id = {a.id: i for i, a in enumerate(actors)}
    quote_actor: list[int | None] = []
    for i, q in enumerate(r.items(data, "quotes")):
        quote, speaker_id = _quote(r, q, f"quotes[{i}]")
        if speaker_id is not None and speaker_id not in by_id:
            raise InputError(f"quotes[{i}].speaker.actor_id {speaker_id} names no actor.")
        analysis.quotes.append(quote)
        quote_actor.append(by_id.get(speaker_id) if speaker_id is not None else None)
    annotations = [
        _annotation(r, a, f"annotations[{i}]") for i, a in enumerate(r.items(data, "annotations"))
    ]
    tags = [_tag(r, t, f"tags[{i}]", i) for i, t in enumerate(r.items(data, "tags"))]
    seen: set[str] = set()
    for i, t in enumerate(tags):
        if t.name.casefold() in seen:
            raise InputError(f"tags[{i}].name '{t.name}' names a tag twice.")
        seen.add(t.name.casefold())
    stored_labels = [
        r.get(raw, "stored_label", str, f"entities[{i}]", optional=True, default=e.label)
        for i, (raw, e) in enumerate(zip(raw_entities, analysis.entities, strict=True))
    ]
    if stored_labels == [e.label for e in analysis.entities]:
        stored_labels = []
    return ArticleBundle(article, analysis, actors, quote_actor, annotations, tags, stored_labels)


def _entity(r: _Reader, e: dict, where: str) -> Entity:
    start, end = r.offsets(e, where)
    return Entity(
        start,
        end,
        r.get(e, "label", str, where),
        r.get(e, "origin", str, where, optional=True, default="model"),
        r.get(e, "id", int, where, optional=True),
    )


def _quote(r: _Reader, q: dict, where: str) -> tuple[Quote, int | None]:
    start, end = r.offsets(q, where)
    qtype = r.get(q, "type", str, where)
    if qtype not in ("direct", "mixed", "indirect"):
        raise InputError(f"{where}.type is '{qtype}'; it should be direct, mixed or indirect.")
    cue = None
    if q.get("cue") is not None:
        cue = Span(*r.offsets(q["cue"], f"{where}.cue"), "cue")
    speaker = r.get(q, "speaker", dict, where, optional=True, default={})
    mention = None
    if speaker.get("mention") is not None:
        m = speaker["mention"]
        kind = r.get(m, "kind", str, f"{where}.speaker.mention", optional=True, default="speaker")
        mention = Span(*r.offsets(m, f"{where}.speaker.mention"), kind)
    quote = Quote(
        start,
        end,
        qtype,
        cue,
        mention,
        speaker_name=r.get(speaker, "name", str, f"{where}.speaker", optional=True),
        resolved=r.get(speaker, "resolved", bool, f"{where}.speaker", optional=True, default=False),
        origin=r.get(q, "origin", str, where, optional=True, default="model"),
        id=r.get(q, "id", int, where, optional=True),
    )
    return quote, r.get(speaker, "actor_id", int, f"{where}.speaker", optional=True)


def _actor(r: _Reader, a: dict, where: str) -> Actor:
    aliases = r.get(a, "aliases", list, where, optional=True, default=[])
    if not all(isinstance(x, str) for x in aliases):
        raise InputError(f"{where}.aliases should be a list of strings.")
    mentions = []
    for j, m in enumerate(r.get(a, "mentions", list, where, optional=True, default=[])):
        mwhere = f"{where}.mentions[{j}]"
        start, end = r.offsets(m, mwhere)
        mentions.append(
            Mention(start, end, r.get(m, "kind", str, mwhere, optional=True, default="name"))
        )
    return Actor(
        name=r.get(a, "name", str, where),
        type=r.get(a, "type", str, where),
        aliases=list(aliases),
        mentions=mentions,
        quote_count=r.get(a, "quote_count", int, where, optional=True, default=0),
        id=r.get(a, "id", int, where, optional=True),
    )


def _annotation(r: _Reader, a: dict, where: str) -> Annotation:
    start, end = r.offsets(a, where)
    if start == end:
        raise InputError(f"{where} is empty (its start and end are both {start}).")
    tags = r.get(a, "tags", list, where, optional=True, default=[])
    if not all(isinstance(t, str) and t.strip() for t in tags):
        raise InputError(f"{where}.tags should be a list of tag names.")
    return Annotation(
        start,
        end,
        list(tags),
        note=r.get(a, "note", str, where, optional=True, default=""),
        author=r.get(a, "author", str, where, optional=True, default=""),
        created=r.get(a, "created", str, where, optional=True, default=""),
        modified=r.get(a, "modified", str, where, optional=True, default=""),
        id=r.get(a, "id", int, where, optional=True),
    )


def _tag(r: _Reader, t: dict, where: str, index: int) -> Tag:
    name = r.get(t, "name", str, where).strip()
    if not name:
        raise InputError(f"{where}.name is empty; a tag needs a name.")
    raw_colour = r.get(t, "color", str, where, optional=True, default="#ffd54f")
    colour = hex_colour(raw_colour)
    if colour is None:
        raise InputError(f"{where}.color '{raw_colour[:40]}' is not a colour (use #rrggbb).")
    return Tag(
        name=name,
        color=colour,
        parent=r.get(t, "parent", str, where, optional=True),
        shortcut=r.get(t, "shortcut", str, where, optional=True),
        description=r.get(t, "description", str, where, optional=True, default=""),
        position=r.get(t, "position", int, where, optional=True, default=index),
        id=r.get(t, "id", int, where, optional=True),
    )


def loads(document: str | bytes) -> ArticleBundle:
    """Parse and read an export document."""
    try:
        data = json.loads(document)
    except ValueError as exc:
        raise InputError(f"this is not valid JSON ({exc}).") from exc
    return bundle_from_dict(data)
