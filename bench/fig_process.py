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
    for n in range(STARTUP_RUNS):
        library = WORK / f"startup-{n}.sqlite3"  # a first start: the sample is imported, then analysed
        for suffix in ("", "-wal", "-shm"):
            Path(f"{library}{suffix}").unlink(missing_ok=True)
        marks = _child("startup", str(library), repr(time.time()))
        shown.append(marks["shown"])
        analysed.append(marks["analysed"])
    return [
        # Issue 22's targets (issue 8's were 1.5 s and none).
        Figure("startup_shown", "start-up to the window shown", median(shown), "s", 0.7, shown),
        Figure("startup_analysed", "start-up to the first article analysed and shown", median(analysed), "s", 1.5,
               analysed),
    ]


def memory(library: Path, article_id: int) -> list[Figure]:
    peaks = [_child("memory", str(library), str(article_id))["peak_rss_mb"] for _ in range(MEMORY_RUNS)]
    return [Figure("peak_rss", "peak memory, big document open (pipeline loaded)", median(peaks), "MB", 700, peaks)]
