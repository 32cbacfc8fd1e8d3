"""``byline check`` on a team library: the checks of ``check.py`` that mean
something on PostgreSQL, in one read-only snapshot.

The server enforces references itself (no orphans can exist) and keeps its
own pages sound, so those two SQLite checks become: spans of the model
without their analysis, and the search index holding exactly the articles.
"""
from __future__ import annotations

from collections.abc import Sequence

import psycopg2

from desktop.store.check import (
    ROW_NAMES,
    CheckReport,
    CheckResult,
    Finding,
    _articles,
    _check_schema,
    _counts,
    _spans,
)
from desktop.store.engines import describe, translate


class _Connection:
    """What the shared checks call on a connection: ``execute`` → rows."""

    def __init__(self, con: object) -> None:
        self._con = con

    def execute(self, sql: str, params: Sequence[object] = ()) -> object:
        cursor = self._con.cursor()  # type: ignore[attr-defined]
        cursor.execute(translate(sql), tuple(params))
        return cursor


def check_team_library(url: str) -> CheckReport:
    report = CheckReport(describe(url))  # type: ignore[arg-type]
    opened = CheckResult("Team library")
    report.results.append(opened)
    try:
        raw = psycopg2.connect(url)
    except psycopg2.Error as exc:
        opened.add(Finding(f"{describe(url)} cannot be reached ({' '.join(str(exc).split())})."))
        return report
    try:
        raw.set_session(isolation_level="REPEATABLE READ", readonly=True)
        con = _Connection(raw)
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
        report.schema = 0
        if "byline_schema" in tables:
            report.schema = con.execute("SELECT version FROM byline_schema").fetchone()[0]
        if not _check_schema(report.schema, tables, opened):
            return report
        report.counts = _counts(con, tables)  # type: ignore[arg-type]
        _run(report, "References between rows (model spans have their analysis)", _model_spans, con)
        lengths: dict[int, tuple[int, str]] = {}
        checksums = _run(report, "Article checksums (SHA-256)", _articles, con, lengths)
        report.results.remove(checksums)
        _run(report, "Spans inside their article's text", _spans, con, tables, lengths)
        report.results.append(checksums)
        _run(report, "Search index", _search_index, con)
    finally:
        raw.close()
    return report


def _run(report: CheckReport, name: str, check: object, *args: object) -> CheckResult:
    result = CheckResult(name)
    report.results.append(result)
    try:
        check(result, *args)  # type: ignore[operator]
    except psycopg2.Error as exc:
        result.add(Finding(f"PostgreSQL could not finish this check ({' '.join(str(exc).split())})."))
    return result


def _model_spans(result: CheckResult, con: _Connection) -> None:
    for table in ("entity", "quote"):
        for row_id, article_id in con.execute(  # type: ignore[attr-defined]
            f"""SELECT s.id, s.article_id FROM "{table}" s WHERE s.origin = 'model' AND NOT EXISTS
                (SELECT 1 FROM analysis a WHERE a.article_id = s.article_id)"""
        ):
            result.add(Finding(
                f"{ROW_NAMES[table]} {row_id} of article {article_id} was found by the model, "
                "but the article has no analysis record.", table, row_id, article_id))


def _search_index(result: CheckResult, con: _Connection) -> None:
    for (article_id,) in con.execute(  # type: ignore[attr-defined]
        "SELECT id FROM article EXCEPT SELECT article_id FROM article_fts"
    ):
        result.add(Finding(f"article {article_id} is missing from the search index.", "article", article_id))
