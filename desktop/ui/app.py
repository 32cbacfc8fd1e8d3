"""Starting the GUI: the application, the library, the window."""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.errors import BylineError
from desktop.nlp.pipeline import default_pipeline_name
from desktop.store.articles import list_articles
from desktop.store.backup import daily_backup, restore_library
from desktop.store.database import LibraryError, close_library, default_path, open_library, own_library_path
from desktop.store.engines import OfflineError, library_location
from desktop.ui.icons import app_icon
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings, configure_application
from desktop.ui.team.start_offline import ReconnectButton

SCREENSHOT_TIMEOUT_MS = 180_000
# At quit, how long a running task has to stop (a cancelled analysis stops
# between pieces of its text; a write under way finishes meanwhile).
QUIT_PATIENCE_MS = 200


# Harmless notices of Qt's offscreen platform, printed on every resize.
_QUIET = ("This plugin does not support propagateSizeHints",)


def _qt_messages(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if not message.startswith(_QUIET):
        print(message, file=sys.stderr)


def application() -> QApplication:
    qInstallMessageHandler(_qt_messages)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application()
    QGuiApplication.setDesktopFileName("org.byline.Byline")  # Wayland: match the desktop entry
    app.setWindowIcon(app_icon())
    return app  # type: ignore[return-value]


def run_gui(args: argparse.Namespace) -> int:
    app = application()
    screenshot: Path | None = args.screenshot
    try:
        window = prepare_window(args.db, args.model, interactive=screenshot is None)
    except BylineError as exc:
        if screenshot is None:
            QMessageBox.critical(None, "Byline cannot open the library", str(exc))
        print(f"byline: {exc}", file=sys.stderr)
        return 2
    if screenshot is not None:
        arm_screenshot(window, screenshot)
    window.show()
    # The window is on screen before any article work starts.
    QTimer.singleShot(0, lambda: open_initial(window, list(args.files)))
    status = app.exec()
    importing = window.library.busy_dialogs()
    if window.runner.busy() or importing:
        # A worker is still loading spaCy, analysing or importing: it was
        # told to stop (see MainWindow.closeEvent), and a write under way
        # finishes meanwhile; give it a moment, then leave rather
        # than wait seconds for it.  Settings are saved, and SQLite keeps the
        # library whole (an analysis not yet committed is made again next
        # time); destroying Qt objects under a running thread would not be
        # safe, so the process ends here.
        deadline = time.monotonic() + QUIT_PATIENCE_MS / 1000
        for pool in (window.runner, *importing):
            pool.wait(max(0, int((deadline - time.monotonic()) * 1000)))
    else:
        # Nothing runs: the library is closed (its last writes checkpointed)
        # here, rather than by the interpreter's teardown of spaCy and Qt,
        # which took a quarter of a second after the window was gone.
        close_library()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def prepare_window(db_path: Path | str | None, model: str | None, interactive: bool = False) -> MainWindow:
    """Open the library and make the window (an empty library shows the
    welcome page, which offers the sample: nothing is imported unasked).

    Raises BylineError when the library cannot be opened; when
    ``interactive``, a damaged library with a backup is offered a restore.
    """
    settings = Settings()
    # --db, then BYLINE_DB, then the library chosen in the window (a file
    # or a team library's URL), then the user data folder.
    remembered = None if os.environ.get("BYLINE_DB") else settings.library()
    path = db_path or (library_location(remembered) if remembered else default_path())
    offline: OfflineError | None = None
    team: Path | str = path
    try:
        open_library(path)
    except OfflineError as exc:
        if db_path is not None:  # named on the command line: nothing else to offer
            raise
        # A remembered team library (Preferences, BYLINE_DB) whose server is
        # away: the user's own library opens instead when asked, and the
        # team library stays remembered for the next start.
        own = own_library_path()
        if not (interactive and offer_own_library(exc, own)):
            raise OfflineError(f"{exc} To work in your own library meanwhile, start Byline with "
                               f"--db {own}.") from exc
        open_library(own)
        team, path, offline = path, own, exc
    except LibraryError as exc:
        if not (interactive and exc.newest_backup and offer_restore(path, exc)):
            raise
    # spaCy starts loading once the window is shown (open_initial), not
    # while it is built: both hold Python's lock, so a load running beside
    # the building made the window later and, switching between the two
    # threads, the first analysis too (see README, Performance).
    model = model or settings.model() or default_pipeline_name()
    window = MainWindow(settings, model=model)
    window.refresh_library()
    if offline is not None:
        window.statusBar().showMessage(
            f"{offline} Working in your own library; File > Open Team Library… connects again.")
        ReconnectButton(window, str(team))
    try:
        daily_backup(path)
    except BylineError as exc:  # a failed backup must not keep anyone from working
        window.statusBar().showMessage(f"Daily backup failed: {exc}", 10000)
    return window


def offer_own_library(error: OfflineError, own: Path) -> bool:
    """Ask whether to open the user's own library while the remembered team
    library cannot be reached; True when the answer is yes."""
    answer = QMessageBox.question(
        None,
        "Byline cannot reach the team library",
        f"{error}\n\nOpen your own library ({own}) instead? The team library stays "
        "remembered for the next start, and File > Open Team Library… connects to it again.",
    )
    return answer == QMessageBox.StandardButton.Yes


def offer_restore(path: Path, error: LibraryError) -> bool:
    """Ask to restore the newest backup of a library that cannot be opened;
    True when it was restored and opened."""
    backup = error.newest_backup
    answer = QMessageBox.question(
        None,
        "Byline cannot open the library",
        f"{error}\n\nRestore the newest backup ({backup.name}) in its place? "
        "The damaged file is kept beside it.",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restore_library(backup, path)
    open_library(path)
    return True


def open_initial(window: MainWindow, files: list[Path]) -> None:
    """Start loading the model, then open the given files or the newest article."""
    window.start_model_loading()
    if files:
        if not window.import_and_open(files) and window.property("screenshot"):
            QApplication.exit(2)
        return
    rows = list_articles()
    last = window.settings.last_article()
    if last is not None and any(row.id == last for row in rows):
        window.open_article(last)  # where the user left off, scroll position included
    elif rows:
        window.open_article(rows[0].id)
    else:
        window.show_welcome(True)


def arm_screenshot(window: MainWindow, target: Path) -> None:
    """Save the window as a PNG once an article's analysis is shown, then quit."""
    window.setProperty("screenshot", True)

    def save(_article_id: int) -> None:
        # Let background work (the model still loading) and the layout
        # settle, so the picture shows the window at rest.
        if window.runner.busy():
            QTimer.singleShot(200, lambda: save(_article_id))
        else:
            QTimer.singleShot(300, lambda: _grab(window, target))

    def give_up() -> None:
        print("byline: the analysis did not finish in time for the screenshot.", file=sys.stderr)
        QApplication.exit(1)

    window.analysisShown.connect(save)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, give_up)


def _grab(window: MainWindow, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(target), "PNG")
    if not ok:
        print(f"byline: cannot write {target}.", file=sys.stderr)
    QApplication.exit(0 if ok else 1)
