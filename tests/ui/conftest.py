from __future__ import annotations

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


@pytest.fixture()
def make_window(qtbot, tmp_path):
    """Open a window on a library as the app does; wait for the analysis."""
    from desktop.store.database import close_library
    from desktop.ui.app import open_initial, prepare_window

    windows = []

    def make(db: Path | None = None, files: list[Path] | None = None, wait: bool = True):
        window = prepare_window(db or tmp_path / "library.sqlite3", None)
        qtbot.addWidget(window)
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
