"""``byline restore FILE [--db DB]``: put a backup back as the library.

The backup must be a sound Byline library.  The current library is first
backed up itself, then replaced in one transaction: if anything fails, it
is unchanged.  Close Byline's windows on the library first: they would go
on showing what they had loaded.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import UsageError, add_db_option

NAME = "restore"
HELP = "replace the library with a backup (the current one is backed up first)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, metavar="FILE", help="the backup to restore")
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    from desktop.store.backup import restore_library
    from desktop.store.database import default_path

    library = args.db or default_path()
    if isinstance(library, str):
        raise UsageError(
            "byline restore works on library files; a team library is on its server: "
            "copy it to a file with `byline copy URL FILE`, or use pg_dump."
        )
    kept = restore_library(args.backup, library)
    print(f"Restored {library} from {args.backup}.", flush=True)
    if kept is not None:
        print(f"The library as it was is kept in {kept}.", flush=True)
    return 0
