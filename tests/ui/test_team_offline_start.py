"""Start-up with a remembered team library whose server is away (issue 16):
the user's own library opens when asked, and otherwise the one sentence
says how to open it."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.formats.text import article_from_text
from desktop.store.articles import add_article, list_articles
from desktop.store.database import close_library, library_path, open_library, own_library_path
from desktop.store.engines import OfflineError
from desktop.ui.app import prepare_window
from desktop.ui.settings import Settings
from desktop.ui.team.start_offline import BACK


@pytest.fixture()
def away(pg_server) -> str:
    """A remembered team library on a port where no server listens."""
    url = f"postgresql://postgres@127.0.0.1:{pg_server.info['port'] + 1}/nowhere"
    Settings().set_library(url)
    return url


def own_library_with_an_article() -> None:
    open_library(own_library_path())
    add_article(article_from_text("My own notes. Kept on this computer."))
    close_library()


def test_without_asking_the_sentence_says_how_to_open_the_own_library(away):
    with pytest.raises(OfflineError) as raised:
        prepare_window(None, None)
    message = str(raised.value)
    assert "cannot be reached" in message
    assert f"--db {own_library_path()}" in message


def test_the_own_library_opens_when_asked_and_the_team_library_stays_remembered(qtbot, monkeypatch, away):
    own_library_with_an_article()
    asked: list[str] = []

    def answer(_parent, _title, text):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window = prepare_window(None, None, interactive=True)
    qtbot.addWidget(window)
    try:
        assert "cannot be reached" in asked[0] and str(own_library_path()) in asked[0]
        assert library_path() == own_library_path()
        assert [row.title for row in list_articles()] == ["My own notes"]
        assert "File > Open Team Library" in window.statusBar().currentMessage()
        assert Settings().library() == away
    finally:
        window.close()
        close_library()


def test_saying_no_keeps_the_sentence(monkeypatch, away):
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.No)
    with pytest.raises(OfflineError, match="--db"):
        prepare_window(None, None, interactive=True)


def test_a_team_library_named_with_db_is_not_replaced(away):
    with pytest.raises(OfflineError) as raised:
        prepare_window(away, None, interactive=True)
    assert "--db" not in str(raised.value)


def test_the_status_bar_button_connects_once_the_server_answers(qtbot, monkeypatch, pg_url):
    """The server is away at start (its first connection refused), then back:
    the button switches the window to the team library and goes."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from desktop.store.engines import is_postgres
    from desktop.store.models import db
    from desktop.ui import app

    Settings().set_library(pg_url)
    real_open = app.open_library

    def away_at_start(location):
        if str(location) == pg_url:
            raise OfflineError("the team library cannot be reached (test); nothing was saved.")
        return real_open(location)

    monkeypatch.setattr(app, "open_library", away_at_start)
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    window = prepare_window(None, None, interactive=True)
    qtbot.addWidget(window)
    try:
        buttons = [b for b in window.statusBar().findChildren(QPushButton)
                   if b.text() == "Connect to the team library"]
        assert len(buttons) == 1
        assert library_path() == own_library_path()
        # The probe in the background finds the server answering and says so.
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == BACK, timeout=10_000)
        assert library_path() == own_library_path()  # nothing switched unasked
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
        assert is_postgres(db)
        qtbot.waitUntil(lambda: not [b for b in window.statusBar().findChildren(QPushButton)
                                     if b.text() == "Connect to the team library"])
    finally:
        window.close()
        close_library()


def test_the_status_bar_button_keeps_the_own_library_when_the_server_is_still_away(qtbot, monkeypatch, away):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    own_library_with_an_article()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    window = prepare_window(None, None, interactive=True)
    qtbot.addWidget(window)
    try:
        button = next(b for b in window.statusBar().findChildren(QPushButton)
                      if b.text() == "Connect to the team library")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert warned and "cannot be reached" in warned[0]
        assert library_path() == own_library_path()
        assert [row.title for row in list_articles()] == ["My own notes"]
        assert not button.isHidden()
    finally:
        window.close()
        close_library()
