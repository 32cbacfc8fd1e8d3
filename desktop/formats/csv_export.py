"""Tables for analysis in pandas, R or a spreadsheet: ``articles.csv``,
``entities.csv``, ``quotes.csv``, ``actors.csv`` and ``annotations.csv``,
one row per item, each row carrying its article's id, title and date.

The files are UTF-8 *with* a byte-order mark, so Excel and LibreOffice
detect the encoding on a double click; pandas and readr skip the mark
(base R: ``read.csv(f, fileEncoding = "UTF-8-BOM")``).  Quoting is the
``csv`` module's: fields holding commas, quotes or newlines are quoted, so
all three survive.  Lists (aliases, tags) are joined with ``"; "``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from desktop.core.model import ArticleBundle
from desktop.formats import csv_cells
from desktop.formats.html_export import speaker_of
from desktop.formats.json_export import actor_id, speaker_actor_id

DESCRIPTION = "CSV tables of articles, entities, quotes, actors, annotations"
EXTENSION = ""
ENCODING = "utf-8-sig"
LIST_SEPARATOR = "; "

COLUMNS = {
    "articles.csv": [
        "article_id",
        "title",
        "date",
        "source",
        "url",
        "author",
        "sha256",
        "characters",
        "entities",
        "quotes",
        "actors",
        "annotations",
        "model",
        "model_version",
    ],
    "entities.csv": [
        "article_id",
        "title",
        "date",
        "entity_id",
        "start",
        "end",
        "text",
        "label",
        "origin",
    ],
    "quotes.csv": [
        "article_id",
        "title",
        "date",
        "quote_id",
        "start",
        "end",
        "text",
        "type",
        "speaker",
        "speaker_resolved",
        "actor_id",
        "speaker_mention",
        "mention_start",
        "mention_end",
        "cue",
        "origin",
    ],
    "actors.csv": [
        "article_id",
        "title",
        "date",
        "actor_id",
        "name",
        "type",
        "aliases",
        "named_mentions",
        "mentions",
        "quote_count",
    ],
    "annotations.csv": [
        "article_id",
        "title",
        "date",
        "annotation_id",
        "start",
        "end",
        "text",
        "tags",
        "note",
        "author",
        "created",
        "modified",
    ],
}


def render(bundles: Iterable[ArticleBundle]) -> tuple[dict[str, bytes], list[str]]:
    rows: dict[str, list[list[object]]] = {name: [] for name in COLUMNS}
    has_codebook = False
    for bundle in bundles:
        _add(bundle, rows)
        has_codebook |= any(t.parent or t.description for t in bundle.tags)
    files = {name: _table(COLUMNS[name], rows[name]) for name in COLUMNS}
    warnings = []
    if has_codebook:
        warnings.append(
            "CSV holds each highlight's tag names, not the codebook's colours, "
            "hierarchy and descriptions (use json or qdpx for those)."
        )
    return files, warnings


def _table(header: list[str], rows: list[list[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv_cells.writer(buffer)  # QUOTE_MINIMAL, "\r\n" rows as RFC 4180 says
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(ENCODING)


def _add(bundle: ArticleBundle, rows: dict[str, list[list[object]]]) -> None:
    article, analysis = bundle.article, bundle.analysis
    text = article.text
    key = [article.id, article.title, article.date]
    rows["articles.csv"].append(
        [
            *key,
            article.source,
            article.url,
            article.author,
            article.sha256,
            len(text),
            len(analysis.entities),
            len(analysis.quotes),
            len(bundle.actors),
            len(bundle.annotations),
            analysis.model_name,
            analysis.model_version,
        ]
    )
    for i, e in enumerate(analysis.entities):
        rows["entities.csv"].append(
            [
                *key,
                e.id if e.id is not None else i + 1,
                e.start,
                e.end,
                text[e.start : e.end],
                e.label,
                e.origin,
            ]
        )
    for i, q in enumerate(analysis.quotes):
        m = q.speaker_mention
        rows["quotes.csv"].append(
            [
                *key,
                q.id if q.id is not None else i + 1,
                q.start,
                q.end,
                text[q.start : q.end],
                q.type,
                speaker_of(bundle, i),
                q.resolved,
                speaker_actor_id(bundle, i),
                text[m.start : m.end] if m else None,
                m.start if m else None,
                m.end if m else None,
                text[q.cue.start : q.cue.end] if q.cue else None,
                q.origin,
            ]
        )
    for i, a in enumerate(bundle.actors):
        rows["actors.csv"].append(
            [
                *key,
                actor_id(bundle, i),
                a.name,
                a.type,
                LIST_SEPARATOR.join(a.aliases),
                sum(1 for m in a.mentions if m.kind == "name"),
                len(a.mentions),
                a.quote_count,
            ]
        )
    for i, a in enumerate(bundle.annotations):
        rows["annotations.csv"].append(
            [
                *key,
                a.id if a.id is not None else i + 1,
                a.start,
                a.end,
                text[a.start : a.end],
                LIST_SEPARATOR.join(a.tags),
                a.note,
                a.author,
                a.created,
                a.modified,
            ]
        )
