"""The ``byline`` command: the GUI by default, headless subcommands beside it."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.commands import COMMANDS, load
from desktop.commands.common import add_library_options
from desktop.core.errors import BylineError, first_cause


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="byline",
        description="Read and annotate news articles. Without a subcommand, opens the window. "
        f"Subcommands: {', '.join(COMMANDS)} (byline SUBCOMMAND --help).",
    )
    parser.add_argument("files", nargs="*", type=Path, help="files to import and open")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="save the window as a PNG once the analysis is shown, then exit")
    parser.add_argument("--version", action="version", version=f"Byline {__version__}")
    add_library_options(parser)
    return parser


def command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module = load(name)
    parser = argparse.ArgumentParser(prog=f"byline {name}", description=module.HELP)
    module.add_arguments(parser)
    return parser, module


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            parser, module = command_parser(argv[0])
            return module.run(parser.parse_args(argv[1:]))  # type: ignore[attr-defined]
        args = gui_parser().parse_args(argv)
        from desktop.ui.app import run_gui

        return run_gui(args)
    except BylineError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except (OSError, MemoryError) as exc:
        # A full disk, a failing device, a file too big for memory: one
        # sentence, not a traceback.
        print(f"byline: {_system_error(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:
        if not _is_database_error(exc):
            raise
        print(f"byline: the library could not be read or written ({first_cause(exc)}).", file=sys.stderr)
        return 1


def _system_error(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "there is not enough memory to finish; nothing more was written."
    assert isinstance(exc, OSError)
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}; nothing more was written."


def _is_database_error(exc: BaseException) -> bool:
    import sqlite3

    import peewee

    return isinstance(exc, (sqlite3.Error, peewee.DatabaseError))

