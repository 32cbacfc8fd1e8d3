"""What a team library announces: every change to highlights, their tags,
the codebook and the articles is sent on the ``byline`` channel with
PostgreSQL's NOTIFY (delivered when its transaction commits), for the open
windows of the other coders to refresh (``services/live.py`` listens).

Triggers only, no table: installed (again) with the schema by the
migrations and by ``byline init-team``.
"""
from __future__ import annotations

import peewee as pw

CHANNEL = "byline"
# table -> the expression of the article a row belongs to (NULL: library-wide)
WATCHED = {
    "annotation": "{row}.article_id",
    "annotation_tag": "(SELECT article_id FROM annotation WHERE id = {row}.annotation_id)",
    "tag": "NULL",
    "article": "{row}.id",
    "analysis": "{row}.article_id",
}


def install(db: pw.Database) -> None:
    for table, article in WATCHED.items():
        key = "{row}.id" if table != "annotation_tag" else "{row}.annotation_id"
        if table == "analysis":
            key = "{row}.article_id"
        payload = (
            "json_build_object('table', TG_TABLE_NAME, 'op', TG_OP, 'id', {key}, "
            "'article_id', {article}, 'coder', current_user)::text"
        )
        new = payload.format(key=key.format(row="NEW"), article=article.format(row="NEW"))
        old = payload.format(key=key.format(row="OLD"), article=article.format(row="OLD"))
        db.execute_sql(
            f"""CREATE OR REPLACE FUNCTION byline_notify_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    PERFORM pg_notify('{CHANNEL}', {old});
                ELSE
                    PERFORM pg_notify('{CHANNEL}', {new});
                END IF;
                RETURN NULL;
            END $$"""
        )
        db.execute_sql(f"DROP TRIGGER IF EXISTS byline_notify ON {table}")
        db.execute_sql(
            f"""CREATE TRIGGER byline_notify AFTER INSERT OR UPDATE OR DELETE ON {table}
                FOR EACH ROW EXECUTE FUNCTION byline_notify_{table}()"""
        )
