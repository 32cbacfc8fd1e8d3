"""``byline list``: the library as a table, or as JSON; ``--search`` keeps
the articles matching a full-text query, best first, with a snippet."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from desktop.commands.common import UsageError, add_library_options

NAME = "list"
HELP = "list the articles of the library, or search them"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search", metavar="QUERY",
                        help='words that must all occur (accents optional); "a phrase"; '
                        "word* for prefixes")
    parser.add_argument("--json", action="store_true", help="print a JSON list of objects")
    parser.add_argument("--limit", type=int, default=500, metavar="N",
                        help="at most N search results (default 500)")
    add_library_options(parser)


def run(args: argparse.Namespace) -> int:
    from desktop.store.database import close_library, default_path, open_library

    path = args.db or default_path()
    if "://" not in str(path) and not Path(path).exists():
        raise UsageError(f"there is no library at {path} (byline import creates one).")
    open_library(path)
    try:
        rows = library_rows(args.search, args.limit)
    finally:
        close_library()
    if args.json:
        output = json.dumps(rows, ensure_ascii=False, indent=1)
    elif not rows:
        output = "No article matches." if args.search else "The library is empty."
    else:
        output = format_table(rows)
    try:
        print(output, flush=True)
    except BrokenPipeError:  # `byline list | head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def library_rows(search: str | None, limit: int = 500) -> list[dict[str, Any]]:
    """One dict per article: id, title, date, source, url, the counts, and
    the snippet when searching."""
    from desktop.store.articles import list_articles
    from desktop.store.search import article_counts, search_articles

    items: list[Any] = search_articles(search, limit) if search is not None else list_articles()
    counts = article_counts(item.id for item in items)
    rows = []
    for item in items:
        entities, quotes = counts[item.id]
        row = {"id": item.id, "title": item.title, "date": item.date, "source": item.source,
               "url": item.url, "entities": entities, "quotes": quotes}
        if search is not None:
            row["snippet"] = item.snippet
        rows.append(row)
    return rows


def format_table(rows: list[dict[str, Any]]) -> str:
    """Columns id, date, entities, quotes, source, title, cut to the terminal's
    width; a search's snippet on the line under each title."""
    width = shutil.get_terminal_size((120, 24)).columns
    id_w = max(2, *(len(str(r["id"])) for r in rows))
    source_w = min(20, max(6, *(len(r["source"] or "") for r in rows)))
    head = f"{'id':>{id_w}}  {'date':<10}  {'ents':>4}  {'qts':>3}  {'source':<{source_w}}  "
    title_w = max(20, width - len(head))
    lines = [head + "title"]
    for r in rows:
        lines.append(
            f"{r['id']:>{id_w}}  {_cut(r['date'] or '', 10):<10}  "
            f"{r['entities']:>4}  {r['quotes']:>3}  "
            f"{_cut(r['source'] or '', source_w):<{source_w}}  {_cut(r['title'], title_w)}"
        )
        if r.get("snippet"):
            lines.append(" " * len(head) + _around_match(" ".join(r["snippet"].split()), title_w))
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _around_match(snippet: str, width: int) -> str:
    """``snippet`` cut to ``width`` with its first match in view."""
    from desktop.store.search import ELLIPSIS, MATCH_START

    if len(snippet) <= width:
        return snippet
    start = max(0, min(snippet.find(MATCH_START) - width // 3, len(snippet) - width + 1))
    if start == 0:
        return _cut(snippet, width)
    rest = snippet[start:]
    space = rest.find(" ", 0, 15)  # start at a word
    return _cut(ELLIPSIS + rest[space + 1 :].lstrip(ELLIPSIS), width)
