"""Backups of the library with SQLite's online backup API.

A backup is a consistent copy taken while the library may be in use: the
backup API reads one snapshot and writes it to a temporary file, which is
renamed into place only once complete.  Backups live in ``backups/`` beside
the library, named ``<stem>-<UTC time>-<reason><suffix>``
(``library-20261127-210500Z-daily.sqlite3``); the newest five are kept.

Restoring also goes through the backup API, into the library itself: the
copy is written in one transaction, so the library is either the old one or
the restored one, never half of each, even if the process dies midway.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import struct
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.core.errors import StoreError
from desktop.store.migrations import SCHEMA_VERSION

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
KEEP = 5
DAILY = timedelta(hours=24)
SQLITE_MAGIC = b"SQLite format 3\x00"
_STAMP = "%Y%m%d-%H%M%SZ"
_NAME = re.compile(r"-(\d{8}-\d{6}Z)-[a-z0-9-]+$")


def backups_folder(library: Path) -> Path:
    return Path(library).parent / BACKUP_FOLDER


def list_backups(library: Path) -> list[Path]:
    """The library's backups in its backups folder, oldest first."""
    library = Path(library)
    folder = backups_folder(library)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{library.stem}-*{library.suffix}"):
        match = _NAME.search(path.name[: len(path.name) - len(library.suffix)])
        # "library-…" must not also collect "library-old-…": the stem is
        # followed directly by the time.
        if match and path.name[: match.start()] == library.stem and path.is_file():
            found.append((match.group(1), path.stat().st_mtime, path))
    return [path for *_, path in sorted(found)]


def newest_backup(library: Path) -> Path | None:
    backups = list_backups(library)
    return backups[-1] if backups else None


def backup_time(backup: Path) -> datetime | None:
    """When a backup in the backups folder was made (from its name)."""
    match = _NAME.search(backup.stem)
    if not match:
        return None
    return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)


def backup_library(library: Path, target: Path | None = None, reason: str = "manual") -> Path:
    """Copy ``library`` to ``target`` (default: a new file in its backups
    folder, after which only the newest KEEP are kept); return the copy.

    Raises StoreError when the library cannot be read or the copy written.
    """
    library = Path(library)
    if not library.is_file():
        raise StoreError(f"there is no library at {library} to back up.")
    if target is None:
        target = _new_backup_path(library, reason)
    elif target.is_dir():
        target = target / _backup_name(library, reason)
    if target.exists() and target.resolve() == library.resolve():
        raise StoreError(f"{target} is the library itself; choose another file for the backup.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot make the backup folder {target.parent} ({exc.strerror})."
        ) from exc
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        source = connect_read_only(library)
        try:
            copy = sqlite3.connect(tmp)
            try:
                source.backup(copy)
                # One self-contained file: no -wal or -shm beside a backup.
                copy.execute("PRAGMA journal_mode = DELETE")
            finally:
                copy.close()
        finally:
            source.close()
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise StoreError(f"{library} could not be backed up ({exc}).") from exc
    except OSError as exc:
        raise StoreError(f"the backup {target} could not be written ({exc.strerror}).") from exc
    finally:
        tmp.unlink(missing_ok=True)
    if target.parent == backups_folder(library):
        prune(library)
    return target


def daily_backup(library: Path, now: datetime | None = None) -> Path | None:
    """Back the library up unless a backup is less than a day old; for the
    app to call when it starts.  Returns the new backup, or None.

    Raises StoreError when the backup fails (the app shows it and goes on).
    """
    library = Path(library)
    if not library.is_file() or library.stat().st_size == 0:
        return None
    now = now or datetime.now(UTC)
    newest = newest_backup(library)
    made = backup_time(newest) if newest else None
    if made is not None and now - made < DAILY:
        return None
    return backup_library(library, reason="daily")


def prune(library: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups; return the deleted ones."""
    old = list_backups(library)[:-keep] if keep > 0 else list_backups(library)
    for path in old:
        path.unlink(missing_ok=True)
    return old


def inspect_library_file(path: Path) -> int:
    """The schema version of a file that is a sound Byline library.

    Raises StoreError saying why the file is not one: missing, not SQLite,
    damaged (``PRAGMA integrity_check``), made by a newer Byline, or an
    SQLite database of some other program.
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"there is no file {path}.")
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            raise StoreError(f"{path} is not a Byline library (it is not an SQLite database).")
    try:
        con = connect_read_only(path)
        try:
            problems = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path} is damaged ({exc}).") from exc
    if problems != ["ok"]:
        raise StoreError(f"{path} is damaged: {problems[0]}.")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was made by a newer Byline (schema {version}, "
            f"this one knows {SCHEMA_VERSION})."
        )
    if version < 1 or "article" not in tables:
        raise StoreError(f"{path} is an SQLite database but not a Byline library.")
    return version


def restore_library(source: Path, library: Path) -> Path | None:
    """Replace the library's content with that of the backup ``source``.

    The source must be a sound Byline library.  The current library, if
    any, is first backed up (reason "before-restore"); that backup is
    returned.  The copy goes through the backup API into the library file
    in one transaction, so other programs holding the library open see
    either the old or the restored content.
    """
    source, library = Path(source), Path(library)
    inspect_library_file(source)
    if library.exists() and source.resolve() == library.resolve():
        raise StoreError(f"{source} is the library itself; nothing to restore.")
    kept = _keep_current(library)
    try:
        library.parent.mkdir(parents=True, exist_ok=True)
        src = connect_read_only(source)
        try:
            if kept is not None and not _is_sound(library):
                _replace_damaged(src, library)
            else:
                dst = sqlite3.connect(library, timeout=10)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise StoreError(
            f"{library} could not be restored from {source} ({exc}); the library is unchanged."
        ) from exc
    except OSError as exc:
        raise StoreError(
            f"{library} could not be restored ({exc.strerror}); it is unchanged."
        ) from exc
    return kept


def header_problem(header: bytes, size: int) -> str | None:
    """What SQLite's 100-byte header says is wrong with a file of ``size``
    bytes (its size does not fit its page size, it is cut off), or None."""
    if len(header) < 100:
        return "the file is cut off inside its header"
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if page_size < 512 or page_size & (page_size - 1) or size % page_size:
        return "its size does not fit its page size"
    if valid_for == change_counter and pages and size < pages * page_size:
        return f"the file is truncated: {size} bytes of {pages * page_size}"
    return None


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (``mode=ro``).

    In a folder Byline may not write to, a WAL library without its ``-shm``
    file cannot be opened even read-only; it is then opened as immutable,
    which is safe there because no one can be writing it.
    """
    uri = Path(path).resolve().as_uri()
    try:
        con = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=10)
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError:
        if os.access(Path(path).parent, os.W_OK):
            raise
        return sqlite3.connect(f"{uri}?immutable=1", uri=True)


def _backup_name(library: Path, reason: str, when: datetime | None = None) -> str:
    stamp = (when or datetime.now(UTC)).strftime(_STAMP)
    return f"{library.stem}-{stamp}-{reason}{library.suffix}"


def _new_backup_path(library: Path, reason: str) -> Path:
    folder = backups_folder(library)
    when = datetime.now(UTC)
    target = folder / _backup_name(library, reason, when)
    n = 1
    while target.exists():  # two backups within one second
        n += 1
        target = folder / _backup_name(library, f"{reason}-{n}", when)
    return target


def _is_sound(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_MAGIC:
                return False
        con = connect_read_only(path)
        try:
            return con.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return False


def _keep_current(library: Path) -> Path | None:
    """Back up the library about to be replaced; a damaged one is copied
    byte for byte (with its -wal file), since the backup API cannot read it."""
    if not library.is_file() or library.stat().st_size == 0:
        return None
    if _is_sound(library):
        return backup_library(library, reason="before-restore")
    target = _new_backup_path(library, "damaged")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(library, target)
    wal = library.with_name(library.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, target.with_name(target.name + "-wal"))
    log.warning("%s is damaged; copied as it is to %s before restoring", library, target)
    return target


def _replace_damaged(src: sqlite3.Connection, library: Path) -> None:
    """A damaged library cannot receive a backup: write the copy beside it
    and rename it over the old file, dropping the old -wal and -shm (they
    would be replayed into the new file)."""
    tmp = library.with_name(f".{library.name}.{os.getpid()}.restore")
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
        for suffix in ("-wal", "-shm"):
            library.with_name(library.name + suffix).unlink(missing_ok=True)
        os.replace(tmp, library)
    finally:
        tmp.unlink(missing_ok=True)
