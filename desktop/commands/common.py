"""What the subcommands share: options, errors, safe file writing."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.core.errors import BylineError


class UsageError(BylineError):
    """The command line asks for something that cannot be done."""


def add_library_options(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    add_model_option(parser)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    from desktop.store.engines import library_location

    parser.add_argument(
        "--db", type=library_location, metavar="DB",
        help="library file, or a team library's postgresql://USER@HOST:PORT/DBNAME "
        "(default: BYLINE_DB or the user data folder)",
    )


def add_model_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="spaCy pipeline (default: BYLINE_MODEL, else en_core_web_sm if installed)")


def write_atomically(target: Path, content: str | bytes) -> None:
    """Write through a temporary file and rename, so a crash never leaves
    half a file where a complete one was expected."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        if isinstance(content, bytes):
            tmp.write_bytes(content)
        else:
            tmp.write_text(content, encoding="utf-8")
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
