from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.ui.settings import configure_application

ANALYSIS_TIMEOUT = 120_000


@pytest.fixture(autouse=True)
def settings_folder(tmp_path_factory: pytest.TempPathFactory, qapp) -> Path:
    """Point QSettings at a fresh folder for each test."""
    folder = tmp_path_factory.mktemp("settings")
    configure_application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(scope="session")
def analysed_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article imported and analysed once per test run, with its
    actors: a window test opening a copy reads the stored analysis instead
    of running spaCy on the sample again."""
    from desktop.paths import seed_files
    from desktop.services.analysis import analyse_and_keep
    from desktop.services.importing import import_files
    from desktop.store.articles import get_article, list_articles
    from desktop.store.database import close_library, open_library

    path = tmp_path_factory.mktemp("analysed") / "library.sqlite3"
    open_library(path)
    import_files(seed_files())
    for row in list_articles():
        analyse_and_keep(None, row.id, get_article(row.id).text)
    close_library()
    return path


def copy_library(source: Path, target: Path) -> None:
    """A consistent copy of a library, WAL included."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


@pytest.fixture()
def make_window(qtbot, tmp_path, analysed_library):
    """Open a window on a library as the app does; wait for the analysis.

    Without ``db``, the library is a copy of ``analysed_library`` (the
    sample already analysed); with a new ``db``, the sample is opened in it
    (imported, then analysed by the window's worker, end to end)."""
    from desktop.paths import seed_files
    from desktop.store.database import close_library
    from desktop.ui.app import open_initial, prepare_window

    windows = []

    def make(db: Path | None = None, files: list[Path] | None = None, wait: bool = True):
        if db is None:
            db = tmp_path / "library.sqlite3"
            if not db.exists():
                copy_library(analysed_library, db)
        elif not db.exists() and files is None:
            files = seed_files()  # a new library starts empty: open the sample as `make run` does
        window = prepare_window(db, None)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        windows.append(window)
        if wait:
            with qtbot.waitSignal(window.analysisShown, timeout=ANALYSIS_TIMEOUT):
                open_initial(window, files or [])
        else:
            open_initial(window, files or [])
        return window

    yield make
    for window in windows:
        window.runner.wait(60_000)
    close_library()


@pytest.fixture(autouse=True)
def no_unexpected_modal_dialogs(monkeypatch):
    """A modal dialog nobody answers would hang the suite: every static
    dialog and QDialog.exec is answered 'cancel' and reported as a failure.
    Tests that expect a dialog patch it themselves."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    shown: list[str] = []

    def refuse(name, result):
        def answer(*args, **kwargs):
            shown.append(f"{name}{args[1:3]}")
            return result
        return answer

    no = QMessageBox.StandardButton.No
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse(f"QMessageBox.{name}", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", refuse("QMessageBox.question", no))
    monkeypatch.setattr(QMessageBox, "about", refuse("QMessageBox.about", None))
    monkeypatch.setattr(QInputDialog, "getText", refuse("QInputDialog.getText", ("", False)))
    monkeypatch.setattr(QInputDialog, "getItem", refuse("QInputDialog.getItem", ("", False)))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", refuse("QInputDialog.getMultiLineText", ("", False)))
    for name in ("getOpenFileNames", "getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, refuse(f"QFileDialog.{name}", ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", refuse("QFileDialog.getExistingDirectory", ""))
    monkeypatch.setattr(QDialog, "exec", refuse("QDialog.exec", 0))
    yield shown
    assert not shown, f"unexpected modal dialogs: {shown}"
