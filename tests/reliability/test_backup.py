"""Backups with SQLite's backup API: by hand, daily, kept five; restore."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from desktop.cli import main
from desktop.core.errors import StoreError
from desktop.store.backup import (
    KEEP,
    backup_library,
    backup_time,
    daily_backup,
    list_backups,
    restore_library,
)
from desktop.store.database import close_library, open_library
from tests.reliability.conftest import digest


def highlights(path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM annotation").fetchone()[0]
    finally:
        con.close()


def add_highlight(path) -> None:
    from desktop.core.model import Annotation
    from desktop.store.annotations import add_annotation

    open_library(path)
    add_annotation(1, Annotation(16, 31, ["Opinion"]))
    close_library()


def test_backup_is_a_complete_copy_even_while_the_library_is_open(filled):
    open_library(filled)  # in use, with a WAL file
    try:
        saved = backup_library(filled)
    finally:
        close_library()
    assert saved.parent == filled.parent / "backups"
    assert saved.name.startswith("library-") and saved.name.endswith("-manual.sqlite3")
    assert not (saved.parent / (saved.name + "-wal")).exists()
    assert highlights(saved) == 1
    assert sqlite3.connect(saved).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_only_the_newest_five_are_kept(filled):
    made = [backup_library(filled) for _ in range(KEEP + 3)]
    assert list_backups(filled) == made[-KEEP:]


def test_daily_backup_once_a_day(filled):
    first = daily_backup(filled)
    assert first is not None and first.name.endswith("-daily.sqlite3")
    assert daily_backup(filled) is None
    tomorrow = backup_time(first) + timedelta(hours=25)
    assert daily_backup(filled, now=tomorrow) is not None
    assert daily_backup(filled.parent / "none.sqlite3") is None


def test_restore_brings_the_backup_back_and_keeps_the_current_library(filled):
    saved = backup_library(filled)
    add_highlight(filled)
    assert highlights(filled) == 2
    kept = restore_library(saved, filled)
    assert highlights(filled) == 1
    assert (
        kept is not None and kept.name.endswith("-before-restore.sqlite3") and highlights(kept) == 2
    )
    open_library(filled)  # the restored library is usable
    close_library()


def test_restore_into_a_library_open_in_another_connection(filled):
    saved = backup_library(filled)
    add_highlight(filled)
    open_library(filled)
    try:
        restore_library(saved, filled)
        from desktop.store.models import AnnotationRow

        assert AnnotationRow.select().count() == 1  # the open connection sees the restored content
    finally:
        close_library()


@pytest.mark.parametrize("content", [b"not a library at all", b""])
def test_restore_refuses_what_is_not_a_sound_library(filled, tmp_path, content):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    before = digest(filled)
    with pytest.raises(StoreError, match="not a Byline library|not an SQLite"):
        restore_library(bad, filled)
    assert digest(filled) == before
    assert list_backups(filled) == []


def test_restore_refuses_a_damaged_backup(filled, tmp_path):
    saved = backup_library(filled, tmp_path / "copy.sqlite3")
    data = bytearray(saved.read_bytes())
    data[4096 * 2 : 4096 * 3] = b"\x00" * 4096
    saved.write_bytes(bytes(data))
    before = digest(filled)
    with pytest.raises(StoreError, match="damaged"):
        restore_library(saved, filled)
    assert digest(filled) == before


def test_restore_replaces_a_damaged_library_and_keeps_its_bytes(filled):
    saved = backup_library(filled)
    garbage = b"SQLite format 3\x00" + b"\xff" * 8000
    filled.write_bytes(garbage)
    kept = restore_library(saved, filled)
    assert kept.name.endswith("-damaged.sqlite3") and kept.read_bytes() == garbage
    assert highlights(filled) == 1


def test_backup_and_restore_commands(filled, tmp_path, capsys):
    out = tmp_path / "mine.sqlite3"
    assert main(["backup", "--db", str(filled), "-o", str(out)]) == 0
    assert f"to {out}" in capsys.readouterr().out
    add_highlight(filled)
    assert main(["restore", str(out), "--db", str(filled)]) == 0
    printed = capsys.readouterr().out
    assert "Restored" in printed and "kept in" in printed
    assert highlights(filled) == 1
    assert main(["restore", str(tmp_path / "missing.sqlite3"), "--db", str(filled)]) == 2
    assert "there is no file" in capsys.readouterr().err


def test_backup_names_sort_by_time(filled):
    saved = backup_library(filled)
    when = backup_time(saved)
    assert when is not None and abs(datetime.now(UTC) - when) < timedelta(minutes=1)


def test_two_libraries_in_one_folder_keep_their_own_backups(filled):
    other = filled.with_name("library-old.sqlite3")
    other.write_bytes(filled.read_bytes())
    mine = [backup_library(filled) for _ in range(3)]
    theirs = [backup_library(other) for _ in range(KEEP + 1)]
    assert list_backups(filled) == mine
    assert list_backups(other) == theirs[-KEEP:]
