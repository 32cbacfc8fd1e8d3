"""Libraries Byline cannot use are refused in one sentence, with a way on,
and left as they were; old ones are backed up, then upgraded."""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import pytest

from desktop.core.errors import StoreError
from desktop.store.backup import list_backups
from desktop.store.database import LibraryError, close_library, open_library
from desktop.store.migrations import SCHEMA_VERSION
from tests.reliability.conftest import digest

ROOT = Path(__file__).resolve().parents[2]


def byline(*args: str, user: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command line, as ``user`` when given (root tests become
    ``nobody``, through a system Python of the same version, since the
    venv's interpreter may live in root's home)."""
    python, env = sys.executable, dict(os.environ)
    if user is not None:
        python = f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}"
        if not os.access(python, os.X_OK):
            pytest.skip(f"no {python} to run as another user")
        env["PYTHONPATH"] = str(_code_for_anyone())

    def become() -> None:
        os.setgroups([])
        os.setgid(user)
        os.setuid(user)

    return subprocess.run(
        [python, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        preexec_fn=become if user is not None else None,
        cwd="/",
    )


def test_version_one_library_of_the_first_release_is_backed_up_and_upgraded(library_v1):
    from desktop.store.analyses import load_analysis
    from desktop.store.articles import get_article, list_articles
    from desktop.store.check import check_library

    open_library(library_v1)
    try:
        (summary,) = list_articles()
        article = get_article(summary.id)
        entities = load_analysis(summary.id).entities
        from desktop.store.models import db

        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        close_library()
    assert article.date == "2022-02-08" and article.text.startswith(
        "Emerging from a five-hour meeting"
    )
    assert len(entities) == 123
    assert {"Emmanuel Macron", "Moscow"} <= {article.text[e.start : e.end] for e in entities}
    (saved,) = list_backups(library_v1)
    assert saved.name.endswith(f"-before-schema-{SCHEMA_VERSION}.sqlite3")
    con = sqlite3.connect(saved)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM entity").fetchone()[0] == 123
    con.close()
    assert check_library(library_v1).ok


def test_upgraded_library_is_not_backed_up_again(library_v1):
    open_library(library_v1)
    close_library()
    open_library(library_v1)
    close_library()
    assert len(list_backups(library_v1)) == 1


def test_damaged_old_library_is_not_migrated(library_v1):
    data = bytearray(library_v1.read_bytes())
    data[4096 * 3 : 4096 * 4] = b"\x07" * 4096
    library_v1.write_bytes(bytes(data))
    before = digest(library_v1)
    with pytest.raises(LibraryError, match="damaged .*not upgraded"):
        open_library(library_v1)
    assert digest(library_v1) == before and list_backups(library_v1) == []


_CODE: Path | None = None


def _code_for_anyone() -> Path:
    """Byline and the packages its commands import, copied once into a
    folder any user may read: the checkout and the venv may live in a
    private folder (a clone in ``mktemp -d``, a venv in root's home)."""
    global _CODE
    if _CODE is not None:
        return _CODE
    probe = (
        "import sys, desktop.cli, desktop.commands.list_cmd, desktop.commands.check, "
        "desktop.commands.backup, desktop.store.database, desktop.store.check, "
        "desktop.store.library, desktop.store.search\n"
        "for m in list(sys.modules.values()):\n"
        "    f = getattr(m, '__file__', None)\n"
        "    if f: print(m.__name__.split('.')[0], f)"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout
    roots = {Path(p) for p in (sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"])}
    roots.add(ROOT)
    code = Path(tempfile.mkdtemp(prefix="byline-code-"))
    atexit.register(shutil.rmtree, code, True)
    for line in found.splitlines():
        top, file = line.split(" ", 1)
        source = Path(file)
        # The deepest root holding the file: the venv may live inside the
        # checkout (.venv), and a set's order is not fixed.
        base = max((r for r in roots if source.is_relative_to(r)), key=lambda r: len(r.parts), default=None)
        if base is None:
            continue  # the standard library: the other user's Python has its own
        item = base / top if (base / top).is_dir() else base / f"{top}.py"
        if item.exists() and not (code / item.name).exists():
            copy = shutil.copytree if item.is_dir() else shutil.copy2
            copy(item, code / item.name)
    if (ROOT / "resources").is_dir():
        shutil.copytree(ROOT / "resources", code / "resources")
    for folder in [code, *code.rglob("*")]:
        folder.chmod(0o755 if folder.is_dir() else 0o644)
    _CODE = code
    return code


def _only_the_library(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_newer_library_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "new.sqlite3"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = wal")
    con.execute("CREATE TABLE article (id INTEGER PRIMARY KEY)")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = digest(path)
    with pytest.raises(StoreError, match="newer Byline.*untouched"):
        open_library(path)
    assert digest(path) == before
    assert list_backups(path) == []
    assert _only_the_library(tmp_path) == ["new.sqlite3"]  # no -wal or -shm left beside it


def test_a_wal_database_of_another_program_gets_no_sidecar_files(tmp_path):
    path = tmp_path / "places.sqlite"
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = wal")
    con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    con.close()
    with pytest.raises(StoreError, match="another program"):
        open_library(path)
    assert _only_the_library(tmp_path) == ["places.sqlite"]


def test_database_of_another_program_is_refused(tmp_path):
    path = tmp_path / "places.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(StoreError, match="another program, not a Byline library"):
        open_library(path)
    assert digest(path) == before


@pytest.mark.parametrize("cut", ["header", "pages"])
def test_truncated_library_names_the_newest_backup(filled, cut):
    from desktop.store.backup import backup_library

    saved = backup_library(filled)
    data = filled.read_bytes()
    filled.write_bytes(data[:60] if cut == "header" else data[: len(data) // 2 // 4096 * 4096])
    with pytest.raises(LibraryError) as caught:
        open_library(filled)
    message = str(caught.value)
    assert "damaged" in message and "byline restore" in message and str(saved) in message
    assert caught.value.newest_backup == saved


def test_garbage_library_gets_a_sentence_and_exit_2_from_the_command_line(tmp_path):
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(os.urandom(8192))
    out = byline("list", "--db", str(path))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert out.stderr.startswith("byline: ") and "not an SQLite database" in out.stderr
    assert "--db" in out.stderr and "there is no backup" in out.stderr


def test_library_with_a_damaged_page_is_refused_or_reported(filled):
    """A page overwritten in the middle: opening may not notice, check does."""
    from desktop.store.check import check_library

    data = bytearray(filled.read_bytes())
    data[4096 * 2 : 4096 * 3] = b"\xff" * 4096
    filled.write_bytes(bytes(data))
    try:
        open_library(filled)
    except StoreError:
        pass
    finally:
        close_library()
    assert not check_library(filled).ok
    out = byline("check", "--db", str(filled))
    assert out.returncode == 1 and "Traceback" not in out.stderr + out.stdout


def test_read_only_library_is_refused_with_the_way_on(filled, monkeypatch):
    """Decision: Byline saves every change as it is made, so a library it
    cannot write is refused at once rather than failing edit by edit."""
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if mode == os.W_OK and Path(path) == filled:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    before = digest(filled)
    with pytest.raises(LibraryError, match="read-only .*byline backup --db"):
        open_library(filled)
    assert digest(filled) == before


@pytest.fixture()
def read_only_folder():
    """A library in a folder, both only readable by a user other than root
    (tests running as root become ``nobody`` to see them read-only)."""
    folder = Path(tempfile.mkdtemp(prefix="byline-ro-"))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_read_only_library_for_real(read_only_folder, filled):
    library = read_only_folder / "library.sqlite3"
    shutil.copyfile(filled, library)
    library.chmod(0o444)
    copies = read_only_folder / "copies"
    copies.mkdir(mode=0o777)
    copies.chmod(0o777)
    user = 65534 if os.geteuid() == 0 else None
    if user is None:
        read_only_folder.chmod(0o555)
    try:
        opened = byline("list", "--db", str(library), user=user)
        checked = byline("check", "--db", str(library), user=user)
        copied = byline(
            "backup", "--db", str(library), "-o", str(copies / "copy.sqlite3"), user=user
        )
    finally:
        read_only_folder.chmod(0o755)
    assert (
        opened.returncode == 2 and "read-only" in opened.stderr and "Traceback" not in opened.stderr
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert copied.returncode == 0, copied.stderr
    assert sqlite3.connect(copies / "copy.sqlite3").execute(
        "SELECT count(*) FROM annotation"
    ).fetchone() == (1,)


def test_library_in_a_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LibraryError, match="cannot create the library"):
        open_library(blocker / "sub" / "library.sqlite3")
