"""Figure 10 (issue 22): quitting, in every state the user can quit in.

Each run is a fresh ``byline`` process (the GUI as ``run_gui`` starts it,
on Qt's offscreen platform) brought into one state, then closed as the user
closes the window; the figure is the time from the close to the process's
exit, as the parent process sees it:

* ``idle``: the sample open and analysed, nothing running;
* ``analysing``: the 102,838-word document just imported, its analysis
  under way;
* ``importing``: the 295-article corpus being imported (the progress
  dialog running);
* ``actors``: the Library actors view making the actor summaries missing
  from the 10,000-article library.

The child prints ``CLOSE <time>`` just before it closes the window.

    python -m bench.fig_quit STATE LIBRARY [FILE ...]   # the child
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.common import CORPUS, ROOT, WORK, Figure, median

RUNS = 3
STATES = ("idle", "analysing", "importing", "actors")
TARGET = 0.5
WAIT_IN_STATE = 1.0  # seconds in the state before the close
TIMEOUT = 300


def run(reader_library: Path, big_library: Path) -> list[Figure]:
    from desktop.paths import seed_files

    sample = seed_files()[0]
    big_text = WORK / "big.txt"
    if not big_text.exists():
        from bench.fig_long import big_text as make_big

        big_text.write_text(make_big(), encoding="utf-8")
    figures = []
    for state in STATES:
        times = []
        for n in range(RUNS):
            library = WORK / f"quit-{state}-{n}.sqlite3"
            _remove(library)
            if state == "importing":
                shutil.copy(reader_library, library)  # a library in use: the import adds to it
                files: list[Path] = []
            elif state == "actors":
                _without_summaries(big_library, library)
                files = []
            else:
                files = [sample] if state == "idle" else [big_text]
            times.append(_quit_time(state, library, files))
            _remove(library)
        figures.append(Figure(f"quit_{state}", f"quit, {_DESCRIBED[state]}: close to process gone",
                              median(times), "s", TARGET, times))
    return figures


_DESCRIBED = {
    "idle": "idle (the sample open and analysed)",
    "analysing": "during the 102,838-word document's analysis",
    "importing": "during an import of the 295-article corpus",
    "actors": "during a Library actors refresh (10,000 summaries missing)",
}


def _quit_time(state: str, library: Path, files: list[Path]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    args = [sys.executable, "-m", "bench.fig_quit", state, str(library), *map(str, files)]
    child = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True)
    closed = None
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("CLOSE "):
            closed = float(line.split()[1])
            break
    child.wait(TIMEOUT)
    gone = time.time()
    if closed is None or child.returncode != 0:
        raise RuntimeError(f"the {state} run did not quit cleanly (exit status {child.returncode})")
    return gone - closed


def _remove(library: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{library}{suffix}").unlink(missing_ok=True)


def _without_summaries(source: Path, target: Path) -> None:
    """A copy of ``source`` without its actor summaries, as in a library
    analysed before the summaries existed."""
    import sqlite3

    shutil.copy(source, target)
    con = sqlite3.connect(target)
    with con:
        con.execute("DELETE FROM article_actor")
        con.execute("DELETE FROM actor_cache")
    con.close()


# -- the child ------------------------------------------------------------
def child(state: str, library: Path, files: list[Path]) -> int:
    from PySide6.QtCore import QTimer

    from desktop.cli import main
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow

    app = application()  # run_gui takes this one
    since: list[float] = []

    def window() -> MainWindow | None:
        return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)

    def reached(w: MainWindow) -> bool:
        if state == "idle":
            return w.session.analysis is not None and not w.runner.busy()
        if state == "analysing":
            return w.runner.busy() and w.session.article_id is not None
        if state == "importing":
            if not w.library.dialogs:
                w.library.import_paths_dialog(list(CORPUS))
            return bool(w.library.busy_dialogs())
        if w.actor_tools.dialog is None:
            w.actor_tools.library_view()
        return w.runner.busy()  # the summaries being made

    started = time.monotonic()

    def poll() -> None:
        if time.monotonic() - started > TIMEOUT / 2:
            print(f"the {state} state was never reached", file=sys.stderr)
            app.exit(3)
            return
        w = window()
        if w is None or not w.isVisible() or not reached(w):
            since.clear()
        elif not since:
            since.append(time.monotonic())
        elif time.monotonic() - since[0] >= WAIT_IN_STATE:
            print(f"CLOSE {time.time()!r}", flush=True)
            w.close()
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return main(["--db", str(library), *map(str, files)])


if __name__ == "__main__":
    from bench.common import guard_none_leak, user_folders

    user_folders()
    guard_none_leak()
    sys.exit(child(sys.argv[1], Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]]))
