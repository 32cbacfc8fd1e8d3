"""``byline backup [--db DB] [-o FILE]``: a consistent copy of the library,
made while it may be in use, into its ``backups/`` folder (keeping the
newest five) or to FILE."""

from __future__ import annotations

import argparse
from pathlib import Path

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
    parser.add_argument(
        "--db", type=Path, help="library file (default: BYLINE_DB or the user data folder)"
    )


def run(args: argparse.Namespace) -> int:
    from desktop.store.backup import backup_library
    from desktop.store.database import default_path

    library = args.db or default_path()
    copy = backup_library(library, args.output)
    print(f"Backed up {library} to {copy}.", flush=True)
    return 0
