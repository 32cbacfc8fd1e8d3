"""JSON Lines corpora and Byline's own JSON export.

A record holds the article's ``text`` and optional metadata, either at the
top level (``title``, ``date``, ``url``, ``source``, ``author``, under any
of the names the CSV importer knows) or in a ``meta`` object, as doccano
and Prodigy write it.  A Byline export (``"format": "byline-article"``) is
read as its article, and ``read_bundles`` gives everything else it holds
(entities, quotes, highlights, notes, tags) for the importer to restore.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop.core.errors import InputError
from desktop.core.model import Article, ArticleBundle
from desktop.core.text import without_surrogates
from desktop.formats.csv_corpus import FIELDS, article_from_record, decode_data, resolve_mapping
from desktop.formats.text import read_bytes

EXTENSIONS = (".jsonl", ".ndjson", ".json")
BYLINE_FORMAT = "byline-article"
BYLINE_VERSION = 1


def read_file(path: Path, columns: dict[str, str] | None = None) -> list[Article]:
    return read_rows(path, columns)[0]


def read_rows(path: Path, columns: dict[str, str] | None = None) -> tuple[list[Article], int]:
    """The articles of the records with text, and how many records had none."""
    records = _records(decode_data(read_bytes(path), path.name), path.name)
    if not records:
        raise InputError(f"{path.name} holds no JSON records.")
    articles: list[Article] = []
    skipped = 0
    plain: list[tuple[int, dict[str, Any]]] = []
    for number, record in records:
        if not isinstance(record, dict):
            raise InputError(f"{path.name}: record {number} is not a JSON object.")
        if record.get("format") == BYLINE_FORMAT:
            where = f"{path.name}: record {number}"
            _check_export(record, where)  # a damaged export is refused whole, spans included
            articles.append(article_from_export(record, where))
        else:
            plain.append((number, _flattened(record)))
    if plain:
        found = sorted({key for _, record in plain for key in record})
        mapping = resolve_mapping(found, columns, path.name, kind="field")
        for _, record in plain:
            article = article_from_record({f: record.get(key) for f, key in mapping.items()})
            if article is None:
                skipped += 1
            else:
                articles.append(article)
    if not articles:
        raise InputError(f"{path.name} has no record with article text.")
    return articles, skipped


def read_bundles(path: Path) -> list[ArticleBundle]:
    """The full contents of the Byline exports a file holds (none for plain
    JSON Lines corpora)."""
    from desktop.formats.json_export import bundle_from_dict

    records = _records(decode_data(read_bytes(path), path.name), path.name)
    return [
        bundle_from_dict(record)
        for _, record in records
        if isinstance(record, dict) and record.get("format") == BYLINE_FORMAT
    ]


def _check_export(record: dict[str, Any], where: str) -> None:
    from desktop.formats.json_export import bundle_from_dict

    try:
        bundle_from_dict(record)
    except InputError as exc:
        raise InputError(f"{where} is a damaged Byline export: {exc}") from exc


def article_from_export(document: Mapping[str, Any], name: str = "the export") -> Article:
    """The article of a Byline JSON export (its annotations are not read)."""
    version = document.get("version")
    if not isinstance(version, int) or version > BYLINE_VERSION:
        raise InputError(
            f"{name} is a Byline export of version {version}, which this Byline cannot read; "
            "update Byline to import it."
        )
    article = document.get("article")
    if not isinstance(article, dict):
        raise InputError(f"{name} is a Byline export without its article.")
    result = article_from_record({field: article.get(field) for field in FIELDS})
    if result is None:
        raise InputError(f"{name} is a Byline export whose article has no text.")
    return result


def _records(text: str, name: str) -> list[tuple[int, Any]]:
    """(line number, value) for each JSON line; a whole-file JSON document
    (one object, or a list of them) is read too, so a pretty-printed export
    saved as .json or .jsonl imports."""
    stripped = text.strip()
    if stripped.startswith(("{", "[")):
        try:
            whole = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError, ValueError):
            # ValueError: integers past Python's digit limit; RecursionError:
            # absurdly deep nesting.  Neither is an article.
            whole = None
        if isinstance(whole, list):
            return list(enumerate(_clean(whole), start=1))
        if isinstance(whole, dict):
            return [(1, _clean(whole))]
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, _clean(json.loads(line))))
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}: line {number} is not valid JSON ({exc.msg}).") from exc
        except RecursionError as exc:
            raise InputError(f"{name}: line {number} is nested too deeply to be a record.") from exc
        except ValueError as exc:
            raise InputError(f"{name}: line {number} holds a value JSON readers cannot take ({exc}).") from exc
    return records


def _clean(value: Any) -> Any:
    """The JSON value with lone surrogates replaced in every string (keys too)."""
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {without_surrogates(k): _clean(v) for k, v in value.items()}
    return value


def _flattened(record: dict[str, Any]) -> dict[str, Any]:
    """Top-level fields over those of a ``meta`` object (doccano, Prodigy)."""
    meta = record.get("meta")
    merged = dict(meta) if isinstance(meta, dict) else {}
    merged.update((key, value) for key, value in record.items() if key != "meta")
    return merged

