"""Help > Check library, File > Export…, and a damaged library at start."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.store.backup import backup_library
from desktop.store.database import close_library
from desktop.ui.app import prepare_window
from desktop.ui.library.check_dialog import CheckDialog
from desktop.ui.library.export_dialog import ExportDialog


def test_check_library_reports_a_sound_library(make_window, qtbot):
    window = make_window()
    window.actions["check_library"].trigger()
    dialog = window.findChild(CheckDialog)
    qtbot.waitUntil(lambda: dialog.copy_button.isEnabled(), timeout=30_000)
    assert "no problems" in dialog.headline.text().lower() or "all is well" in dialog.headline.text().lower()
    dialog.close()


def test_file_export_opens_the_dialog_for_the_open_article(make_window):
    window = make_window()
    window.actions["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.ids == [window.session.article.id]
    dialog.close()


def test_a_damaged_library_offers_its_newest_backup(make_window, qtbot, tmp_path, monkeypatch):
    db = tmp_path / "lib.sqlite3"
    first = make_window(db)
    count = first.library_dock.model.rowCount()
    first.close()
    close_library()
    backup_library(db, reason="test")
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 300)  # damaged beyond use
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    window = prepare_window(db, None, interactive=True)
    qtbot.addWidget(window)
    assert "Restore the newest backup" in asked[0]
    assert window.library_dock.model.rowCount() == count
    assert any(p.name.startswith("lib") for p in (db.parent / "backups").iterdir())
    window.runner.wait(60_000)
