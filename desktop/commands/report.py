"""``byline report``: who gets quoted in the library (or in a filter of
it), as a self-contained HTML page and/or CSV files."""
from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import UsageError, add_library_options, write_atomically

NAME = "report"
HELP = "write the source-diversity report (who gets quoted) as HTML and/or CSV"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--html", metavar="OUT.html", type=Path, help="write the report as one HTML file")
    parser.add_argument("--csv", metavar="DIR", type=Path, help="write one CSV file per table into DIR")
    parser.add_argument("--search", default="", metavar="QUERY", help="only articles matching a full-text query")
    parser.add_argument("--source", default="", help="only articles from this source")
    parser.add_argument("--from", dest="date_from", default="", metavar="DATE",
                        help="only articles dated on or after DATE (2019, 2019-08 or 2019-08-04)")
    parser.add_argument("--to", dest="date_to", default="", metavar="DATE",
                        help="only articles dated up to DATE (inclusive)")
    add_library_options(parser)


def run(args: argparse.Namespace) -> int:
    from desktop.core.corpus import Scope
    from desktop.formats.report_html import report_html, write_report_csv
    from desktop.services.report import build_report
    from desktop.services.view import ensure_actor_summaries
    from desktop.store.analyses import analysed_ids
    from desktop.store.database import close_library, default_path, open_library

    if args.html is None and args.csv is None:
        raise UsageError("say where the report goes: --html OUT.html and/or --csv DIR.")
    path = args.db or default_path()
    if "://" not in str(path) and not Path(path).exists():
        raise UsageError(f"there is no library at {path} (byline import creates one).")
    open_library(path)
    try:
        ensure_actor_summaries(analysed_ids())  # a library from before the summaries existed
        report = build_report(Scope(args.search, args.source, args.date_from, args.date_to))
    finally:
        close_library()
    if args.html is not None:
        write_atomically(args.html, report_html(report))
        print(f"Wrote {args.html} ({report.articles} articles, {report.quotes} quotes).")
    if args.csv is not None:
        files = write_report_csv(report, args.csv)
        print(f"Wrote {len(files)} CSV files into {args.csv}.")
    return 0
