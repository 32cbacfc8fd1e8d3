"""What every figure shares: the corpus, the work folder, timing."""
from __future__ import annotations

import csv
import gc
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.model import Article
from desktop.formats.csv_corpus import article_from_record

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / ".work"
# The 2019 half of the corpus is already in the tests' data; the 2020 half
# was copied here.  Nothing reads /work/shared at run time.
CORPUS = (ROOT / "tests" / "data" / "corpus" / "wikinews_2019.csv", BENCH / "data" / "wikinews_2020.csv")


def corpus() -> list[Article]:
    """The 295 Wikinews articles, as Byline's CSV import reads them."""
    csv.field_size_limit(1 << 30)
    articles = []
    for path in CORPUS:
        with path.open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle):
                article = article_from_record(record)
                if article is not None:
                    articles.append(article)
    return articles


def words(text: str) -> int:
    return len(text.split())


def now() -> float:
    return time.perf_counter()


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    start = now()
    result = fn()
    return now() - start, result


def median(values: list[float]) -> float:
    return statistics.median(values)


@dataclass
class Figure:
    """One line of the table: a measured value against its target."""

    key: str
    name: str
    value: float
    unit: str
    target: float | None = None  # the figure must be <= target (>= when at_least)
    runs: list[float] = field(default_factory=list)
    note: str = ""
    at_least: bool = False

    @property
    def holds(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.at_least else self.value <= self.target

    def as_dict(self) -> dict:
        return {
            "name": self.name, "value": self.value, "unit": self.unit, "target": self.target,
            "holds": self.holds, "runs": self.runs, "note": self.note,
            "target_is": "at least" if self.at_least else "at most",
        }


def user_folders() -> None:
    """Settings and data of the app go to the work folder, never the user's."""
    os.environ["XDG_CONFIG_HOME"] = str(WORK / "config")
    os.environ["XDG_DATA_HOME"] = str(WORK / "data")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def guard_none_leak() -> bool:
    """Work around a PySide6 6.12.0 bug on Python 3.11: every call of a Qt
    method returning void (``QTextCursor.setPosition``,
    ``QSyntaxHighlighter.setFormat``, ``QScrollBar.setValue`` ...) drops one
    reference to ``None``; after some thousands of calls Python aborts with
    "deallocating None".  Python 3.12 made ``None`` immortal; for the
    benchmark's processes we do the same, so that the figures measure
    Byline rather than the crash.  The real fix is not to install 6.12.0
    (see bench/README.md).  True when the guard was needed."""
    import ctypes
    import sys
    from importlib.metadata import version

    if sys.version_info >= (3, 12) or version("PySide6") != "6.12.0":
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    return True
