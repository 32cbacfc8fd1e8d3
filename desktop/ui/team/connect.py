"""File > Open Team Library…: ask for the URL (and a password when the
server wants one), check that the library opens, and say which to open."""
from __future__ import annotations

import os
from urllib.parse import urlsplit

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.core.errors import StoreError
from desktop.store.engines import connect_team, describe, is_url, library_location

PASSWORD_HINT = "PGPASSWORD or ~/.pgpass"


def ask_team_library(parent: QWidget, current: str = "") -> str | None:
    """The URL of a team library that answers, or None when the user gave up.
    A password asked for here goes into this process's PGPASSWORD only
    (libpq reads it there); it is never saved."""
    text, ok = QInputDialog.getText(
        parent, "Open Team Library",
        "PostgreSQL URL of the team library (postgresql://USER@HOST:PORT/DBNAME):",
        QLineEdit.EchoMode.Normal, current)
    if not ok or not text.strip():
        return None
    location = library_location(text)
    if not is_url(location):
        QMessageBox.warning(parent, "Open Team Library",
                            "A team library is a URL starting with postgresql://; open a library file "
                            "with --db or Preferences.")
        return None
    url = str(location)
    while True:
        try:
            probe(url)
            return url
        except StoreError as exc:
            if PASSWORD_HINT not in str(exc):
                QMessageBox.warning(parent, "Cannot open the team library", f"{str(exc)[:1].upper()}{str(exc)[1:]}")
                return None
            user = urlsplit(url).username or "you"
            password, ok = QInputDialog.getText(
                parent, "Password", f"Password of {user} on {describe(url)}:", QLineEdit.EchoMode.Password)
            if not ok:
                return None
            os.environ["PGPASSWORD"] = password  # this process only; never written anywhere


def probe(url: str) -> None:
    """Connect once, without touching the open library; StoreError when the
    server cannot be reached or refuses the login."""
    database = connect_team(url)
    database.connect()
    database.close()
