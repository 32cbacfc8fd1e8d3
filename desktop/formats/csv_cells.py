"""Every CSV Byline writes goes through here, so that no cell becomes a
live formula in a spreadsheet (CSV injection).

As OWASP recommends, a text cell starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return (or a line feed, which some spreadsheets also
skip) is prefixed with a single quote: the text stays readable and the
spreadsheet shows it as text.  Numbers are left as they are.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value: Any) -> Any:
    """``value`` safe to put in a CSV cell; None becomes an empty cell."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, out: Any, **options: Any) -> None:
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: Any, **options: Any) -> SafeWriter:
    """A CSV writer over ``out`` (a text stream) that writes no formulas."""
    return SafeWriter(out, **options)
