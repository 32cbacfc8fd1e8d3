"""The ``byline`` command: the GUI by default, headless subcommands beside it."""
from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.core.errors import BylineError


class UsageError(BylineError):
    """The command line asks for something that cannot be done."""

SUBCOMMANDS = ("analyze", "evaluate")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="library file (default: BYLINE_DB or the user data folder)")
    parser.add_argument("--model", help="spaCy pipeline to use (default: BYLINE_MODEL or en_core_web_sm)")


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="byline",
        description="Read and annotate news articles. Without a subcommand, opens the window. "
        f"Subcommands: {', '.join(SUBCOMMANDS)} (byline SUBCOMMAND --help).",
    )
    parser.add_argument("files", nargs="*", type=Path, help="text files to import and open")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="save the window as a PNG once the analysis is shown, then exit")
    parser.add_argument("--version", action="version", version=f"Byline {__version__}")
    _common(parser)
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="byline")
    sub = parser.add_subparsers(dest="command", required=True)
    analyze = sub.add_parser("analyze", help="import, analyse and export articles as JSON")
    analyze.add_argument("files", nargs="+", type=Path)
    analyze.add_argument("--format", default="json", choices=["json"])
    analyze.add_argument("-o", "--output", type=Path,
                         help="a file (one input) or a folder (existing, or ending in /)")
    _common(analyze)
    evaluate = sub.add_parser("evaluate", help="score Byline against a gold standard")
    what = evaluate.add_subparsers(dest="what", required=True)
    quotes = what.add_parser("quotes", help="quotes and speakers against a gold JSONL file")
    quotes.add_argument("gold", type=Path)
    quotes.add_argument("texts", type=Path, help="folder of the gold file's article texts")
    quotes.add_argument("--json", action="store_true", help="print the figures as JSON")
    quotes.add_argument("--model")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = command_parser().parse_args(argv)
            if args.command == "analyze":
                return run_analyze(args.files, args.output, args.db, args.model)
            return run_evaluate_quotes(args.gold, args.texts, args.model, args.json)
        args = gui_parser().parse_args(argv)
        from desktop.ui.app import run_gui

        return run_gui(args)
    except BylineError as exc:
        print(f"byline: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def run_analyze(files: list[Path], output: Path | None, db_path: Path | None, model: str | None) -> int:
    """Import, analyse and export each file; nothing is written if a file is bad."""
    from desktop.formats.json_export import dumps
    from desktop.nlp.pipeline import load_pipeline
    from desktop.services.analysis import ensure_analysed
    from desktop.services.importing import import_files, read_all
    from desktop.store.articles import get_article
    from desktop.store.database import close_library, open_library

    targets = _output_targets(files, output)
    read_all(files)  # refuse bad input before the library is even opened
    with tempfile.TemporaryDirectory(prefix="byline-") as scratch:
        open_library(db_path or Path(scratch) / "library.sqlite3")
        try:
            imported = import_files(files)
            ids = [item.article_id for item in imported]
            analyses = ensure_analysed(lambda: load_pipeline(model), ids)
            for item, target in zip(imported, targets, strict=True):
                document = dumps(get_article(item.article_id), analyses[item.article_id])
                if target is None:
                    sys.stdout.write(document)
                else:
                    write_atomically(target, document)
        finally:
            close_library()
    return 0


def _output_targets(files: list[Path], output: Path | None) -> list[Path | None]:
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


def write_atomically(target: Path, content: str) -> None:
    """Write through a temporary file so a crash never leaves half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(target)


def run_evaluate_quotes(gold: Path, texts: Path, model: str | None, as_json: bool) -> int:
    """Score the quote extraction against a gold file, as score_quotes.py does."""
    import json

    from desktop.core.evaluate import format_report, score_quotes
    from desktop.formats.json_export import quote_dict
    from desktop.formats.text import read_file
    from desktop.nlp.pipeline import analyze_texts, load_pipeline

    try:
        records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        raise UsageError(f"{gold} is not a readable gold file in JSON Lines ({exc}).") from exc
    articles = []
    for record in records:
        path = texts / record.get("file", f"{record['id']}.txt")
        articles.append(read_file(path)[0])
    nlp = load_pipeline(model)
    predictions = {}
    for record, article, analysis in zip(records, articles, analyze_texts(nlp, [a.text for a in articles]), strict=True):
        predictions[record["id"]] = [quote_dict(article.text, q, i) for i, q in enumerate(analysis.quotes)]
    score = score_quotes(records, predictions)
    print(json.dumps(score.as_dict(), indent=1) if as_json else format_report(score))
    return 0
