"""``byline check [--db DB]``: is the library sound?

Prints each check (integrity, references, spans, checksums) and what it
found, in plain words.  Exit status 0 when all is well, 1 otherwise.  The
library is only read, never changed.
"""

from __future__ import annotations

import argparse

from desktop.commands.common import add_db_option

NAME = "check"
HELP = "check the library: integrity, references, spans and checksums (exit 1 on a problem)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)


def run(args: argparse.Namespace) -> int:
    from desktop.store.check import check_library
    from desktop.store.database import default_path

    report = check_library(args.db or default_path())
    print(report.text(), flush=True)
    return 0 if report.ok else 1
