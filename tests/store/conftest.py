"""The store tests run on both engines: a SQLite file and a PostgreSQL
team library on the session's throwaway server.  The library-wide views'
tests use a library of shared-corpus articles."""
from __future__ import annotations

import pytest

from tests.corpus_library import corpus_library, corpus_template  # noqa: F401


@pytest.fixture(params=["sqlite", "postgresql"])
def library(request: pytest.FixtureRequest, tmp_path):
    """An empty, open library: a temporary file, or a fresh team library."""
    from desktop.store.database import close_library, open_library

    if request.param == "sqlite":
        location = tmp_path / "library.sqlite3"
    else:
        location = request.getfixturevalue("pg_url")
    open_library(location)
    yield location
    close_library()


@pytest.fixture()
def sqlite_library(tmp_path):
    from desktop.store.database import close_library, open_library

    path = tmp_path / "library.sqlite3"
    open_library(path)
    yield path
    close_library()
