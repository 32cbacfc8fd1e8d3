"""Retrieved segments and the code matrix: the library's highlights by tag.

A segment is a highlight with its tags, note, coder (the highlight's
author), article and a little context.  The code matrix counts the
highlights of each tag per article, per source or per month.
"""
from __future__ import annotations

from desktop.core.corpus import ALL_SEGMENTS, NO_DATE, NO_SOURCE, CodeMatrix, Segment, SegmentFilter
from desktop.store.corpus_scope import scope_clause
from desktop.store.models import db

CONTEXT = 80  # characters of context each side
BY = ("article", "source", "month")


def _where(f: SegmentFilter) -> tuple[str, list[object]]:
    clause, params = scope_clause(f.scope)
    parts = [clause]
    if f.tags:
        marks = ", ".join("?" * len(f.tags))
        inner = (f"SELECT l.annotation_id FROM annotation_tag l JOIN tag t ON t.id = l.tag_id"
                 f" WHERE t.name IN ({marks})")
        if f.match_all:
            inner += f" GROUP BY l.annotation_id HAVING COUNT(DISTINCT t.name) = {len(set(f.tags))}"
        parts.append(f"n.id IN ({inner})")
        params += list(f.tags)
    if f.coders:
        parts.append(f"n.author IN ({', '.join('?' * len(f.coders))})")
        params += list(f.coders)
    if f.search.strip():
        like = "%" + f.search.strip() + "%"
        parts.append("(substr(a.text, n.\"start\" + 1, n.\"end\" - n.\"start\") LIKE ? OR n.note LIKE ?)")
        params += [like, like]
    if f.column:
        parts.append(f"{_column_sql(f.by)} = ?")
        params.append(f.column)
    return " AND ".join(parts), params


def count_segments(f: SegmentFilter = ALL_SEGMENTS) -> int:
    where, params = _where(f)
    return db.execute_sql(
        f"SELECT COUNT(*) FROM annotation n JOIN article a ON a.id = n.article_id WHERE {where}", params
    ).fetchone()[0]


def find_segments(f: SegmentFilter = ALL_SEGMENTS, offset: int = 0, limit: int | None = None) -> list[Segment]:
    """The highlights the filter keeps, by article date (newest first), then
    position; ``limit`` of them from ``offset`` (all when limit is None)."""
    where, params = _where(f)
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    rows = db.execute_sql(
        f"""SELECT n.id, n.article_id, n."start", n."end",
                   substr(a.text, n."start" + 1, n."end" - n."start"),
                   n.note, n.author, a.title, a.date, a.source,
                   substr(a.text, max(1, n."start" + 1 - {CONTEXT}), min(n."start", {CONTEXT})),
                   substr(a.text, n."end" + 1, {CONTEXT})
            FROM annotation n JOIN article a ON a.id = n.article_id
            WHERE {where}
            ORDER BY a.date DESC, n.article_id, n."start", n.id{page}""",
        params,
    ).fetchall()
    tags = _tags_of([r[0] for r in rows])
    return [
        Segment(r[0], r[1], r[2], r[3], tuple(tags.get(r[0], ())), r[4], r[5], r[6], r[7], r[8], r[9],
                r[10], r[11])
        for r in rows
    ]


def _tags_of(ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = db.execute_sql(
            f"SELECT l.annotation_id, t.name FROM annotation_tag l JOIN tag t ON t.id = l.tag_id"
            f" WHERE l.annotation_id IN ({', '.join('?' * len(chunk))}) ORDER BY t.position, t.name",
            chunk,
        )
        for annotation_id, name in rows:
            found.setdefault(annotation_id, []).append(name)
    return found


def coders() -> list[str]:
    return [r[0] for r in db.execute_sql(
        "SELECT DISTINCT author FROM annotation WHERE author != '' ORDER BY author")]


# the code matrix --------------------------------------------------------------
def _column_sql(by: str) -> str:
    if by == "article":
        return "CAST(a.id AS TEXT)"
    if by == "source":
        return f"COALESCE(NULLIF(a.source, ''), '{NO_SOURCE}')"
    if by == "month":
        return f"COALESCE(substr(NULLIF(a.date, ''), 1, 7), '{NO_DATE}')"
    raise ValueError(f"a code matrix is by {', '.join(BY)}, not {by!r}.")


def code_matrix(by: str = "article", f: SegmentFilter = ALL_SEGMENTS) -> CodeMatrix:
    """Counts of highlights per tag (rows, in codebook order) and per
    ``by`` (columns: articles by date, sources by name, months in order);
    only columns with a highlight are shown."""
    column = "n.article_id" if by == "article" else _column_sql(by)
    where, params = _where(SegmentFilter(f.scope, (), False, f.coders, f.search))
    # By article, with nothing asked of the articles, the highlights alone
    # are counted: joining 10,000 articles tripled the time.
    join = "" if by == "article" and f.scope.is_all and not f.search.strip() \
        else " JOIN article a ON a.id = n.article_id"
    tag_names = {tag_id: name for tag_id, name in db.execute_sql("SELECT id, name FROM tag")}
    tag_clause = ""
    if f.tags:
        wanted = [i for i, name in tag_names.items() if name in f.tags]
        tag_clause = f" AND l.tag_id IN ({', '.join(str(i) for i in wanted) or 'NULL'})"
    rows = db.execute_sql(
        f"""SELECT l.tag_id, {column}, COUNT(*)
            FROM annotation_tag l JOIN annotation n ON n.id = l.annotation_id{join}
            WHERE {where}{tag_clause}
            GROUP BY l.tag_id, 2""",
        params,
    ).fetchall()
    counts = {(tag_names[tag_id], str(col)): n for tag_id, col, n in rows}
    order = [r[0] for r in db.execute_sql("SELECT name FROM tag ORDER BY position, name")]
    used_tags = {tag for tag, _col in counts}
    tags = [t for t in order if t in used_tags]
    used = {col for _tag, col in counts}
    if by == "article":
        info = {
            str(article_id): (date or "", title)
            for article_id, title, date in db.execute_sql(
                "SELECT id, title, date FROM article")  # the covering index: faster than choosing
            if str(article_id) in used
        }
        columns = sorted(info, key=lambda c: (info[c][0], int(c)))
        labels = {c: info[c][1] for c in columns}
    else:
        columns = sorted(used, key=lambda c: (c in (NO_SOURCE, NO_DATE), c.casefold()))
        labels = {c: c for c in columns}
    return CodeMatrix(by, tags, columns, labels, counts)


def cell_filter(matrix: CodeMatrix, tag: str, column: str, f: SegmentFilter = ALL_SEGMENTS) -> SegmentFilter:
    """The filter of the highlights counted in one cell of the matrix."""
    return SegmentFilter(f.scope, (tag,), False, f.coders, f.search, matrix.by, column)


def cell_segments(matrix: CodeMatrix, tag: str, column: str,
                  f: SegmentFilter = ALL_SEGMENTS) -> list[Segment]:
    """The highlights counted in one cell of the matrix."""
    return find_segments(cell_filter(matrix, tag, column, f))
