"""The two engines a library lives on: a local SQLite file (the default) and
a shared PostgreSQL server (a team library).

The store's queries are written once, with SQLite's ``?`` placeholders.  On
PostgreSQL a thin cursor turns them into psycopg2's ``%s`` (outside quoted
text) and runs ``executemany`` as batches, so every store module works on
both engines unchanged.  Passwords never pass through Byline: libpq reads
``PGPASSWORD`` and ``~/.pgpass`` itself.
"""
from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

import peewee as pw

from desktop.core.errors import StoreError

log = logging.getLogger(__name__)

PG_SCHEMES = ("postgresql://", "postgres://")


class OfflineError(StoreError):
    """The team library's server cannot be reached: nothing was written."""


def is_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(PG_SCHEMES)


def library_location(text: str) -> Path | str:
    """``--db`` and ``BYLINE_DB``: a PostgreSQL URL stays a string (a Path
    would fold its ``//``), anything else is a file path."""
    text = text.strip()
    if text.startswith(PG_SCHEMES):
        return text
    return Path(text).expanduser()


def is_postgres(database: object) -> bool:
    obj = getattr(database, "obj", database)  # a DatabaseProxy or a database
    return isinstance(obj, pw.PostgresqlDatabase)


def describe(url: str) -> str:
    """The URL without any password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return f"postgresql://{user}{host}{port}{parts.path}"


@functools.lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """SQLite-style ``?`` placeholders to psycopg2's ``%s``; a literal ``%``
    becomes ``%%``.  Quoted strings and identifiers are left alone.  SQLite's
    ``LIKE`` ignores case: on PostgreSQL it is ``ILIKE``.  (``COLLATE NOCASE``
    needs no change: the team schema has a ``nocase`` collation.)"""
    out: list[str] = []
    quote: str | None = None
    for ch in sql:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return _LIKE.sub("ILIKE", "".join(out))


_LIKE = re.compile(r"(?<![A-Za-z_])LIKE(?![A-Za-z_])")


class _Cursor:
    """A psycopg2 cursor that speaks the store's SQLite-flavoured SQL."""

    def __init__(self, cursor: object, url: str) -> None:
        self._cursor = cursor
        self._url = url

    def execute(self, sql: str, params: Sequence[object] = ()) -> _Cursor:
        try:
            self._cursor.execute(translate(sql), tuple(params or ()))  # type: ignore[attr-defined]
        except Exception as exc:
            if is_disconnect(exc):
                raise offline(self._url, exc) from exc
            if getattr(exc, "pgcode", None) == INSUFFICIENT_PRIVILEGE:
                raise refused(exc) from exc
            raise
        return self

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> _Cursor:
        from psycopg2.extras import execute_batch

        rows = [tuple(r) for r in rows]
        if rows:
            try:
                # One round trip per 500 rows instead of one per row.
                execute_batch(self._cursor, translate(sql), rows, page_size=500)
            except Exception as exc:
                if is_disconnect(exc):
                    raise offline(self._url, exc) from exc
                raise
        return self

    def __iter__(self):  # noqa: ANN204
        return iter(self._cursor)  # type: ignore[call-overload]

    def __getattr__(self, name: str) -> object:
        return getattr(self._cursor, name)


class TeamDatabase(pw.PostgresqlDatabase):
    """PostgreSQL for a team library: the store's SQL, clear offline errors,
    and a fresh connection after the server came back."""

    param = "?"

    def __init__(self, url: str, **kwargs: object) -> None:
        super().__init__(url, **kwargs)
        self.url = url

    def cursor(self, named_cursor: object = None) -> _Cursor:  # type: ignore[override]
        if not self.is_closed() and not self.in_transaction() and not self.is_connection_usable():
            # The connection broke (the server restarted, a network cut):
            # the next action starts again on a new one.
            log.info("reconnecting to %s", describe(self.url))
            self.close()
        try:
            return _Cursor(super().cursor(), self.url)
        except pw.OperationalError as exc:
            raise offline(self.url, exc) from exc

    def rollback(self) -> None:
        try:
            super().rollback()
        except (pw.InterfaceError, pw.OperationalError):
            if self.is_connection_usable():
                raise
            # The server dropped the connection, and the transaction with it.

    def connect(self, reuse_if_open: bool = False) -> bool:
        try:
            return super().connect(reuse_if_open)
        except pw.OperationalError as exc:
            raise offline(self.url, exc) from exc

    def close(self) -> bool:
        try:
            return super().close()
        except pw.InterfaceError:
            # Closing a connection the server already dropped.
            self._state.reset()
            return True


_DISCONNECT = re.compile(
    r"server closed the connection|terminating connection|connection already closed|"
    r"could not connect|connection refused|no connection to the server|"
    r"could not receive data|could not send data|SSL connection has been closed",
    re.I,
)


def is_disconnect(exc: BaseException) -> bool:
    return bool(_DISCONNECT.search(str(exc)))


def offline(url: str, exc: BaseException) -> StoreError:
    """The one sentence for a failed connection: offline, or refused."""
    message = " ".join(str(exc).split())
    if "password authentication failed" in message or "no password supplied" in message:
        return StoreError(
            f"the team library {describe(url)} refused the login ({message}); give the password "
            "in PGPASSWORD or ~/.pgpass."
        )
    if 'database "' in message and "does not exist" in message:
        return StoreError(
            f"the team library {describe(url)} does not exist on that server; create it with "
            f"`byline init-team {describe(url)}`."
        )
    return OfflineError(
        f"the team library {describe(url)} cannot be reached ({message}); nothing was saved. "
        "Byline reconnects when the server is back."
    )


INSUFFICIENT_PRIVILEGE = "42501"
_EDITOR_TABLES = re.compile(r'table "?(tag|entity_rule|actor_rule)"?(\W|$)')


def refused(exc: BaseException) -> StoreError:
    """The sentence for a change the coder's role may not make."""
    from desktop.store.team import TeamPermissionError

    message = " ".join(str(exc).split())
    if _EDITOR_TABLES.search(message):
        return TeamPermissionError(
            "the codebook and the library-wide rules are read-only for you: only coders with the "
            "byline_editor role change them. Nothing was changed."
        )
    if re.search(r'table "?article"?(\W|$)', message):
        return TeamPermissionError(
            "only coders with the byline_editor role delete articles (with everyone's highlights "
            "on them). Nothing was changed."
        )
    if "row-level security" in message:
        return TeamPermissionError("you can change only your own highlights and notes. Nothing was changed.")
    return TeamPermissionError(f"your login may not make this change ({message}). Nothing was changed.")


def connect_team(url: str) -> TeamDatabase:
    return TeamDatabase(url)
