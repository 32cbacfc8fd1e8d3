"""``byline export [ID…|--all|--search QUERY] --format FORMAT -o PATH``:
write articles of the library in one of the export formats.

Warnings (what a format cannot hold) go to stderr.  Exit status: 0 when
written, 1 when the output cannot be written, 2 for bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.common import UsageError, add_library_options
from desktop.formats.exporters import FORMATS

if TYPE_CHECKING:
    from desktop.core.model import ArticleBundle

NAME = "export"
HELP = (
    "export articles as JSON, HTML, PDF, Markdown, CSV, spaCy, JSONL, brat, CoNLL, W3C or REFI-QDA"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "ids", nargs="*", type=int, metavar="ID", help="article ids (see byline list)"
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every article of the library")
    which.add_argument("--search", metavar="QUERY", help="the articles matching a full-text search")
    parser.add_argument(
        "--format",
        "-f",
        required=True,
        choices=list(FORMATS),
        help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()),
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=str,  # not Path, which drops the trailing slash of "dir/"
        help="a file; for several articles in a per-article format, a folder (or a .zip)",
    )
    parser.add_argument("--coder", metavar="NAME",
                        help="only this coder's highlights, e.g. --coder curation for the curated layer")
    add_library_options(parser)


def run(args: argparse.Namespace) -> int:
    from desktop.formats.exporters import LazyBundles, export
    from desktop.services.bundles import load_bundle
    from desktop.store.database import close_library, default_path, open_library

    if args.ids and (args.all or args.search is not None):
        raise UsageError("give article ids, or --all, or --search, not several of them.")
    if not (args.ids or args.all or args.search is not None):
        raise UsageError("say which articles to export: their ids, --all or --search QUERY.")
    path = args.db or default_path()
    if "://" not in str(path) and not Path(path).exists():
        raise UsageError(f"there is no library at {path}.")
    open_library(path)
    try:
        ids = selected_ids(args)
        loader = load_bundle if args.coder is None else coder_loader(args.coder)
        analyse_missing(ids, args.model)
        try:
            warnings = export(LazyBundles(ids, loader), args.format, args.output)
        except OSError as exc:
            print(f"byline: cannot write {args.output}: {exc.strerror or exc}.", file=sys.stderr)
            return 1
    finally:
        close_library()
    for warning in warnings:
        print(f"byline: warning: {warning}", file=sys.stderr)
    return 0


def coder_loader(coder: str) -> Callable[[int], ArticleBundle]:
    """A bundle loader keeping one coder's highlights; an unknown coder is a
    UsageError before anything is written."""
    from desktop.services.bundles import load_bundle
    from desktop.services.coders import only_coder
    from desktop.store.coders import list_coders

    known = [c.name for c in list_coders()]
    if coder not in known:
        raise UsageError(f"no highlights by '{coder}'; the coders are: {', '.join(map(repr, known)) or 'none yet'}.")
    return lambda article_id: only_coder(load_bundle(article_id), coder)


def selected_ids(args: argparse.Namespace) -> list[int]:
    from desktop.store.articles import list_articles

    known = [a.id for a in list_articles()]
    if args.all:
        ids = sorted(known)
    elif args.search is not None:
        from desktop.store.search import search_articles

        ids = [hit.id for hit in search_articles(args.search)]
        if not ids:
            raise UsageError(f"no article matches '{args.search}'.")
    else:
        missing = [i for i in args.ids if i not in set(known)]
        if missing:
            raise UsageError(f"there is no article {', '.join(map(str, missing))} in the library.")
        ids = list(dict.fromkeys(args.ids))
    if not ids:
        raise UsageError("the library is empty: there is nothing to export.")
    return ids


def analyse_missing(ids: list[int], model: str | None) -> None:
    """Articles never analysed are analysed first (and the result kept), so
    an export always carries entities and quotes."""
    from desktop.store.analyses import is_analysed

    todo = [i for i in ids if not is_analysed(i)]
    if todo:
        from desktop.nlp.pipeline import load_pipeline
        from desktop.services.batch import ensure_analysed

        print(f"byline: analysing {len(todo)} article(s) not analysed yet…", file=sys.stderr)
        ensure_analysed(lambda: load_pipeline(model), todo)
