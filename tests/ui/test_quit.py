"""Quitting in the middle of an analysis: what was saved stays saved, and
the abandoned analysis is made at the next start."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from desktop.core.model import Annotation
from desktop.nlp.pieces import Cancelled
from desktop.paths import seed_files
from desktop.services import analysis as analysis_module
from desktop.services.importing import import_files
from desktop.services.startup import unanalysed_articles
from desktop.store.annotations import list_annotations
from desktop.store.articles import list_articles
from desktop.store.database import close_library, open_library
from desktop.ui.edits import commands


def test_quitting_during_an_analysis_loses_no_edit_and_resumes_next_start(make_window, qtbot, monkeypatch,
                                                                          tmp_path):
    db = tmp_path / "library.sqlite3"
    second = tmp_path / "second.txt"
    second.write_text("A second article\n\nThe mayor said on Monday that the bridge would reopen.\n")
    open_library(db)
    ids = [item.article_id for item in import_files([*seed_files(), second])]
    close_library()

    started, stopped = threading.Event(), []

    def endless(model, text, cancelled=None):  # an analysis that only ends when cancelled
        started.set()
        deadline = time.monotonic() + 60
        while not (cancelled is not None and cancelled()) and time.monotonic() < deadline:
            time.sleep(0.01)
        stopped.append(True)
        raise Cancelled()

    real = analysis_module.analyze_one
    monkeypatch.setattr(analysis_module, "analyze_one", endless)
    window = make_window(db, files=[], wait=False)
    opened = window.session.article_id
    assert opened in ids
    qtbot.waitUntil(started.is_set, timeout=120_000)
    window.undo.push(commands.AddHighlight(opened, Annotation(0, 8, ["Claim"], note="kept")))
    window.close()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=30_000)
    assert stopped == [True]  # the running analysis was abandoned, not finished
    close_library()

    open_library(db)  # what a new process finds in the library
    assert sorted(unanalysed_articles()) == sorted(ids)
    assert [(a.start, a.end, a.note) for a in list_annotations(opened)] == [(0, 8, "kept")]
    close_library()

    monkeypatch.setattr(analysis_module, "analyze_one", real)  # the next start analyses for real
    again = make_window(db, files=[])  # waits for the open article's analysis
    assert again.session.article_id == opened and again.session.analysis.entities
    qtbot.waitUntil(lambda: unanalysed_articles() == [], timeout=120_000)  # the other one too, in the background
    assert [(a.start, a.end, a.note) for a in list_annotations(opened)] == [(0, 8, "kept")]



_EDIT_THEN_QUIT = """
import sys
from PySide6.QtCore import QTimer
from desktop.cli import main
from desktop.core.model import Annotation
from desktop.ui.app import application
from desktop.ui.edits import commands
from desktop.ui.main_window import MainWindow

app = application()

def edit_then_quit():
    window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None or window.session.analysis is None or window.runner.busy():
        QTimer.singleShot(50, edit_then_quit)  # until the sample is analysed and nothing runs
        return
    window.undo.push(commands.AddHighlight(window.session.article_id, Annotation(0, 8, ["Claim"], note="kept")))
    window.close()

QTimer.singleShot(0, edit_then_quit)
sys.exit(main(["--db", sys.argv[1], sys.argv[2]]))
"""


def test_quitting_the_idle_app_keeps_the_last_edit(tmp_path, sample_path):
    """Quitting with nothing running leaves the process at once (no teardown
    of spaCy and Qt), after the library is closed: the edit made just before
    is in the file, and no write-ahead log is left beside it."""
    db = tmp_path / "library.sqlite3"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", _EDIT_THEN_QUIT, str(db), str(sample_path)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert not Path(f"{db}-wal").exists()
    open_library(db)
    try:
        [article] = list_articles()
        assert [(a.start, a.end, a.note) for a in list_annotations(article.id)] == [(0, 8, "kept")]
    finally:
        close_library()
