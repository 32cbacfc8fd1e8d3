"""``make bench``: every figure of issue 8, a table on stdout and
``bench/results.json``.

    python -m bench.run [--quick] [--reuse-analysis] [--only NAME ...]

``--quick`` analyses a sixth of the corpus (for trying the suite out);
``--only long library100k`` runs some figures;
``--reuse-analysis`` skips figure 1 and builds the libraries from the
analysed corpus a previous run left in bench/.work.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import time

from bench.common import BENCH, WORK, Figure, guard_none_leak, user_folders

PARTS = ("analysis", "open", "edit", "scroll", "library", "corpus", "startup", "memory", "long", "library100k",
         "training", "quit")


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    mem = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(mem / 1024 / 1024, 1),
            "python": platform.python_version()}


def table(figures: list[Figure]) -> str:
    lines = ["| figure | value | target | holds |", "| --- | --- | --- | --- |"]
    for f in figures:
        value = _fmt(f.value, f.unit)
        target = "" if f.target is None else ("≥ " if f.at_least else "≤ ") + _fmt(f.target, f.unit)
        holds = "" if f.holds is None else ("yes" if f.holds else "**no**")
        lines.append(f"| {f.name} | {value} | {target} | {holds} |")
    return "\n".join(lines)


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:,.0f} ms" if value < 10 else f"{value:,.1f} s"
    if unit == "×":
        return f"{value:.2f}"
    if unit == "words/s":
        return f"{value:,.0f} words/s"
    if unit == "ms/article":
        return f"{value:,.1f} ms/article"
    return f"{value:,.0f} {unit}"


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--reuse-analysis", action="store_true")
    parser.add_argument("--only", nargs="*", choices=PARTS, default=list(PARTS))
    args = parser.parse_args()
    if not args.reuse_analysis and WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(exist_ok=True)
    user_folders()
    if guard_none_leak():
        print("PySide6 6.12.0 on Python 3.11: None made immortal (see bench/README.md)")
    started = time.time()
    figures: list[Figure] = []
    analysed = WORK / "analysed.sqlite3"

    def step(label: str) -> None:
        print(f"[{time.time() - started:6.0f} s] {label}", flush=True)
        save(figures, args.quick)  # what is measured so far survives a failure later

    # Figure 1 first: spaCy's worker processes must not be forked from a Qt process.
    if "analysis" in args.only and not args.reuse_analysis:
        from bench import fig_analysis

        step("analysis throughput")
        figures += fig_analysis.run(analysed, quick=args.quick)
    if not analysed.exists() and set(args.only) - {"analysis", "long", "training"}:
        raise SystemExit("no analysed corpus in bench/.work: run without --reuse-analysis first")
    if "long" in args.only:  # fresh processes, before any Qt in this one
        from bench import fig_long

        step("long document")
        figures += fig_long.run()

    # Figure 8 (issue 23) needs no analysed corpus, and no Qt: it trains in a spawned process.
    if "training" in args.only:
        from bench import fig_training

        step("training from corrections")
        figures += fig_training.run()
    if not set(args.only) - {"analysis", "long", "training"}:
        step("done")
        print()
        print(table(figures))
        return

    from bench import fig_process, fig_reader, fixtures
    from desktop.store.database import close_library

    close_library()
    step("building the reader library and the 10,000-article library")
    sources = fixtures.read_sources(analysed)
    reader_lib = fixtures.build_reader_library(WORK / "reader.sqlite3", sources)
    big_lib = fixtures.build_big_library(WORK / "library10k.sqlite3", sources)
    if "library100k" in args.only:
        from bench import fig_library

        step("the 100,000-article library (built once, then reused)")
        lib100k, reused = fig_library.library_100k(sources)
    step("built")
    if {"open", "edit", "scroll", "library", "library100k"} & set(args.only):
        session = fig_reader.Session(reader_lib.path)
        for part, fn in (("open", fig_reader.opening), ("edit", fig_reader.annotating),
                         ("scroll", fig_reader.scrolling)):
            if part in args.only:
                step(part)
                figures += fn(session, reader_lib)
        if "library" in args.only:
            step("library")
            figures += fig_reader.library(session, big_lib)
        if "library100k" in args.only:
            step("library, 100,000 articles")
            figures += fig_library.run(session, lib100k, reused)
        close_library()
    if "corpus" in args.only:
        from bench import fig_corpus

        step("library views")
        figures += fig_corpus.run(big_lib, WORK)
    if "startup" in args.only:
        step("start-up")
        figures += fig_process.startup()
    if "memory" in args.only:
        step("memory")
        figures += fig_process.memory(reader_lib.path, reader_lib.big)
    if "quit" in args.only:
        from bench import fig_quit

        step("quit")
        figures += fig_quit.run(reader_lib.path, big_lib)
    step("done")
    print()
    print(table(figures))


def save(figures: list[Figure], quick: bool) -> None:
    results = {
        "machine": machine(),
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "quick": quick,
        "figures": {f.key: f.as_dict() for f in figures},
        "table": table(figures),
    }
    (BENCH / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
