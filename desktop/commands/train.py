"""``byline train [--db FILE] [--model BASE] [-o NAME]``: teach the entity
recogniser the library's corrections and save the result as a new pipeline."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.common import UsageError, add_library_options

NAME = "train"
HELP = "improve the entity model from the library's corrections; saves a new pipeline"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_library_options(parser)
    parser.add_argument("-o", "--output", metavar="NAME",
                        help="the new pipeline's name (default: the base's name with _bylineN)")
    parser.add_argument("--epochs", type=int, default=3, help="passes over the training sentences (default 3)")


def run(args: argparse.Namespace) -> int:
    from desktop.core.training import Progress, advice
    from desktop.services.training import improve_model
    from desktop.store.database import close_library, default_path, open_library

    if args.epochs < 1:
        raise UsageError("--epochs must be at least 1.")
    last = [""]

    def report(p: Progress) -> None:
        line = p.describe()
        if p.stage != "training" or p.done in (0, p.total) or p.done % max(1, p.total // 10) == 0:
            if line != last[0]:
                print(line, file=sys.stderr, flush=True)
                last[0] = line

    path = args.db or default_path()
    if "://" not in str(path) and not Path(path).exists():
        raise UsageError(f"there is no library at {path} (byline import creates one).")
    open_library(path)
    try:
        result = improve_model(args.model, args.output, report, epochs=args.epochs)
    finally:
        close_library()
    if result is None:
        return 130
    e, facts = result.evaluation, result.facts
    print(f"Saved the pipeline '{result.name}' in {result.path}")
    print(f"  trained from {facts['base_model']} on {facts['corrections']} correction(s) "
          f"in {facts['corrected_sentences']} sentence(s), with {facts['rehearsal_sentences']} "
          f"uncorrected sentence(s) as rehearsal, in {facts['seconds']:.0f} s")
    print(f"  entity F1 on {e.held_out} held-back corrected sentence(s): "
          f"current {e.f1_before:.3f}, new {e.f1_after:.3f}")
    print(f"  agreement with the current model on {e.agreement_sentences} uncorrected sentence(s): "
          f"{e.agreement:.3f}")
    print(advice(e))
    if e.recommended:
        print(f"Use it with: byline --model {result.name}")
    return 0
