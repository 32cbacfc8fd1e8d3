"""Fixtures for the team-library tests: a throwaway PostgreSQL server for
the session and a fresh database per test.

``make test`` starts the server (``tests/pgserver.py``) and passes its
folder in ``BYLINE_TEST_PG_DIR``; a plain ``pytest`` run starts its own
and stops it at the end.  Never skipped: a test that needs PostgreSQL gets
one.
"""
from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest

from tests import pgserver

_numbers = itertools.count(1)
TEMPLATE = "byline_template"


class PgServer:
    def __init__(self, info: dict) -> None:
        self.info = info
        self._template_ready = False

    def url(self, dbname: str, user: str | None = None) -> str:
        return pgserver.url(self.info, dbname, user)

    def tcp_url(self, dbname: str, user: str | None = None) -> str:
        return f"postgresql://{user or self.info['user']}@127.0.0.1:{self.info['port']}/{dbname}"

    def sql(self, statement: str, dbname: str = "postgres", user: str | None = None,
            params: tuple = ()) -> list[tuple]:
        """Run one statement (autocommit) and return its rows."""
        con = psycopg2.connect(self.url(dbname, user))
        con.autocommit = True
        try:
            with con.cursor() as cur:
                cur.execute(statement, params or None)
                return cur.fetchall() if cur.description else []
        finally:
            con.close()

    def unique(self, prefix: str) -> str:
        """A name no other test of any run on this server uses (roles are
        server-wide)."""
        return f"{prefix}_{os.getpid()}_{next(_numbers)}"

    def new_database(self, migrated: bool = True) -> str:
        """A new, empty database's name (a copy of a migrated template)."""
        name = self.unique("byline")
        if migrated:
            self._ensure_template()
            self.sql(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE}')
        else:
            self.sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def _ensure_template(self) -> None:
        if self._template_ready:
            return
        from desktop.store.database import close_library, open_library

        exists = self.sql("SELECT 1 FROM pg_database WHERE datname = %s", params=(TEMPLATE,))
        if exists:
            self.sql(f"DROP DATABASE {TEMPLATE}")
        self.sql(f"CREATE DATABASE {TEMPLATE} TEMPLATE template0")
        open_library(self.url(TEMPLATE))
        close_library()
        self._template_ready = True


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    folder = os.environ.get("BYLINE_TEST_PG_DIR")
    if folder:
        yield PgServer(json.loads((Path(folder) / pgserver.INFO).read_text()))
        return
    folder_path, info = pgserver.start_temporary()
    try:
        yield PgServer(info)
    finally:
        pgserver.stop(folder_path)


@pytest.fixture()
def own_server() -> Iterator[tuple[Path, PgServer]]:
    """A server of the test's own, to stop and start (its folder, the server)."""
    folder, info = pgserver.start_temporary()
    try:
        yield folder, PgServer(info)
    finally:
        pgserver.stop(folder)


@pytest.fixture()
def pg_url(pg_server: PgServer) -> str:
    """The URL of a fresh, migrated team library (not opened)."""
    return pg_server.url(pg_server.new_database())
