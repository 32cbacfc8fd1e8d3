"""``byline import PATH…``: files and folders into the library, then the new
articles analysed, with progress on stderr and a summary on stdout.

Exit status: 0 when every file was imported or skipped as duplicate, 1 when
some files failed (each named with its reason), 2 for bad usage, 130 when
interrupted (what was imported before stays).
"""
from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.common import UsageError, add_library_options

if TYPE_CHECKING:
    from desktop.services.importing import ImportReport

NAME = "import"
HELP = "import files and folders into the library and analyse the new articles"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="files, or folders to import recursively")
    parser.add_argument("--columns", metavar="FIELD=COLUMN,…",
                        help="corpus columns by hand, e.g. text=body,date=published; "
                        "date= for no date column (fields: text, title, date, url, source, author)")
    parser.add_argument("--no-analyze", action="store_true", help="import only; analyse later")
    parser.add_argument("--processes", type=int, default=1, metavar="N",
                        help="spaCy processes for the analysis (default 1; more pays off "
                        "for hundreds of articles)")
    add_library_options(parser)


def run(args: argparse.Namespace) -> int:
    from desktop.services.importing import import_paths
    from desktop.store.analyses import unanalysed_ids
    from desktop.store.database import close_library, open_library

    columns = parse_columns(args.columns)
    if args.processes < 1:
        raise UsageError("--processes must be 1 or more.")
    open_library(args.db)
    try:
        with interruptible() as interrupted:
            with bar("Importing", "file") as update:
                report = import_paths(
                    args.paths, columns,
                    progress=lambda done, total, path: update(done, total),
                    cancelled=interrupted,
                )
            print_summary(report)
            if report.stopped is not None:
                print(f"byline: the import stopped: {report.stopped}", file=sys.stderr)
                return 1
            # Also the articles an earlier, interrupted run left unanalysed.
            todo = list(dict.fromkeys(report.imported + unanalysed_ids())) if not args.no_analyze else []
            if todo and not interrupted():
                analysed = analyse(args, todo, interrupted)
                print(f"{'Analysed:':<24}{_count(len(analysed), 'article')}")
            if interrupted():
                print("Interrupted: the articles imported before stay in the library.",
                      file=sys.stderr)
                return 130
    finally:
        close_library()
    return 1 if report.failures else 0


def parse_columns(spec: str | None) -> dict[str, str] | None:
    """``"text=body,date=published"`` as ``{"text": "body", "date": "published"}``;
    ``"date="`` takes the date from no column."""
    from desktop.formats.csv_corpus import FIELDS

    if spec is None:
        return None
    columns: dict[str, str] = {}
    for item in spec.split(","):
        field, equals, column = (part.strip() for part in item.partition("="))
        if not equals or not field:
            raise UsageError(
                f"--columns takes FIELD=COLUMN pairs separated by commas, not '{item.strip()}'."
            )
        field = field.lower()
        if field not in FIELDS:
            raise UsageError(
                f"--columns: '{field}' is not an article field (use {', '.join(FIELDS)})."
            )
        if field in columns:
            raise UsageError(f"--columns names the {field} column twice.")
        columns[field] = column
    return columns


def analyse(args: argparse.Namespace, ids: list[int], interrupted: Callable[[], bool]) -> list[int]:
    from desktop.core.errors import PipelineError
    from desktop.nlp.pipeline import load_pipeline
    from desktop.services.batch import analyse_in_batches
    from desktop.services.children import forked_children_die_with_parent
    from desktop.store.engines import is_postgres
    from desktop.store.models import db

    if is_postgres(db):
        # A team library: claim the pending articles, shared with any other
        # importer or analyze-pending worker (services/claims.py).
        from desktop.services.claims import analyse_pending, spacy_analyser

        try:
            analyser = spacy_analyser(args.model)
        except PipelineError as exc:
            raise UsageError(f"the articles were imported but not analysed. {exc}") from exc
        return analyse_pending(analyser, cancelled=interrupted)
    if args.processes > 1:
        forked_children_die_with_parent()  # spaCy's workers must not outlive a killed import
    try:
        with bar("Analysing", "article") as update:
            return analyse_in_batches(
                lambda: load_pipeline(args.model), ids, n_process=args.processes,
                progress=update, cancelled=interrupted,
            )
    except PipelineError as exc:
        raise UsageError(f"the articles were imported but not analysed. {exc}") from exc


def print_summary(report: ImportReport) -> None:
    files = len(report.files) - len(report.failures)
    print(f"{'Imported:':<24}{_count(len(report.imported), 'article')} "
          f"(from {_count(files, 'file')})")
    print(f"{'Skipped as duplicates:':<24}{_count(report.duplicates, 'article')}")
    if report.merged:
        print(f"{'Other coders added:':<24}{_count(report.merged, 'highlight')}")
    if report.skipped_rows:
        print(f"{'Skipped without text:':<24}{_count(report.skipped_rows, 'row')}")
    for warning in report.warnings:
        print(f"{'Warning:':<24}{warning}")
    if report.failures:
        print(f"{'Failed:':<24}{_count(len(report.failures), 'file')}")
        for path, reason in report.failures:
            print(f"  - {path}: {reason}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@contextmanager
def bar(label: str, unit: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr (only on a terminal), fed ``update(done, total)``."""
    from tqdm import tqdm

    progress = None

    def update(done: int, total: int) -> None:
        nonlocal progress
        if progress is None:
            progress = tqdm(total=total, desc=label, unit=unit, file=sys.stderr,
                            disable=None, leave=False, dynamic_ncols=True)
        progress.update(done - progress.n)

    try:
        yield update
    finally:
        if progress is not None:
            progress.close()


@contextmanager
def interruptible() -> Iterator[Callable[[], bool]]:
    """The first Ctrl-C asks to stop after the current file or article; a
    second one stops at once."""
    state = {"stop": False}

    def handler(_signum: int, _frame: object) -> None:
        state["stop"] = True
        signal.signal(signal.SIGINT, previous)

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread: no handler, nothing to restore
        yield lambda: False
        return
    try:
        yield lambda: state["stop"]
    finally:
        signal.signal(signal.SIGINT, previous)
