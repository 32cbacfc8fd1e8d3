"""``byline copy SRC DEST``: a whole library from a file to a team library
(PostgreSQL) or back, with every article, analysis, highlight, tag, note,
correction and rule, ids kept."""
from __future__ import annotations

import argparse

from desktop.store.engines import library_location

# What the summary calls each table's rows.
ROWS = {"article": "articles", "analysis": "analyses", "entity": "entities", "quote": "quotes",
        "tag": "tags", "annotation": "highlights", "annotation_tag": "highlight tags",
        "rejection": "removed model spans", "entity_rule": "entity rules", "actor_rule": "actor rules",
        "article_actor": "article actors", "actor_cache": "cached actor lists"}
NAME = "copy"
HELP = "copy a whole library: a file to a team library (postgresql://...) or back"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=library_location, metavar="SRC", help="library file or postgresql:// URL")
    parser.add_argument("destination", type=library_location, metavar="DEST",
                        help="an empty (or new) library file or team library")


def run(args: argparse.Namespace) -> int:
    from desktop.store.copy_library import copy_library

    counts = copy_library(args.source, args.destination)
    parts = ", ".join(f"{ROWS.get(table, table)}: {n}" for table, n in counts.items() if n)
    print(f"Copied {parts or 'an empty library'}.", flush=True)
    return 0
