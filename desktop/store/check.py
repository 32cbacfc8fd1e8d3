"""Checking a library: is everything in it still sound?

``check_library(path)`` reads the file through its own read-only
connection, in one snapshot, and never changes it: it works on a library
another process is using, on a read-only one, and on one too damaged to
open normally.  The report lists each check with its findings in plain
words, for ``byline check`` and the Check library dialog.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.text import sha256, shorten
from desktop.store.backup import SQLITE_MAGIC, connect_read_only, header_problem
from desktop.store.expected_schema import schema_problems
from desktop.store.migrations import SCHEMA_VERSION

# At most this many findings are listed per check; the rest are counted.
LIMIT = 200

# What users call the rows of each table.
ROW_NAMES = {
    "article": "article",
    "analysis": "analysis record",
    "entity": "entity",
    "quote": "quote",
    "tag": "tag",
    "annotation": "highlight",
    "annotation_tag": "tag link of a highlight",
    "rejection": "removed model span",
    "entity_rule": "entity rule",
    "article_actor": "actor of an article",
    "article_quote": "quote of an article's summary",
    "actor_rule": "actor rule",
}
# (table, what, span columns): every span that must lie inside its article.
SPANS = (
    ("entity", "entity", (("start", "end"),)),
    (
        "quote",
        "quote",
        (("start", "end"), ("cue_start", "cue_end"), ("speaker_start", "speaker_end")),
    ),
    ("annotation", "highlight", (("start", "end"),)),
    ("rejection", "removed model span", (("start", "end"),)),
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, as a sentence, with the row it is about when there is one."""

    message: str
    table: str | None = None
    row_id: int | None = None
    article_id: int | None = None


@dataclass(slots=True)
class CheckResult:
    name: str
    findings: list[Finding] = field(default_factory=list)
    more: int = 0  # findings beyond LIMIT, not listed
    skipped: str | None = None  # why the check could not run

    @property
    def ok(self) -> bool:
        return not self.findings and self.skipped is None

    def add(self, finding: Finding) -> None:
        if len(self.findings) < LIMIT:
            self.findings.append(finding)
        else:
            self.more += 1

    @property
    def problem_count(self) -> int:
        return len(self.findings) + self.more


@dataclass(slots=True)
class CheckReport:
    path: Path
    schema: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    results: list[CheckResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.results) and all(r.ok for r in self.results)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def problem_count(self) -> int:
        return sum(r.problem_count + (r.skipped is not None) for r in self.results)

    def headline(self) -> str:
        if self.ok:
            return "All is well: every check passed."
        n = self.problem_count
        return f"{n} problem{'s' if n != 1 else ''} found."

    def lines(self) -> list[str]:
        """The report as plain text lines, as ``byline check`` prints it."""
        out = [f"Library: {self.path}"]
        if self.counts:
            out.append(
                "Holds " + ", ".join(_count(n, what) for what, n in self.counts.items()) + "."
            )
        for result in self.results:
            if result.skipped is not None:
                out.append(f"[!!] {result.name}: not checked: {result.skipped}")
                continue
            if result.ok:
                out.append(f"[ok] {result.name}")
                continue
            n = result.problem_count
            out.append(f"[!!] {result.name}: {n} problem{'s' if n != 1 else ''}")
            out += [f"     - {f.message}" for f in result.findings]
            if result.more:
                out.append(f"     … and {result.more} more.")
        out.append(self.headline())
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


def _count(n: int, what: str) -> str:
    singular = {
        "articles": "article",
        "entities": "entity",
        "quotes": "quote",
        "highlights": "highlight",
        "tags": "tag",
    }
    return f"{n} {singular.get(what, what) if n == 1 else what}"


def check_library(path: Path | str) -> CheckReport:
    """Run every check on the library file at ``path`` (or the team library
    at a ``postgresql://`` URL: ``pg_check.py``)."""
    if isinstance(path, str) and path.startswith(("postgresql://", "postgres://")):
        from desktop.store.pg_check import check_team_library

        return check_team_library(path)
    path = Path(path)
    report = CheckReport(path)
    opened = CheckResult("Library file")
    report.results.append(opened)
    con = _open(path, opened)
    if con is None:
        return report
    try:
        con.isolation_level = None
        con.execute("BEGIN")  # one snapshot for every check
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        report.schema = con.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        opened.add(Finding(f"{path} cannot be read ({exc}); it is damaged."))
        con.close()
        return report
    try:
        byline = _check_schema(report.schema, tables, opened)
        if byline:
            for problem in schema_problems(con, report.schema):
                opened.add(Finding(problem))
        _run(report, "Database integrity (SQLite's integrity_check)", _integrity, con)
        _run(report, "References between rows (no orphaned rows)", _foreign_keys, con, tables)
        if byline:
            report.counts = _counts(con, tables)
            lengths: dict[int, tuple[int, str]] = {}
            checksums = _run(report, "Article checksums (SHA-256)", _articles, con, lengths)
            report.results.remove(checksums)  # listed after the spans, which need the lengths
            _run(report, "Spans inside their article's text", _spans, con, tables, lengths)
            report.results.append(checksums)
            if "article_fts" in tables and "article_fts_docsize" in tables:
                _run(report, "Search index", _search_index, con, path)
        con.execute("ROLLBACK")
    except sqlite3.DatabaseError as exc:
        report.results.append(
            CheckResult(
                "Reading the library",
                [Finding(f"the library could not be read to the end ({exc}); it is damaged.")],
            )
        )
    finally:
        con.close()
    return report


def _run(report: CheckReport, name: str, check: Callable[..., None], *args: object) -> CheckResult:
    """Run one check; a library too damaged to finish it gets that as its finding."""
    result = CheckResult(name)
    report.results.append(result)
    try:
        check(result, *args)
    except sqlite3.DatabaseError as exc:
        result.add(Finding(f"SQLite could not finish this check ({exc}): the library is damaged."))
    return result


def _open(path: Path, result: CheckResult) -> sqlite3.Connection | None:
    if not path.exists():
        result.add(Finding(f"there is no library at {path}."))
        return None
    if path.is_dir():
        result.add(Finding(f"{path} is a folder, not a library file."))
        return None
    with path.open("rb") as handle:
        header = handle.read(100)
    if header[:16] != SQLITE_MAGIC:
        what = "it is empty" if not header else "it is not an SQLite database"
        result.add(Finding(f"{path} is not a Byline library ({what})."))
        return None
    problem = header_problem(header, path.stat().st_size)
    if problem is not None:  # what opening the library refuses, check reports
        result.add(Finding(f"{path} is damaged: {problem}."))
    try:
        return connect_read_only(path)
    except sqlite3.DatabaseError as exc:
        result.add(Finding(f"{path} cannot be opened ({exc}); it is damaged."))
        return None


def _check_schema(version: int, tables: set[str], result: CheckResult) -> bool:
    """Whether the tables are Byline's, of a schema this Byline knows."""
    if version > SCHEMA_VERSION:
        result.add(
            Finding(
                f"the library was made by a newer Byline (schema {version}, this one knows "
                f"{SCHEMA_VERSION}); only its integrity and references were checked."
            )
        )
        return False
    if version < 1 or "article" not in tables:
        result.add(Finding("the file is an SQLite database but not a Byline library."))
        return False
    return True


def _integrity(result: CheckResult, con: sqlite3.Connection) -> None:
    rows = [r[0] for r in con.execute(f"PRAGMA integrity_check({LIMIT})")]
    if rows != ["ok"]:
        for message in rows:
            result.add(Finding(f"SQLite reports: {message}"))


def _foreign_keys(result: CheckResult, con: sqlite3.Connection, tables: set[str]) -> None:
    """Rows that point to rows that do not exist: orphans left behind."""
    for table, rowid, parent, fkid in con.execute("PRAGMA foreign_key_check"):
        column = _fk_column(con, table, fkid)
        target = None
        if rowid is not None and column is not None:
            target = con.execute(
                f'SELECT "{column}" FROM "{table}" WHERE rowid = ?', (rowid,)
            ).fetchone()
        what = ROW_NAMES.get(table, f"row of {table}")
        ref = f" {target[0]}" if target else ""
        result.add(
            Finding(
                f"{what} {rowid} points to {ROW_NAMES.get(parent, parent)}{ref}, "
                "which does not exist.",
                table,
                rowid,
            )
        )
    # Spans of the model without the analysis they came from.
    if "analysis" in tables:
        for table in ("entity", "quote"):
            if table not in tables:
                continue
            for row_id, article_id in con.execute(
                f"""SELECT s.id, s.article_id FROM "{table}" s
                    WHERE s.origin = 'model' AND NOT EXISTS
                    (SELECT 1 FROM analysis a WHERE a.article_id = s.article_id)"""
            ):
                result.add(
                    Finding(
                        f"{ROW_NAMES[table]} {row_id} of article {article_id} "
                        "was found by the model, "
                        "but the article has no analysis record.",
                        table,
                        row_id,
                        article_id,
                    )
                )


def _fk_column(con: sqlite3.Connection, table: str, fkid: int) -> str | None:
    for row in con.execute(f'PRAGMA foreign_key_list("{table}")'):
        if row[0] == fkid:
            return row[3]
    return None


def _counts(con: sqlite3.Connection, tables: set[str]) -> dict[str, int]:
    """How much the library holds, for the report's first lines (what cannot
    be counted is left out: the checks say why)."""
    counts = {}
    for table, label in (
        ("article", "articles"),
        ("analysis", "analysed"),
        ("entity", "entities"),
        ("quote", "quotes"),
        ("annotation", "highlights"),
        ("tag", "tags"),
    ):
        if table in tables:
            try:
                counts[label] = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            except sqlite3.DatabaseError:
                continue
    return counts


def _articles(
    result: CheckResult, con: sqlite3.Connection, lengths: dict[int, tuple[int, str]]
) -> None:
    """Check each article's SHA-256; note its text's length and label by id."""
    for article_id, title, text, digest in con.execute(
        "SELECT id, title, text, sha256 FROM article"
    ):
        label = f"article {article_id} “{shorten(str(title or ''), 50)}”"
        if not isinstance(text, str):
            result.add(
                Finding(
                    f"{label}: its text is not stored as text.", "article", article_id, article_id
                )
            )
            continue
        lengths[article_id] = (len(text), label)
        if sha256(text) != digest:
            result.add(
                Finding(
                    f"{label}: its text no longer matches the SHA-256 recorded when it was "
                    "imported (it was changed outside Byline, or damaged); its spans may point "
                    "to the wrong words.",
                    "article",
                    article_id,
                    article_id,
                )
            )


def _spans(
    result: CheckResult,
    con: sqlite3.Connection,
    tables: set[str],
    lengths: dict[int, tuple[int, str]],
) -> None:
    for table, what, pairs in SPANS:
        if table not in tables:
            continue
        columns = ", ".join(f'"{c}"' for pair in pairs for c in pair)
        for row in con.execute(f'SELECT id, article_id, {columns} FROM "{table}"'):
            row_id, article_id, values = row[0], row[1], row[2:]
            if article_id not in lengths:
                continue  # no such article: the references check reports it
            length, label = lengths[article_id]
            for (start_col, _), start, end in zip(pairs, values[::2], values[1::2], strict=True):
                problem = _span_problem(start, end, length, optional=start_col != "start")
                if problem:
                    part = "" if start_col == "start" else f"'s {start_col.removesuffix('_start')}"
                    result.add(
                        Finding(
                            f"{what} {row_id}{part} in {label} {problem}.",
                            table,
                            row_id,
                            article_id,
                        )
                    )


def _span_problem(start: object, end: object, length: int, optional: bool) -> str | None:
    if start is None and end is None and optional:
        return None
    if not isinstance(start, int) or not isinstance(end, int):
        return f"has no proper offsets ({start!r}, {end!r})"
    if start < 0 or end <= start:
        return f"runs from {start} to {end}, which is no range of characters"
    if end > length:
        return f"runs from {start} to {end}, past the end of the text ({length} characters)"
    return None


def _search_index(result: CheckResult, con: sqlite3.Connection, path: Path) -> None:
    """The full-text index holds exactly the articles, and FTS5's own
    integrity check passes."""
    problem = _fts_integrity(con, path)
    if problem is not None:
        result.add(Finding(f"the search index is damaged ({problem}); searches may miss articles."))
    for (article_id,) in con.execute(
        "SELECT id FROM article EXCEPT SELECT id FROM article_fts_docsize"
    ):
        result.add(
            Finding(
                f"article {article_id} is missing from the search index.", "article", article_id
            )
        )
    for (doc_id,) in con.execute(
        "SELECT id FROM article_fts_docsize EXCEPT SELECT id FROM article"
    ):
        result.add(Finding(f"the search index holds article {doc_id}, which no longer exists."))


# The FTS5 integrity check is an INSERT, which a read-only connection may not
# run: it runs on an in-memory copy of the snapshot, up to this size.
FTS_COPY_LIMIT = 1 << 30


def _fts_integrity(con: sqlite3.Connection, path: Path) -> str | None:
    if path.stat().st_size > FTS_COPY_LIMIT:
        return None  # the row-level comparison below still runs
    copy = sqlite3.connect(":memory:")
    try:
        con.backup(copy)
        copy.execute("INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        copy.close()
    return None
