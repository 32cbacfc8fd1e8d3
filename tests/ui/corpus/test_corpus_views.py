"""The library views on a library of shared-corpus articles: open, filter,
jump to an article, export."""
from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt

from desktop.store.models import db
from desktop.ui.corpus.matrix_view import CodeMatrixView
from desktop.ui.corpus.quotes_view import AllQuotesView
from desktop.ui.corpus.report_dialog import ReportDialog
from desktop.ui.corpus.segments_view import RetrievedSegmentsView
from tests.corpus_library import COUNT

pytestmark = pytest.mark.usefixtures("corpus_library")


def _article_text(article_id: int) -> str:
    return db.execute_sql("SELECT text FROM article WHERE id = ?", (article_id,)).fetchone()[0]


def test_all_quotes_filter_open_and_export(qtbot, qtmodeltester, tmp_path):
    view = AllQuotesView()
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    total = db.execute_sql("SELECT COUNT(*) FROM article_quote").fetchone()[0]
    assert view.count.text() == f"{total} quotes"
    view.gender.setCurrentIndex(view.gender.findData("female"))
    view.actor_type.setCurrentIndex(view.actor_type.findData("person"))
    shown = view.model.total
    assert 0 < shown < total and view.count.text() == f"{shown} of {total} quotes"
    assert {view.model.index(r, 2).data() for r in range(view.model.rowCount())} == {"female"}
    assert "refers to them" in view.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) \
        or "first name" in view.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    with qtbot.waitSignal(view.openAt) as opened:
        view.table.activated.emit(view.model.index(0, 3))
    article_id, start, end = opened.args
    assert _article_text(article_id)[start:end] == view.model.rows[0].content
    out = view.export_csv(str(tmp_path / "quotes.csv"))
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == shown and {r["gender"] for r in rows} == {"female"}


def test_all_quotes_pages_through_a_long_list(qtbot):
    view = AllQuotesView()
    qtbot.addWidget(view)
    total = view.model.total
    while view.model.canFetchMore(view.model.index(-1, -1)):
        view.model.fetchMore(view.model.index(-1, -1))
    assert view.model.rowCount() == total
    view.search.setText("police")
    assert all("police" in (q.content + q.shown_speaker + q.cue).lower() for q in view.model.rows)


def test_retrieved_segments_any_all_coder_open_export(qtbot, qtmodeltester, tmp_path):
    view = RetrievedSegmentsView()
    qtbot.addWidget(view)
    qtmodeltester.check(view.segments.model)
    view.choose_tags(["Evidence", "Conflict"])
    either = view.segments.model.rowCount()
    evidence_only = db.execute_sql(
        "SELECT COUNT(*) FROM annotation_tag l JOIN tag t ON t.id = l.tag_id WHERE t.name = 'Evidence'"
    ).fetchone()[0]
    assert either == evidence_only + (COUNT + 2) // 3
    view.match.setCurrentIndex(view.match.findData("all"))
    assert view.segments.model.rowCount() == 0  # no highlight has both
    view.choose_tags(["Evidence", "Claim"])
    assert view.segments.model.rowCount() == evidence_only
    view.match.setCurrentIndex(0)
    view.coder.setCurrentIndex(view.coder.findData("ana"))
    assert {s.coder for s in view.segments.model.rows} == {"ana"}
    first = view.segments.model.rows[0]
    with qtbot.waitSignal(view.openAt) as opened:
        view.segments.table.activated.emit(view.segments.model.index(0, 0))
    assert opened.args == [first.article_id, first.start, first.end]
    for kind, name in (("CSV", "s.csv"), ("Markdown", "s.md"), ("HTML", "s.html")):
        path = view.export(kind, str(tmp_path / name))
        assert first.title.split()[0] in open(path, encoding="utf-8-sig").read()


def test_code_matrix_heat_map_cell_lists_its_segments(qtbot, qtmodeltester, tmp_path):
    view = CodeMatrixView()
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    matrix = view.model.matrix
    assert matrix.tags and len(matrix.columns) == COUNT  # every article has a "Claim"
    row = matrix.tags.index("Claim")
    index = view.model.index(row, 0)
    view.choose_cell(index)
    assert view.segments.model.total == view.segments.model.rowCount() == int(index.data())
    assert view.cell_label.text().startswith("Claim × ")
    with qtbot.waitSignal(view.openAt):
        view.segments.table.activated.emit(view.segments.model.index(0, 0))
    view.by.setCurrentIndex(view.by.findData("month"))
    assert all(len(c) == 7 for c in view.model.matrix.columns)
    out = view.export_csv(str(tmp_path / "matrix.csv"))
    rows = list(csv.reader(open(out, encoding="utf-8-sig")))
    assert rows[0][0] == "tag" and {r[0] for r in rows[1:]} == set(view.model.matrix.tags)


def test_report_dialog_filters_and_saves(qtbot, tmp_path):
    dialog = ReportDialog()
    qtbot.addWidget(dialog)
    whole = dialog.report.quotes
    assert f"{COUNT} articles" in dialog.view.toPlainText()
    dialog.search.setText("police")
    dialog.update_button.click()
    assert 0 < dialog.report.quotes < whole
    page = dialog.save_html(str(tmp_path / "report.html"))
    assert "<svg" in open(page, encoding="utf-8").read()
    folder = dialog.save_csv(str(tmp_path / "csv"))
    assert (tmp_path / "csv" / "gender.csv").exists() and folder


def test_views_follow_a_scope(qtbot):
    from desktop.core.corpus import Scope

    one = db.execute_sql("SELECT article_id FROM article_quote GROUP BY article_id"
                         " ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    quotes, segments, matrix = AllQuotesView(), RetrievedSegmentsView(), CodeMatrixView()
    for view in (quotes, segments, matrix):
        qtbot.addWidget(view)
        view.set_scope(Scope(article_ids=(one,)))
    assert {q.article_id for q in quotes.model.rows} == {one}
    assert quotes.count.text().endswith(" quotes") and " of " not in quotes.count.text()
    assert {s.article_id for s in segments.segments.model.rows} == {one}
    assert matrix.model.matrix.columns == [str(one)]
