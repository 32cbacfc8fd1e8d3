"""Shared fixtures: no test touches the user's real library or settings."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.pg import own_server, pg_server, pg_url  # noqa: F401  (fixtures)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "2022-02-08-putin-macron-moscow.txt"


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("BYLINE_DB", raising=False)
    monkeypatch.delenv("BYLINE_MODEL", raising=False)


@pytest.fixture()
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture()
def library(tmp_path: Path):
    """An empty, open library in a temporary file."""
    from desktop.store.database import close_library, open_library

    path = tmp_path / "library.sqlite3"
    open_library(path)
    yield path
    close_library()
