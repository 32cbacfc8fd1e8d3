"""One small CSV writer for every table Byline writes.

UTF-8 with a byte-order mark (spreadsheets detect it, pandas and readr skip
it); the csv module's quoting.  A text cell that begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is written with a leading ``'``
so that a spreadsheet shows it as text instead of running it as a formula
(CSV injection); numbers are written as they are.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

ENCODING = "utf-8-sig"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """``value`` made harmless for a spreadsheet (see the module doc)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    Path(path).write_text(csv_text(header, rows), encoding=ENCODING)
