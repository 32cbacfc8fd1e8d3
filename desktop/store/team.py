"""A team library's roles and rules, made by ``byline init-team``.

- ``byline_coder``: every coder's group.  Coders read everything, import
  and analyse articles, and add highlights and notes; row-level security
  lets each change only the highlights whose ``author`` is their own role,
  so not even ``psql`` under their login reaches another coder's work.
- ``byline_editor`` (a coder too): may change the codebook (tags) and the
  library-wide rules (entity and actor rules), which other coders only read,
  and delete articles (with everyone's highlights on them).

The role running ``init-team`` owns the tables (it is not bound by the
row rules: it is the one that copies a library in).  Running it again, after
an upgrade, applies the migrations and grants anew.
"""
from __future__ import annotations

import re

import peewee as pw

from desktop.core.errors import StoreError
from desktop.store import pg_notify

CODER, EDITOR = "byline_coder", "byline_editor"
# What only editors change; everything else coders may write.
EDITOR_TABLES = ("tag", "entity_rule", "actor_rule")
_ROLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")


def init_team(database: pw.Database, coders: list[str] = (), editors: list[str] = ()) -> None:  # type: ignore[assignment]
    """Roles, grants and row rules on the open (migrated) team library;
    then the given coders and editors as login roles."""
    with database.atomic():
        for role in (CODER, EDITOR):
            if not _role_exists(database, role):
                database.execute_sql(f"CREATE ROLE {role} NOLOGIN")
        database.execute_sql(f"GRANT {CODER} TO {EDITOR}")
        tables = _tables(database)
        database.execute_sql(f"GRANT USAGE ON SCHEMA {_schema(database)} TO {CODER}")
        database.execute_sql(f"GRANT CONNECT ON DATABASE {_quoted(_dbname(database))} TO {CODER}")
        for table in tables:
            database.execute_sql(f'GRANT SELECT ON "{table}" TO {CODER}')
            writer = EDITOR if table in EDITOR_TABLES else CODER
            if table == "article":
                # Deleting an article takes every coder's highlights with it
                # (the cascade is not bound by the row rules): editors only.
                database.execute_sql(f'GRANT INSERT, UPDATE ON "{table}" TO {CODER}')
                database.execute_sql(f'GRANT DELETE ON "{table}" TO {EDITOR}')
            elif table != "byline_schema":
                database.execute_sql(f'GRANT INSERT, UPDATE, DELETE ON "{table}" TO {writer}')
        database.execute_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_schema(database)} TO {CODER}")
        _row_rules(database)
        pg_notify.install(database)
        for name in coders:
            add_coder(database, name, editor=False)
        for name in editors:
            add_coder(database, name, editor=True)


def _row_rules(database: pw.Database) -> None:
    """Each coder changes only their own highlights (and their tags) and
    their own corrections; the model's spans any analysing coder replaces."""
    mine = "author = current_user"
    own_parent = "EXISTS (SELECT 1 FROM annotation a WHERE a.id = annotation_id AND a.author = current_user)"
    own_correction = "origin = 'model' OR coder = current_user"
    for table, condition in (("annotation", mine), ("annotation_tag", own_parent), ("entity", own_correction),
                             ("quote", own_correction), ("rejection", "coder = current_user")):
        database.execute_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for policy in ("read", "add", "change", "remove"):
            database.execute_sql(f"DROP POLICY IF EXISTS {table}_{policy} ON {table}")
        database.execute_sql(f"CREATE POLICY {table}_read ON {table} FOR SELECT USING (true)")
        database.execute_sql(f"CREATE POLICY {table}_add ON {table} FOR INSERT WITH CHECK ({condition})")
        database.execute_sql(
            f"CREATE POLICY {table}_change ON {table} FOR UPDATE USING ({condition}) WITH CHECK ({condition})"
        )
        database.execute_sql(f"CREATE POLICY {table}_remove ON {table} FOR DELETE USING ({condition})")


def add_coder(database: pw.Database, name: str, editor: bool = False) -> None:
    """A login role for a coder (its password is set apart, e.g. psql's
    ``\\password``: Byline never sees it)."""
    if not _ROLE_NAME.match(name):
        raise StoreError(f"'{name}' cannot be a coder's name: use letters, digits, _ . @ or -.")
    if not _role_exists(database, name):
        database.execute_sql(f"CREATE ROLE {_quoted(name)} LOGIN")
    database.execute_sql(f"GRANT {EDITOR if editor else CODER} TO {_quoted(name)}")


def current_coder(database: pw.Database) -> str:
    name = getattr(database, "_byline_coder", None)
    if name is None:
        name = database.execute_sql("SELECT current_user").fetchone()[0]
        database._byline_coder = name  # type: ignore[attr-defined]
    return name


def _role_exists(database: pw.Database, name: str) -> bool:
    return bool(database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = ?", (name,)).fetchone())


def _tables(database: pw.Database) -> list[str]:
    rows = database.execute_sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    ).fetchall()
    return [r[0] for r in rows]


def _schema(database: pw.Database) -> str:
    return _quoted(database.execute_sql("SELECT current_schema()").fetchone()[0])


def _dbname(database: pw.Database) -> str:
    return database.execute_sql("SELECT current_database()").fetchone()[0]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def is_coder(database: pw.Database) -> bool:
    """Whether the login is bound by the coders' row rules (the library's
    owner, who copies libraries in, is not).  Asked once per opened library:
    a login's roles do not change while it works."""
    cached = getattr(database, "_byline_is_coder", None)
    if cached is not None:
        return cached
    row = database.execute_sql(
        """SELECT pg_has_role(current_user, r.oid, 'MEMBER')
                  AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = 'annotation'
                                  AND pg_get_userbyid(c.relowner) = current_user)
           FROM pg_roles r WHERE r.rolname = ?""",
        (CODER,),
    ).fetchone()
    database._byline_is_coder = bool(row and row[0])  # type: ignore[attr-defined]
    return database._byline_is_coder  # type: ignore[attr-defined]


def check_own(database: pw.Database, author: str) -> None:
    """Refuse, with one sentence, to change another coder's highlight (the
    database would silently change nothing)."""
    if is_coder(database) and author != current_coder(database):
        raise TeamPermissionError(
            f"this highlight is {author or 'nobody'}'s: you can change only your own highlights."
        )


class TeamPermissionError(StoreError):
    """The coder's role may not make this change; nothing was changed."""
