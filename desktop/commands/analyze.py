"""``byline analyze FILE…``: import, analyse and print or write the JSON export."""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from desktop.commands.common import UsageError, add_library_options, write_atomically

NAME = "analyze"
HELP = "import, analyse and export articles as JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--format", default="json", choices=["json"])
    parser.add_argument("-o", "--output", type=Path, help="a file (one input) or a folder (existing, or ending in /)")
    add_library_options(parser)


def run(args: argparse.Namespace) -> int:
    """Import, analyse and export each file; nothing is written if a file is bad."""
    from desktop.formats.json_export import dumps_bundle
    from desktop.nlp.pipeline import load_pipeline
    from desktop.services.batch import ensure_analysed
    from desktop.services.bundles import load_bundle
    from desktop.services.importing import import_files, read_all
    from desktop.store.database import close_library, open_library

    files: list[Path] = args.files
    targets = output_targets(files, args.output)
    read_all(files)  # refuse bad input before the library is even opened
    with tempfile.TemporaryDirectory(prefix="byline-") as scratch:
        open_library(args.db or Path(scratch) / "library.sqlite3")
        try:
            imported = import_files(files)
            ids = [item.article_id for item in imported]
            ensure_analysed(lambda: load_pipeline(args.model), ids)
            for item, target in zip(imported, targets, strict=True):
                document = dumps_bundle(load_bundle(item.article_id))
                if target is None:
                    sys.stdout.write(document)
                else:
                    write_atomically(target, document)
        finally:
            close_library()
    return 0


def output_targets(files: list[Path], output: Path | None) -> list[Path | None]:
    if output is None:
        if len(files) > 1:
            raise UsageError("with several files, -o must name a folder for the JSON files.")
        return [None]
    as_folder = output.is_dir() or str(output).endswith(("/", "\\")) or len(files) > 1
    if not as_folder:
        return [output]
    stems = [f.stem for f in files]
    if len(set(stems)) != len(stems):
        raise UsageError("two input files have the same name; their JSON files would collide.")
    return [output / f"{stem}.json" for stem in stems]
