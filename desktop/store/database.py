"""Opening the one library database: location, pragmas, migrations, locking.

Before anything touches the file, it is inspected read-only, so that a file
Byline cannot use (not SQLite, truncated, damaged, made by a newer Byline,
another program's database, or on a path Byline may not write) is refused
with one sentence and left exactly as it was.

Two Byline processes may share one library.  Every write transaction begins
with ``BEGIN IMMEDIATE``: it takes SQLite's write lock before reading, so a
writer waits its turn (``busy_timeout``) instead of failing when another
process committed in between; while the other keeps the lock longer than
that, the ``BEGIN`` is retried for a minute.  Only then is the change refused
(StoreError), never silently dropped.  Reads take no lock: opening a library
of the current schema and every query run in plain (deferred) transactions,
which WAL lets go on while another process writes.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw
from platformdirs import user_data_path
from playhouse.db_url import connect, parse

from desktop.core.errors import StoreError
from desktop.store.backup import (
    SQLITE_MAGIC,
    backup_library,
    connect_read_only,
    header_problem,
    newest_backup,
)
from desktop.store.engines import is_url, library_location
from desktop.store.migrations import SCHEMA_VERSION, migrate, schema_version
from desktop.store.models import db
from desktop.store.pg_library import open_team_library

log = logging.getLogger(__name__)

APP_NAME = "Byline"
DB_FILENAME = "library.sqlite3"
# busy_timeout first: the journal_mode change may have to wait for a lock.
PRAGMAS = {"busy_timeout": 10000, "journal_mode": "wal", "foreign_keys": 1}
# How long a write keeps asking for the lock another process holds.
WRITE_PATIENCE = 60.0


class LibraryError(StoreError):
    """The library file cannot be used; the sentence says what to do, and
    ``newest_backup`` is the backup the GUI can offer to restore."""

    def __init__(self, message: str, path: Path | None = None, newest: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.newest_backup = newest


class LibraryDatabase(pw.SqliteDatabase):
    """SQLite with write transactions that wait for the lock, then retry."""

    def __init__(self, database: str, **kwargs: object) -> None:
        kwargs.setdefault("lock_type", "IMMEDIATE")
        super().__init__(database, **kwargs)

    def begin(self, lock_type: str | None = None) -> None:
        deadline = time.monotonic() + WRITE_PATIENCE
        delay = 0.02
        while True:
            try:
                super().begin(lock_type)
                return
            except pw.OperationalError as exc:
                if not is_locked(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreError(
                        f"the library stayed locked by another program for {WRITE_PATIENCE:.0f} s; "
                        "the change was not saved, try it again."
                    ) from exc
                log.info("library locked by another process; retrying")
                time.sleep(delay)
                delay = min(delay * 2, 0.5)


def is_locked(exc: BaseException) -> bool:
    message = str(exc)
    return "locked" in message or "busy" in message


def default_path() -> Path | str:
    """``--db`` wins over ``BYLINE_DB``, which wins over the user data folder;
    a ``postgresql://`` URL (a team library) is returned as a string."""
    env = os.environ.get("BYLINE_DB")
    if env:
        return library_location(env)
    return own_library_path()


def own_library_path() -> Path:
    """The library in the user data folder (the one used when none is named)."""
    return user_data_path(APP_NAME, appauthor=False) / DB_FILENAME


def url_for(path: Path | str) -> str:
    text = str(path)
    if "://" in text:
        return text
    return "sqlite:///" + text if text != ":memory:" else "sqlite:///:memory:"


def open_library(path: Path | str | None = None) -> pw.Database:
    """Open (creating if needed) and migrate the library; bind the models.

    An existing library of an older schema is backed up before it is
    migrated.  Raises StoreError (a LibraryError for unusable files) with
    one sentence when the file is not a usable Byline library; the file is
    then left exactly as it was.
    """
    close_library()
    target = Path(path) if path is not None and "://" not in str(path) else path
    if target is None:
        target = default_path()
    if is_url(target):
        global _open_path
        _open_path = None
        return open_team_library(str(target))
    if isinstance(target, Path) and str(target) != ":memory:":
        with _no_sidecars_left_if_refused(target):
            version = inspect(target)
        if 0 < version < SCHEMA_VERSION:
            saved = backup_library(target, reason=f"before-schema-{SCHEMA_VERSION}")
            log.info("backed up %s to %s before migrating it", target, saved)
    database = _connect(target)
    db.initialize(database)
    _open_path = target if isinstance(target, Path) else None
    try:
        database.connect(reuse_if_open=True)
        # A library of the current schema is opened without a write lock, so
        # that opening (``byline list``, the window) never waits behind a
        # running import: WAL lets readers read while another writes.
        version = schema_version(database)
        if version > SCHEMA_VERSION:
            raise _newer(target, version)
        if version < SCHEMA_VERSION:
            # One transaction holding the write lock: of two processes opening
            # a new library at once, one migrates and the other then sees it done.
            with database.atomic():
                version = schema_version(database)
                if version > SCHEMA_VERSION:
                    raise _newer(target, version)
                migrate(database)
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        raise LibraryError(_explain(target, exc), _as_path(target), _newest(target)) from exc
    except StoreError:
        database.close()
        raise
    return database


@contextmanager
def _no_sidecars_left_if_refused(path: Path) -> Iterator[None]:
    """Reading a WAL library, even read-only, makes its ``-wal`` and ``-shm``
    files; when the library is then refused, those Byline made (empty of
    changes) are removed, so a refused file is left exactly as it was."""
    sidecars = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    existed = [p.exists() for p in sidecars]
    try:
        yield
    except StoreError:
        wal = sidecars[0]
        if not any(existed) and (not wal.exists() or wal.stat().st_size == 0):
            for sidecar in sidecars:
                if sidecar.is_file():
                    sidecar.unlink()
        raise


_open_path: Path | None = None


def library_path() -> Path | None:
    """The file of the library opened last (None for a URL or memory)."""
    return _open_path


def threads_can_write() -> bool:
    """Whether a worker thread may write the open library: it gets a
    connection of its own, which for an in-memory database would be
    another, empty database."""
    name = str(getattr(db.obj, "database", "") or "")
    return bool(name) and name != ":memory:" and "mode=memory" not in name


@contextmanager
def worker_connection() -> Iterator[None]:
    """Around a worker thread's use of the library: the thread's own
    connection is closed when it is done."""
    try:
        yield
    finally:
        if threads_can_write():
            db.close()


def close_library() -> None:
    current = db.obj
    if current is not None and not current.is_closed():
        current.close()


def inspect(path: Path) -> int:
    """The schema version of the library at ``path`` (0: none yet), read
    without changing the file; raises LibraryError when Byline cannot use it."""
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file.", path)
    if not path.exists():
        _check_creatable(path)
        return 0
    if path.stat().st_size == 0:
        _check_writable(path)
        return 0
    _check_header(path)
    try:
        con = connect_read_only(path)
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master")]
            # A migration rewrites tables: never on a damaged file.
            sound = (
                0 < version < SCHEMA_VERSION and con.execute("PRAGMA quick_check(1)").fetchone()[0]
            )
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        _check_writable(path)
        raise LibraryError(_explain(path, exc), path, _newest(path)) from exc
    if version > SCHEMA_VERSION:
        raise _newer(path, version)
    if sound not in (False, "ok"):
        found = " ".join(str(sound).split())
        raise _damaged(path, f"SQLite finds: {found}; it was not upgraded to this Byline's schema")
    if version == 0 and tables:
        raise LibraryError(
            f"{path} is an SQLite database of another program, not a Byline library; "
            "open a Byline library with --db, or give a new file name to start one.",
            path,
        )
    _check_writable(path)
    return version


def _connect(target: Path | str) -> pw.Database:
    url = url_for(target)
    if url.startswith("sqlite:///"):
        return LibraryDatabase(parse(url)["database"], pragmas=PRAGMAS)
    return connect(url, pragmas=PRAGMAS)


def _check_header(path: Path) -> None:
    """SQLite's own header says how long the file must be: a shorter one was
    cut off (a copy interrupted, a full disk) and would fail later, midway
    through someone's work."""
    with path.open("rb") as handle:
        header = handle.read(100)
    if header[:16] != SQLITE_MAGIC:
        raise LibraryError(
            f"{path} is not a Byline library (it is not an SQLite database). {_way_on(path)}",
            path,
            _newest(path),
        )
    problem = header_problem(header, path.stat().st_size)
    if problem is not None:
        raise _damaged(path, problem)


def _check_writable(path: Path) -> None:
    """Refuse a library Byline could not save to.

    Byline saves every highlight, note and correction as it is made; on a
    read-only library each of those would fail one by one, after the work
    was done.  So such a library is refused at once, with the ways on.
    (``byline check`` and ``byline backup`` read it without writing.)
    """
    folder = path.parent
    if os.access(path, os.W_OK) and os.access(folder, os.W_OK):
        return
    what = "the file" if not os.access(path, os.W_OK) else f"its folder {folder}"
    raise LibraryError(
        f"{path} is read-only ({what} cannot be written), and Byline saves every change "
        f"as you make it. Make it writable, or work on a copy: `byline backup --db {path} "
        "-o COPY.sqlite3`, then open the copy with --db COPY.sqlite3.",
        path,
    )


def _check_creatable(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryError(
            f"cannot create the library {path}: the folder cannot be made ({exc.strerror}); "
            "choose another file with --db.",
            path,
        ) from exc
    if not os.access(folder, os.W_OK):
        raise LibraryError(
            f"cannot create the library {path}: the folder {folder} is read-only; "
            "choose another file with --db.",
            path,
        )


def _newer(path: object, version: int) -> StoreError:
    return LibraryError(
        f"{path} was made by a newer Byline (schema {version}, this one knows "
        f"{SCHEMA_VERSION}); update Byline to open it. The file was left untouched.",
        _as_path(path),
    )


def _damaged(path: Path, detail: str) -> LibraryError:
    return LibraryError(f"{path} is damaged ({detail}). {_way_on(path)}", path, _newest(path))


def _way_on(path: object) -> str:
    """The sentence that tells the user what to do about a damaged library."""
    library = _as_path(path)
    if library is None:
        return "Open another library with --db."
    newest = newest_backup(library)
    if newest is None:
        return (
            "Open another library with --db, or restore a backup with `byline restore BACKUP "
            f"--db {library}` (there is no backup in {library.parent / 'backups'})."
        )
    return (
        "Open another library with --db, or restore a backup with `byline restore BACKUP "
        f"--db {library}`: the newest backup is {newest}."
    )


def _newest(path: object) -> Path | None:
    library = _as_path(path)
    return newest_backup(library) if library is not None else None


def _as_path(path: object) -> Path | None:
    if isinstance(path, Path) and str(path) != ":memory:":
        return path
    return None


def _explain(path: object, exc: Exception) -> str:
    message = str(exc)
    if "not a database" in message or "malformed" in message:
        return f"{path} is damaged or not an SQLite database ({message}). {_way_on(path)}"
    if "locked" in message or "busy" in message:
        return f"{path} is in use by another program and stayed locked ({message}); try again."
    if "readonly" in message or "unable to open" in message:
        return f"{path} cannot be opened for writing ({message}). {_way_on(path)}"
    return f"{path} cannot be used as a library ({message}). {_way_on(path)}"
