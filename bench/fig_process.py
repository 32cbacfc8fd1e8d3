"""Figures 6 and 7: start-up and peak memory, each in fresh processes."""
from __future__ import annotations

import compileall
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.common import ROOT, WORK, Figure, median

STARTUP_RUNS = 5
MEMORY_RUNS = 2


def _child(*args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-m", "bench.child", *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def startup() -> list[Figure]:
    # An installed Byline has its modules compiled (pip compiles them); a
    # checkout run with PYTHONDONTWRITEBYTECODE=1 would compile them again at
    # every start, a tenth of a second the user never waits for.
    compileall.compile_dir(ROOT / "desktop", quiet=1)
    shown, analysed = [], []
    # One start untimed first: the figures before this one (the 100,000-article
    # library's 1.85 GB above all) push Qt's and spaCy's files out of the
    # page cache, and the first start after them reads them from the disk,
    # as only the first start after booting does.
    cold = _start(WORK / "startup-cold.sqlite3")
    for n in range(STARTUP_RUNS):
        marks = _start(WORK / f"startup-{n}.sqlite3")  # a first start: the sample is imported, then analysed
        shown.append(marks["shown"])
        analysed.append(marks["analysed"])
    note = f"after one untimed start (it took {cold['shown']:.2f} / {cold['analysed']:.2f} s)"
    return [
        # Issue 22's targets (issue 8's were 1.5 s and none).
        Figure("startup_shown", "start-up to the window shown", median(shown), "s", 0.7, shown, note),
        Figure("startup_analysed", "start-up to the first article analysed and shown", median(analysed), "s", 1.5,
               analysed, note),
    ]


def _start(library: Path) -> dict:
    """One start on a new library, as ``byline`` starts: the marks since the process began."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{library}{suffix}").unlink(missing_ok=True)
    return _child("startup", str(library), repr(time.time()))


def memory(library: Path, article_id: int) -> list[Figure]:
    peaks = [_child("memory", str(library), str(article_id))["peak_rss_mb"] for _ in range(MEMORY_RUNS)]
    return [Figure("peak_rss", "peak memory, big document open (pipeline loaded)", median(peaks), "MB", 700, peaks)]
