"""``byline init-team postgresql://OWNER@HOST:PORT/DBNAME``: make a team
library on an existing PostgreSQL database (its schema, the
``byline_coder`` and ``byline_editor`` roles, the row rules), and add
coders.  Run as the database's owner; run again after upgrading Byline."""
from __future__ import annotations

import argparse

from desktop.commands.common import UsageError

NAME = "init-team"
HELP = "make a team library on a PostgreSQL database, with its coder and editor roles"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="postgresql://OWNER@HOST:PORT/DBNAME")
    parser.add_argument("--coder", action="append", default=[], metavar="NAME",
                        help="add a coder (a login role); repeat for more")
    parser.add_argument("--editor", action="append", default=[], metavar="NAME",
                        help="add a coder who may also change the codebook and rules")


def run(args: argparse.Namespace) -> int:
    from desktop.store.database import close_library, open_library
    from desktop.store.engines import describe, is_url
    from desktop.store.team import init_team

    if not is_url(args.url):
        raise UsageError("init-team needs a postgresql://USER@HOST:PORT/DBNAME URL.")
    database = open_library(args.url)
    try:
        init_team(database, args.coder, args.editor)
    finally:
        close_library()
    people = args.coder + args.editor
    added = f"; coders added: {', '.join(people)} (set their passwords with psql's \\password)" if people else ""
    print(f"Team library ready at {describe(args.url)}{added}.", flush=True)
    return 0
