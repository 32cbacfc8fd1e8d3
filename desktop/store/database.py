"""Opening the one library database: location, pragmas, migrations."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import peewee as pw
from platformdirs import user_data_path
from playhouse.db_url import connect

from desktop.core.errors import StoreError
from desktop.store.migrations import SCHEMA_VERSION, migrate, schema_version
from desktop.store.models import db

APP_NAME = "Byline"
DB_FILENAME = "library.sqlite3"
PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 10000}


def default_path() -> Path:
    """``--db`` wins over ``BYLINE_DB``, which wins over the user data folder."""
    env = os.environ.get("BYLINE_DB")
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / DB_FILENAME


def url_for(path: Path | str) -> str:
    text = str(path)
    if "://" in text:
        return text
    return "sqlite:///" + text if text != ":memory:" else "sqlite:///:memory:"


def open_library(path: Path | str | None = None) -> pw.Database:
    """Open (creating if needed) and migrate the library; bind the models.

    Raises StoreError with one sentence when the file is not a usable
    Byline library; the file is then left exactly as it was.
    """
    close_library()
    target = Path(path) if path is not None and "://" not in str(path) else path
    if target is None:
        target = default_path()
    if isinstance(target, Path) and str(target) != ":memory:":
        _check_file(target)
        target.parent.mkdir(parents=True, exist_ok=True)
    database = connect(url_for(target), pragmas=PRAGMAS)
    db.initialize(database)
    try:
        database.connect(reuse_if_open=True)
        version = schema_version(database)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{target} was made by a newer Byline (schema {version}, this one knows "
                f"{SCHEMA_VERSION}); update Byline to open it."
            )
        migrate(database)
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        raise StoreError(_explain(target, exc)) from exc
    except StoreError:
        database.close()
        raise
    return database


def close_library() -> None:
    current = db.obj
    if current is not None and not current.is_closed():
        current.close()


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a library file.")
    if path.exists() and path.stat().st_size:
        with path.open("rb") as handle:
            header = handle.read(16)
        if header != b"SQLite format 3\x00":
            raise StoreError(f"{path} is not a Byline library (it is not an SQLite database).")


def _explain(path: object, exc: Exception) -> str:
    message = str(exc)
    if "not a database" in message or "malformed" in message:
        return f"{path} is damaged or not an SQLite database ({message})."
    if "locked" in message or "busy" in message:
        return f"{path} is in use by another program and stayed locked ({message})."
    if "readonly" in message or "unable to open" in message:
        return f"{path} cannot be opened for writing ({message})."
    return f"{path} cannot be used as a library ({message})."
