"""A window on a team library (a real throwaway PostgreSQL server): other
coders' highlights appear by themselves, an edit while the server is down
is refused and kept off the undo stack, the window comes back online, and
the Show switch picks whose highlights are drawn."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.model import Annotation
from desktop.formats.text import article_from_text
from desktop.store import annotations
from desktop.store.articles import add_article
from desktop.store.database import close_library, open_library
from desktop.ui.edits import commands
from tests import pgserver
from tests.pg import PgServer
from tests.ui.conftest import ANALYSIS_TIMEOUT

ROOT = Path(__file__).parents[2]
OTHER_CODER = """
import sys
from desktop.core.model import Annotation
from desktop.store import annotations
from desktop.store.database import open_library
open_library(sys.argv[1])
annotations.add_annotation(int(sys.argv[2]), Annotation(7, 12, ["Claim"], "from bob"))
"""
NEW_ARTICLE = """
import sys
from desktop.formats.text import article_from_text
from desktop.store.articles import add_article
from desktop.store.database import open_library
open_library(sys.argv[1])
add_article(article_from_text("Another story. Imported elsewhere."))
"""


def team_library(server: PgServer, url: str, *coders: str) -> int:
    from desktop.cli import main

    assert main(["init-team", url, *[arg for coder in coders for arg in ("--coder", coder)]]) == 0
    open_library(url)
    try:
        article_id, _ = add_article(article_from_text("Shared story. Read by all. The end."))
    finally:
        close_library()
    return article_id


def open_window(qtbot, url: str):
    from desktop.ui.app import open_initial, prepare_window

    window = prepare_window(url, None)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.analysisShown, timeout=ANALYSIS_TIMEOUT):
        open_initial(window, [])
    return window


def gutter(window) -> list[tuple[int, int, str]]:
    """The gutter's marks: start, end and colour."""
    return sorted(mark[:3] for mark in window.reader.gutter.marks)


@pytest.fixture()
def warnings(monkeypatch) -> list[str]:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    return shown


def test_another_coders_highlight_appears_and_the_show_switch_filters(qtbot, pg_server, pg_url, warnings):
    dbname = pg_url.split("/")[3].split("?")[0]
    alice, bob = pg_server.unique("alice"), pg_server.unique("bob")
    article_id = team_library(pg_server, pg_url, alice, bob)
    window = open_window(qtbot, pg_server.url(dbname, alice))  # alice's window
    try:
        me = window.team.coder
        assert me == alice
        assert window.team.show_box.isVisible()
        window.undo.push(commands.AddHighlight(article_id, Annotation(0, 6, ["Claim"], "mine")))
        subprocess.run([sys.executable, "-c", OTHER_CODER, pg_server.url(dbname, bob), str(article_id)],
                       cwd=ROOT, check=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        qtbot.waitUntil(lambda: any(a.note == "from bob" for a in window.session.annotations), timeout=5000)
        assert {a.author for a in window.session.annotations} == {me, bob}
        # Each coder's highlights carry their own gutter colour.
        colours = window.session.coder_colours
        assert colours[me] != colours[bob]
        assert gutter(window) == [(0, 6, colours[me]), (7, 12, colours[bob])]
        assert window.team.show_box.findText(f"Show: {bob}") >= 0
        # Bob's highlight is his: changing its note is refused, and not undoable.
        stack = window.undo.stack()
        theirs = next(a.id for a in window.session.annotations if a.author == bob)
        assert not window.undo.push(commands.EditNote(article_id, theirs, "alice was here"))
        assert stack.count() == 1 and "only your own highlights" in warnings[-1]
        assert annotations.get_annotation(theirs).note == "from bob"
        window.team.show_author(me)
        assert [a.note for a in window.session.annotations] == ["mine"]
        window.team.show_author(bob)
        assert [a.note for a in window.session.annotations] == ["from bob"]
        assert gutter(window) == [(7, 12, colours[bob])]
        window.team.show_author(None)
        assert len(window.session.annotations) == 2
        # An article imported elsewhere shows in the library list.
        assert len(window.library_dock.visible_ids()) == 1
        subprocess.run([sys.executable, "-c", NEW_ARTICLE, pg_url], cwd=ROOT, check=True,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
        qtbot.waitUntil(lambda: len(window.library_dock.visible_ids()) == 2, timeout=5000)
    finally:
        window.close()
        window.runner.wait(60_000)
        close_library()


def test_an_edit_while_offline_is_refused_and_the_window_reconnects(qtbot, own_server, warnings):
    folder, server = own_server
    dbname = server.new_database()
    alice = server.unique("alice")
    article_id = team_library(server, server.url(dbname), alice)
    window = open_window(qtbot, server.url(dbname, alice))
    try:
        window.undo.push(commands.AddHighlight(article_id, Annotation(0, 6, ["Claim"], "before")))
        stack = window.undo.stack()
        assert stack.count() == 1
        pgserver.stop(folder, remove=False)
        assert not window.undo.push(commands.AddHighlight(article_id, Annotation(7, 12, ["Claim"], "offline")))
        assert window.team.banner.isVisible()  # at once, from the refused edit
        assert stack.count() == 1  # the refused edit is not on the undo stack
        assert "cannot be reached" in warnings[-1] and "nothing was saved" in warnings[-1]
        assert window.session.article.text.startswith("Shared story")  # still readable
        assert [a.note for a in window.session.annotations] == ["before"]
        pgserver.restart(folder)
        qtbot.waitUntil(lambda: not window.team.banner.isVisible(), timeout=15_000)
        assert window.undo.push(commands.AddHighlight(article_id, Annotation(7, 12, ["Claim"], "after")))
        assert [a.note for a in annotations.list_annotations(article_id)] == ["before", "after"]
    finally:
        window.close()
        window.runner.wait(60_000)
        close_library()


def test_file_open_team_library_switches_the_window_and_is_remembered(make_window, qtbot, pg_server, pg_url,
                                                                      monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from desktop.ui.settings import Settings

    article_id = team_library(pg_server, pg_url)
    window = make_window()  # a local library first
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: asked.append(args[1]) or (pg_url, True))
    try:
        window.actions["open_team"].trigger()
        assert asked == ["Open Team Library"]
        assert window.session.article_id == article_id
        assert window.session.article.text.startswith("Shared story")
        assert window.team.show_box.isVisible()
        assert Settings().library() == pg_url  # the next start opens it again
    finally:
        window.close()
        window.runner.wait(60_000)


def test_a_password_asked_for_goes_into_pgpassword_only(make_window, monkeypatch, settings_folder):
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from desktop.core.errors import StoreError
    from desktop.ui.team import connect

    url = "postgresql://ana@db.example:5432/byline"
    tries, echoes = [], []

    def probe(given: str) -> None:  # the server wants a password, then accepts it
        tries.append(given)
        if len(tries) == 1:
            raise StoreError("the team library refused the login; give the password in PGPASSWORD or ~/.pgpass.")

    def get_text(parent, title, label, echo=QLineEdit.EchoMode.Normal, text=""):
        echoes.append(echo)
        return (url, True) if title == "Open Team Library" else ("s3cret", True)

    monkeypatch.setattr(connect, "probe", probe)
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    monkeypatch.setenv("PGPASSWORD", "")  # restored after the test
    window = make_window()
    assert connect.ask_team_library(window) == url
    assert echoes == [QLineEdit.EchoMode.Normal, QLineEdit.EchoMode.Password]
    assert tries == [url, url]
    assert os.environ["PGPASSWORD"] == "s3cret"
    window.settings.set_library(url)
    window.settings.sync()
    assert not any("s3cret" in p.read_text(errors="replace") for p in settings_folder.rglob("*") if p.is_file())
