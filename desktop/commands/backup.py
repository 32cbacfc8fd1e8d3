"""``byline backup [--db DB] [-o FILE]``: a consistent copy of the library,
made while it may be in use, into its ``backups/`` folder (keeping the
newest five) or to FILE."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import UsageError, add_db_option

NAME = "backup"
HELP = "copy the library into its backups folder (keeping the newest 5), or to a file"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write the copy here (a file, or an existing folder) instead",
    )
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    from desktop.store.backup import backup_library
    from desktop.store.database import default_path

    library = args.db or default_path()
    if isinstance(library, str):
        raise UsageError(
            "byline backup works on library files; a team library is on its server: "
            "copy it to a file with `byline copy URL FILE`, or use pg_dump."
        )
    copy = backup_library(library, args.output)
    print(f"Backed up {library} to {copy}.", flush=True)
    return 0
