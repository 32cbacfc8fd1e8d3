"""8. The library views of issue 18 on the 10,000-article library: each view
opened (made, filled and painted) and each filter change shown, against
300 ms; the source-diversity report built and written as HTML, against 5 s.

The views read a copy of the 10,000-article library with three highlights
per article added (30,000: the opening words tagged "Claim" by "ana", the
first quote "Evidence" + "Claim" by "ben", the closing words "Conflict" by
"ana"), so that Retrieved segments and the Code matrix have work to do."""
from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from bench.common import Figure, median, now

RUNS = 3
TARGET_VIEW, TARGET_REPORT = 0.300, 5.0


def _with_highlights(source: Path, path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy(source, path)
    con = sqlite3.connect(path)
    tags = dict(con.execute("SELECT name, id FROM tag"))
    stamp = "2026-01-01T00:00:00+00:00"
    with con:
        rows = con.execute(
            'SELECT a.id, length(a.text), (SELECT MIN("start") FROM article_quote q WHERE q.article_id = a.id),'
            ' (SELECT "end" FROM article_quote q WHERE q.article_id = a.id ORDER BY "start" LIMIT 1)'
            " FROM article a").fetchall()
        for article_id, length, q_start, q_end in rows:
            spans = [(0, min(40, length), ("Claim",), "ana"), (max(0, length - 40), length, ("Conflict",), "ana")]
            if q_start is not None:
                spans.append((q_start, q_end, ("Evidence", "Claim"), "ben"))
            for start, end, names, author in spans:
                cur = con.execute(
                    'INSERT INTO annotation (article_id, "start", "end", note, author, created, modified)'
                    " VALUES (?, ?, ?, '', ?, ?, ?)", (article_id, start, end, author, stamp, stamp))
                con.executemany("INSERT INTO annotation_tag (annotation_id, tag_id) VALUES (?, ?)",
                                [(cur.lastrowid, tags[n]) for n in names])
    con.close()
    return path


def _time(app, change: Callable[[int], object], widget_of: Callable[[], object],  # noqa: ANN001
          undo: Callable[[], object] | None = None) -> list[float]:
    """Each run times one change (``change(run)``) until it is shown; ``undo``
    puts the view back, untimed."""
    runs = []
    for run in range(RUNS):
        app.processEvents()
        t = now()
        change(run)
        app.processEvents()
        widget_of().repaint()
        runs.append(now() - t)
        if undo is not None:
            undo()
            app.processEvents()
    return runs


def run(big_library: Path, work: Path) -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from desktop.core.corpus import ALL_ARTICLES
    from desktop.formats.report_html import report_html
    from desktop.services.report import build_report
    from desktop.store.database import close_library, open_library
    from desktop.ui.corpus.matrix_view import CodeMatrixView
    from desktop.ui.corpus.quotes_view import AllQuotesView
    from desktop.ui.corpus.segments_view import RetrievedSegmentsView

    app = QApplication.instance() or QApplication([])
    close_library()
    open_library(_with_highlights(big_library, work / "corpus10k.sqlite3"))
    figures: list[Figure] = []

    def figure(key: str, name: str, runs: list[float], target: float = TARGET_VIEW) -> None:
        figures.append(Figure(key, name, median(runs), "s", target, runs))

    holder: dict[str, object] = {}

    def make(cls):  # noqa: ANN001, ANN202
        def build(_run: int) -> None:
            old = holder.pop("view", None)
            if old is not None:
                old.deleteLater()
            view = cls()
            view.resize(1200, 800)
            view.show()
            holder["view"] = view
        return build

    current = lambda: holder["view"]  # noqa: E731

    figure("corpus_quotes_open", "All quotes view opened", _time(app, make(AllQuotesView), current))
    view = holder["view"]
    total = view.model.total
    figure("corpus_quotes_gender", f"All quotes ({total:,}): gender 'female'", _time(
        app, lambda _r: view.gender.setCurrentIndex(view.gender.findData("female")), current,
        lambda: view.gender.setCurrentIndex(0)))
    top = view.speaker.itemData(1)
    figure("corpus_quotes_speaker", f"All quotes: speaker '{top}'", _time(
        app, lambda _r: view.speaker.setCurrentIndex(1), current, lambda: view.speaker.setCurrentIndex(0)))
    figure("corpus_quotes_search", "All quotes: search 'police' (typed at once)", _time(
        app, lambda _r: view.search.setText("police"), current, view.search.clear))
    figure("corpus_quotes_sort", "All quotes: sorted by speaker", _time(
        app, lambda _r: view.model.sort(0), current, lambda: view.model.sort(7)))

    figure("corpus_segments_open", "Retrieved segments view opened", _time(app, make(RetrievedSegmentsView), current))
    seg = holder["view"]
    figure("corpus_segments_tags", "Retrieved segments: tags Evidence + Conflict (any)", _time(
        app, lambda _r: seg.choose_tags(["Evidence", "Conflict"]), current, lambda: seg.choose_tags([])))
    seg.choose_tags(["Evidence", "Claim"])
    figure("corpus_segments_all", "Retrieved segments: Evidence + Claim, all", _time(
        app, lambda _r: seg.match.setCurrentIndex(1), current, lambda: seg.match.setCurrentIndex(0)))
    figure("corpus_segments_coder", "Retrieved segments: coder 'ben'", _time(
        app, lambda _r: seg.coder.setCurrentIndex(seg.coder.findData("ben")), current,
        lambda: seg.coder.setCurrentIndex(0)))

    figure("corpus_matrix_open", "Code matrix opened (tags × 10,000 articles)", _time(
        app, make(CodeMatrixView), current))
    matrix = holder["view"]
    figure("corpus_matrix_month", "Code matrix: by month", _time(
        app, lambda _r: matrix.by.setCurrentIndex(2), current, lambda: matrix.by.setCurrentIndex(0)))
    matrix.by.setCurrentIndex(2)
    figure("corpus_matrix_cell", "Code matrix by month: a cell's segments listed", _time(
        app, lambda r: matrix.choose_cell(matrix.model.index(0, r)), current))
    holder.pop("view").deleteLater()

    runs = []
    for _ in range(RUNS):
        t = now()
        report = build_report(ALL_ARTICLES)
        page = report_html(report)
        runs.append(now() - t)
    assert "<svg" in page
    figure("corpus_report", f"report built and rendered ({report.quotes:,} quotes)", runs, TARGET_REPORT)
    close_library()
    return figures
