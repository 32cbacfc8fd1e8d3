"""One small CSV table writer for the library views and the report.

UTF-8 with a byte-order mark (spreadsheets detect it, pandas and readr skip
it); the csv module's quoting; every cell through ``csv_cells`` so that no
text becomes a live formula in a spreadsheet (CSV injection).
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from desktop.formats import csv_cells

ENCODING = "utf-8-sig"
safe_cell = csv_cells.neutralise


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv_cells.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    Path(path).write_text(csv_text(header, rows), encoding=ENCODING)
