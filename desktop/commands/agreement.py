"""``byline agreement [ID…] [--coders a,b,…] [--tag T…] [--json]``: how far
the coders agree, per tag and per article (worst articles first).

Exit status: 0 when printed, 2 for bad usage (fewer than two coders with
highlights, an unknown coder or tag, no library).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from desktop.commands.common import UsageError, add_library_options
from desktop.core.agreement import Figure
from desktop.core.agreement_report import AgreementReport, TagFigures

NAME = "agreement"
HELP = "intercoder agreement: Krippendorff's alpha, Cohen's kappa, % agreement and span F1"

EPILOG = """\
Units. The token-level figures count word and punctuation tokens: for each
tag, a coder's value on a token is whether one of the coder's highlights with
that tag overlaps it; the overall alpha takes each token's set of tags as one
value. A coder takes part in an article where they made at least one
highlight; articles with fewer than two of the chosen coders are left out.
alpha is Krippendorff's alpha (nominal) over all chosen coders; kappa is
Cohen's kappa of one pair of coders on the tokens both coded; agree is the
share of agreeing coder pairs on those tokens. F1 compares two coders' spans:
exact when a span has the same boundaries, overlap when it overlaps one of
the other coder's. Each figure gives its units (tokens or spans) and coders;
n/a is an undefined figure (nothing to compare, or no variation at all).
The coder 'curation' (the curated layer) is left out unless named."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these articles (see byline list)")
    parser.add_argument("--coders", metavar="A,B,…", help="the coders to compare (default: every coder)")
    parser.add_argument("--tag", action="extend", nargs="+", metavar="T",
                        help="only these tags (default: every tag the coders used)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    add_library_options(parser)


def run(args: argparse.Namespace) -> int:
    from desktop.services.agreement import AgreementError, library_agreement
    from desktop.store.database import close_library, default_path, open_library

    path = args.db or default_path()
    if "://" not in str(path) and not Path(path).exists():
        raise UsageError(f"there is no library at {path}.")
    coders = args.coders.split(",") if args.coders is not None else None
    open_library(path)
    try:
        report = library_agreement(coders, args.tag, args.ids or None)
    except AgreementError as exc:
        raise UsageError(str(exc)) from None
    finally:
        close_library()
    output = json.dumps(report.as_dict(), ensure_ascii=False, indent=1) if args.json else format_report(report)
    try:
        print(output, flush=True)
    except BrokenPipeError:  # `byline agreement | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _name(coder: str) -> str:
    return coder or "(no name)"


def _num(figure: Figure, percent: bool = False) -> str:
    if figure.value is None:
        return "n/a"
    return f"{figure.value:.1%}" if percent else f"{figure.value:.3f}"


def _tag_lines(figures: TagFigures, name_w: int) -> list[str]:
    lines = [
        f"{figures.tag[:name_w]:<{name_w}}  {_num(figures.alpha):>6}  {_num(figures.percent, True):>6}  "
        f"{figures.alpha.units:>7}  {figures.alpha.coders:>6}"
    ]
    for pair, kappa in figures.kappa.items():
        exact, overlap = figures.f1_exact[pair], figures.f1_overlap[pair]
        lines.append(
            f"  {_name(pair[0])} – {_name(pair[1])}: kappa {_num(kappa)} ({kappa.units} tokens), "
            f"F1 exact {_num(exact)}, overlap {_num(overlap)} ({exact.units} spans)"
        )
    return lines


def format_report(report: AgreementReport) -> str:
    overall = report.overall
    lines = [
        f"Agreement of {', '.join(map(_name, report.coders))} on {len(report.articles)} article(s); "
        f"units are word tokens (byline agreement --help).",
        "",
    ]
    if not report.articles:
        return lines[0] + "\nNo article has highlights by two of these coders: there is nothing to compare."
    name_w = max(12, *(len(t.tag) for t in report.tags)) if report.tags else 12
    lines.append(f"{'tag':<{name_w}}  {'alpha':>6}  {'agree':>6}  {'tokens':>7}  {'coders':>6}")
    for figures in [*report.tags, overall]:
        lines.extend(_tag_lines(figures, name_w))
    if report.articles:
        lines += ["", "Articles, worst first:", f"{'id':>5}  {'alpha':>6}  {'agree':>6}  {'tokens':>7}  coders  title"]
        for a in report.articles:
            f = a.figures
            lines.append(f"{a.article_id:>5}  {_num(f.alpha):>6}  {_num(f.percent, True):>6}  "
                         f"{f.alpha.units:>7}  {len(a.coders):>6}  {a.title}")
    return "\n".join(lines)
