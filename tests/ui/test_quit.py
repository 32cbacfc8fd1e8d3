"""Quitting in the middle of an analysis: what was saved stays saved, and
the abandoned analysis is made at the next start."""
from __future__ import annotations

import threading
import time

from desktop.core.model import Annotation
from desktop.nlp.pieces import Cancelled
from desktop.paths import seed_files
from desktop.services import analysis as analysis_module
from desktop.services.importing import import_files
from desktop.services.startup import unanalysed_articles
from desktop.store.annotations import list_annotations
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

