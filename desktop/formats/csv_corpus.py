"""CSV and TSV corpora: one article per row, columns found by name or mapped
by hand.

The record helpers here (``FIELDS``, ``guess_mapping``, ``article_from_record``,
``iso_date``) are shared with the JSON Lines importer: a row and a JSON
record are the same thing, a set of named fields.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.model import Article
from desktop.core.text import normalise, sha256, shorten, title_from_text
from desktop.formats.decoding import decode
from desktop.formats.text import read_bytes

EXTENSIONS = (".csv", ".tsv")

# Byline's article fields and the column names that hold them, best first.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full text", "fulltext", "article text"),
    "title": ("title", "headline", "heading"),
    "date": ("date", "published", "pubdate", "publication date", "published at", "date published"),
    "url": ("url", "link", "uri", "permalink"),
    "source": ("source", "outlet", "publication", "site", "site name", "medium", "newspaper"),
    "author": ("author", "byline", "authors", "writer"),
}
_SEPARATORS = (",", ";", "\t", "|")
_END = "\x01byline-end-of-file\x01"


def read_file(path: Path, columns: dict[str, str] | None = None) -> list[Article]:
    """One article per row with text; raise InputError when there is none."""
    return read_rows(path, columns)[0]


def read_rows(path: Path, columns: dict[str, str] | None = None) -> tuple[list[Article], int]:
    """The articles of the rows with text, and how many rows had no text."""
    header, rows = _table(path)
    mapping = resolve_mapping(header, columns, path.name)
    index = {field: header.index(name) for field, name in mapping.items()}
    articles, skipped = [], 0
    for row in rows:
        record = {field: row[i] if i < len(row) else "" for field, i in index.items()}
        article = article_from_record(record)
        if article is None:
            skipped += 1
        else:
            articles.append(article)
    if not articles:
        raise InputError(f"{path.name} has no row with article text in column '{mapping['text']}'.")
    return articles, skipped


def preview(path: Path, rows: int = 5) -> tuple[list[str], list[list[str]], dict[str, str]]:
    """The header, the first ``rows`` rows (padded to the header's width) and
    the guessed mapping of Byline's fields to columns; for a mapping dialog."""
    header, body = _table(path)
    first = [(row + [""] * len(header))[: len(header)] for row in body[:rows]]
    return header, first, guess_mapping(header)


def guess_mapping(header: list[str]) -> dict[str, str]:
    """Byline field -> column name, for the columns whose names say what they hold."""
    keys = {_key(name): name for name in reversed(header)}  # the first of equal names wins
    mapping: dict[str, str] = {}
    for field, names in FIELDS.items():
        for name in names:
            column = keys.get(_key(name))
            if column is not None and column not in mapping.values():
                mapping[field] = column
                break
    return mapping


def resolve_mapping(
    header: list[str], columns: Mapping[str, str] | None, name: str, kind: str = "column"
) -> dict[str, str]:
    """Explicit ``columns`` (field -> column name, any case; "" for no
    column) over the guessed ones; ``kind`` names a column in messages
    ("column", or "field" for JSON)."""
    mapping = guess_mapping(header)
    keys = {_key(column): column for column in reversed(header)}
    for field, wanted in (columns or {}).items():
        if field not in FIELDS:
            raise InputError(f"'{field}' is not an article field (use {', '.join(FIELDS)}).")
        if not wanted:
            mapping.pop(field, None)
            continue
        column = keys.get(_key(wanted))
        if column is None:
            raise InputError(
                f"{name} has no {kind} '{wanted}' for the {field} "
                f"({kind}s found: {_listed(header)})."
            )
        mapping = {f: c for f, c in mapping.items() if c != column}
        mapping[field] = column
    if "text" not in mapping:
        raise InputError(
            f"{name} has no text {kind} (looked for {', '.join(FIELDS['text'][:4])}; "
            f"{kind}s found: {_listed(header)})."
        )
    return mapping


def article_from_record(record: Mapping[str, object]) -> Article | None:
    """An article from named fields (values of any type), or None without text."""
    raw = record.get("text")
    text = normalise(raw) if isinstance(raw, str) else ""
    if not text.strip():
        return None
    meta = {field: _scalar(record.get(field)) for field in FIELDS if field != "text"}
    return Article(
        text=text,
        title=meta["title"] or title_from_text(text),
        date=iso_date(meta["date"]) if meta["date"] else None,
        source=meta["source"],
        url=meta["url"],
        author=meta["author"],
        sha256=sha256(text),
    )


_MONTHS = {
    name: number
    for number, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june",
         "jul july", "aug august", "sep sept september", "oct october", "nov november",
         "dec december"),
        start=1,
    )
    for name in names.split()
}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
_WORDS = re.compile(r"[A-Za-z]+|\d+")


def iso_date(value: str) -> str | None:
    """``value`` as YYYY-MM-DD when it is a recognisable date, else None:
    the article's date field always holds a real date or nothing.

    Numeric dates with the day first (31.12.2019, 31/12/2019) are read the
    European way; US month-first dates are read so only when the first number
    cannot be a day's month (12/31/2019).
    """
    value = value.strip()
    for pattern, order in ((_ISO, "ymd"), (_COMPACT, "ymd"), (_DAY_FIRST, "dmy")):
        match = pattern.match(value)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            if order == "dmy" and parts["m"] > 12 >= parts["d"]:
                parts["d"], parts["m"] = parts["m"], parts["d"]
            return _valid(parts["y"], parts["m"], parts["d"])
    return _spelled(value)


def _spelled(value: str) -> str | None:
    """'January 4, 2019', 'Friday, 4 Jan 2019', '4 January 2019 10:00'."""
    words = _WORDS.findall(value)
    month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
    numbers = [int(w) for w in words if w.isdigit()]
    years = [n for n in numbers if 1000 <= n <= 2999]
    days = [n for n in numbers if 1 <= n <= 31]
    if month is None or not years or not days:
        return None
    return _valid(years[0], month, days[0])


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def decode_data(data: bytes, name: str) -> str:
    """Text of a data file (CSV, JSON): UTF-8 as it is, however little of it
    reads like prose (numbers, ids, punctuation); else by detection."""
    if data.strip() and b"\x00" not in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    return decode(data, name)


def _table(path: Path) -> tuple[list[str], list[list[str]]]:
    text = decode_data(read_bytes(path), path.name).replace("\ufeff", "")
    lines = text.lstrip("\r\n").splitlines()
    if not lines:
        raise InputError(f"{path.name} is empty.")
    separator = _separator(lines[0], path.suffix.lower())
    # Articles are long: the csv module's default limit (128 KiB a field)
    # refuses the longest reports of a news corpus.
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 28))
    # A row after the last one tells whether the file ends inside a quoted
    # field (a file cut off): the csv module would return half a text.
    stream = io.StringIO(text.lstrip("\r\n") + "\n" + _END + "\n", newline="")
    try:
        rows = [r for r in csv.reader(stream, delimiter=separator) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise InputError(f"{path.name} is not a readable CSV file ({exc}).") from exc
    if rows.pop() != [_END]:
        raise InputError(f"{path.name} ends inside a quoted field: the file looks cut off.")
    if not rows:
        raise InputError(f"{path.name} has no header row.")
    header = [" ".join(cell.split()) for cell in rows[0]]
    return header, rows[1:]


def _separator(first_line: str, suffix: str) -> str:
    """The separator the header line uses most; tab for .tsv when in doubt."""
    counts = {sep: first_line.count(sep) for sep in _SEPARATORS}
    best = max(counts, key=lambda sep: counts[sep])
    if counts[best] == 0:
        return "\t" if suffix == ".tsv" else ","
    if suffix == ".tsv" and counts["\t"]:
        return "\t"
    return best


def _key(name: str) -> str:
    return re.sub(r"[\s_\-.]+", "", name).casefold()


def _scalar(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    if isinstance(value, (datetime, date)):
        value = value.isoformat()
    text = " ".join(normalise(str(value)).split())
    return text or None


def _listed(header: list[str]) -> str:
    # A file without a header row shows its first row here: keep it short.
    shown = [f"'{shorten(name, 30)}'" for name in header[:12] if name] or ["none"]
    return ", ".join(shown) + (", …" if len(header) > 12 else "")
