"""The library's actors as a CSV table."""
from __future__ import annotations

import io
from collections.abc import Iterable

from desktop.formats import csv_cells

HEADER = ("actor", "type", "articles", "mentions", "quotes")


def render_library_actors(rows: Iterable[tuple[str, str, int, int, int]]) -> str:
    """Rows of (actor, type, articles, mentions, quotes) as CSV text."""
    out = io.StringIO()
    writer = csv_cells.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()
