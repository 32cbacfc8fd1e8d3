"""Opening a team library: a PostgreSQL database, migrated like a file."""
from __future__ import annotations

import peewee as pw

from desktop.core.errors import StoreError
from desktop.store.engines import OfflineError, TeamDatabase, connect_team, describe
from desktop.store.migrations import SCHEMA_VERSION, migrate, schema_version
from desktop.store.models import db


def open_team_library(url: str) -> TeamDatabase:
    """Connect to the team library at ``url``, migrate it, bind the models.

    Raises StoreError with one sentence when the server cannot be reached,
    refuses the login, or holds a library of a newer Byline."""
    database = connect_team(url)
    db.initialize(database)
    try:
        database.connect(reuse_if_open=True)
        with database.atomic():
            version = schema_version(database)
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{describe(url)} was made by a newer Byline (schema {version}, this one knows "
                    f"{SCHEMA_VERSION}); update Byline to open it. It was left untouched."
                )
            if version < SCHEMA_VERSION:
                migrate(database)
    except OfflineError:
        raise
    except StoreError:
        database.close()
        raise
    except pw.DatabaseError as exc:
        database.close()
        message = " ".join(str(exc).split())
        if "permission denied" in message:
            raise StoreError(
                f"{describe(url)} needs its schema made or upgraded, which this login may not do "
                f"({message}); ask the library's owner to run `byline init-team {describe(url)}`."
            ) from exc
        raise StoreError(f"{describe(url)} cannot be used as a team library ({message}).") from exc
    return database
