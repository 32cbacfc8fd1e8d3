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
