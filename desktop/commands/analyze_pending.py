"""``byline analyze-pending [--db DB]``: analyse the library's articles
that have no analysis yet.  On a team library several of these (on one
machine or several) share the work: each article is analysed once."""
from __future__ import annotations

import argparse

from desktop.commands.common import UsageError, add_library_options

NAME = "analyze-pending"
HELP = "analyse the articles not analysed yet (on a team library, shared between workers)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--batch", type=int, default=8, metavar="N",
                        help="articles claimed and saved at a time (default 8)")
    add_library_options(parser)


def run(args: argparse.Namespace) -> int:
    from desktop.commands.import_cmd import interruptible
    from desktop.core.errors import PipelineError
    from desktop.services.claims import analyse_pending, spacy_analyser
    from desktop.store.database import close_library, open_library

    if args.batch < 1:
        raise UsageError("--batch must be 1 or more.")
    open_library(args.db)
    try:
        try:
            analyser = spacy_analyser(args.model)
        except PipelineError as exc:
            raise UsageError(str(exc)) from exc
        with interruptible() as interrupted:
            done = analyse_pending(analyser, args.batch, cancelled=interrupted)
    finally:
        close_library()
    print(f"Analysed {len(done)} article{'s' if len(done) != 1 else ''}.", flush=True)
    return 0
