"""Compare coders and Library > Agreement, each widget built alone on a
library with two coders' highlights of the sample article."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog

from desktop.core.curation import CURATION, DIFFERENT_BOUNDARIES, DIFFERENT_TAG, ONLY_A, ONLY_B, OPEN
from desktop.services.agreement import library_agreement
from desktop.services.coders import coder_exporter
from desktop.services.curation import by_coder
from desktop.store.articles import get_article
from desktop.store.tags import list_tags
from desktop.ui.agreement import AgreementView, CompareCodersView
from tests.coders import AGREED, LONG, ONLY_ANN, ONLY_BOB, OTHER_TAG, seed_two_coders, span
from tests.conftest import SAMPLE


@pytest.fixture()
def article(library) -> int:
    return seed_two_coders(SAMPLE)


@pytest.fixture()
def view(qtbot, article):
    stack = QUndoStack()
    widget = CompareCodersView(article, get_article(article).text, ["ann", "bob"], list_tags(), stack)
    widget.stack_ref = stack  # keep the stack alive with the view
    qtbot.addWidget(widget)
    widget.show()
    return widget


def trigger(view: CompareCodersView, name: str) -> None:
    view.actions_by_name[name].trigger()


def curated(article: int) -> set[tuple[int, int, tuple[str, ...]]]:
    return {(a.start, a.end, tuple(a.tags)) for a in by_coder(article, CURATION)}


def test_models_pass_the_model_tester(view, qtmodeltester):
    qtmodeltester.check(view.model)
    figures = AgreementView(["ann", "bob"], lambda coders: library_agreement(coders))
    qtmodeltester.check(figures.tags_model)
    qtmodeltester.check(figures.articles_model)


def test_compare_steps_through_disagreements_by_keyboard(view, article):
    text = get_article(article).text
    assert [pane.title.text() for pane in view.panes] == ["A: ann", "B: bob", "Curated"]
    assert len(view.panes[0].view.extraSelections()) == 4 + 1  # ann's four and the current item
    assert len(view.panes[2].view.extraSelections()) == 1  # nothing curated yet
    seen = [view.current().kind]
    for _ in range(3):
        trigger(view, "next")
        seen.append(view.current().kind)
    assert sorted(seen) == sorted([ONLY_A, ONLY_B, DIFFERENT_TAG, DIFFERENT_BOUNDARIES])
    trigger(view, "next")  # wraps round to the first
    assert view.current().kind == seen[0]
    trigger(view, "previous")
    assert view.current().kind == seen[3]
    shown = view.panes[1].view.textCursor().position()
    assert shown == view.current().start  # the pane went to the item (the sample has no astral characters)
    assert text[view.current().start:view.current().end] in (OTHER_TAG, LONG, ONLY_BOB, ONLY_ANN)


def go_to(view: CompareCodersView, kind: str) -> None:
    for row, (item, _state) in enumerate(view.model.rows):
        if item.kind == kind:
            view._select(row)
            return
    raise AssertionError(kind)


def test_curate_then_export_holds_exactly_what_was_accepted(view, article, tmp_path):
    text = get_article(article).text
    trigger(view, "accept_agreed")
    go_to(view, DIFFERENT_BOUNDARIES)
    trigger(view, "accept_b")
    go_to(view, DIFFERENT_TAG)
    trigger(view, "accept_both")
    go_to(view, ONLY_A)
    trigger(view, "reject")
    go_to(view, ONLY_B)
    trigger(view, "accept_a")  # only B: A has nothing there, so nothing to accept
    assert view.message.text() == "coder A has no highlight here: accept B's or reject."
    assert {s for _, s in view.model.rows} == {"accepted", "rejected", OPEN}
    assert view.stack_ref.count() == 4  # the refused step is not on the stack
    trigger(view, "accept_b")
    assert {s for _, s in view.model.rows} <= {"accepted", "rejected"}
    assert view.summary.text().startswith("4 disagreements, 0 open")
    want = {
        (*span(text, AGREED), ("Claim",)),
        (*span(text, LONG), ("Claim",)),
        (*span(text, OTHER_TAG), ("Claim", "Framing")),
        (*span(text, ONLY_BOB), ("Opinion",)),
    }
    assert curated(article) == want
    view.stack_ref.undo()  # the last step: accept B on only B
    assert curated(article) == want - {(*span(text, ONLY_BOB), ("Opinion",))}
    view.stack_ref.redo()
    assert curated(article) == want
    assert len(view.panes[2].view.extraSelections()) == 4 + 1
    out = tmp_path / "curated.json"
    coder_exporter(CURATION)([article], "json", out)  # what the export dialog's choice runs
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {(a["start"], a["end"], tuple(a["tags"])) for a in data["annotations"]} == want
    assert {a["author"] for a in data["annotations"]} == {CURATION}


def test_edit_takes_the_selected_text_and_a_chosen_tag(view, article, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Evidence", True))
    go_to(view, ONLY_B)
    item = view.current()
    view.panes[1].select(item.start, item.start + 7)
    trigger(view, "edit")
    assert curated(article) == {(item.start, item.start + 7, ("Evidence",))}
    assert view.stack_ref.undoText() == "Edit curated highlight"


def test_the_same_coder_twice_is_one_sentence(view):
    view.coder_b.setCurrentIndex(0)
    assert view.message.text() == "choose two different coders to compare."
    assert view.model.rows == []


def test_agreement_view_lists_tags_and_articles_worst_first(qtbot, article):
    from desktop.core.model import Annotation, Article
    from desktop.store.annotations import add_annotation
    from desktop.store.articles import add_article

    # A second article, where the coders agree.
    other, _ = add_article(Article(text="Kyiv said talks would go on. Moscow said nothing.", title="Talks"))
    for coder in ("ann", "bob"):
        add_annotation(other, Annotation(0, 28, ["Claim"], author=coder))
    opened: list[int] = []
    widget = AgreementView(["ann", "bob", CURATION], lambda coders: library_agreement(coders))
    qtbot.addWidget(widget)
    widget.articleActivated.connect(opened.append)
    assert widget.chosen_coders() == ["ann", "bob"]  # the curated layer is not a coder
    tags = widget.tags_table.model()
    # Codebook order, the overall figures last, until a header is clicked.
    assert [tags.index(r, 0).data() for r in range(tags.rowCount())] == [
        "Claim", "Evidence", "Opinion", "Framing", "(all tags)"]
    widget.tags_table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert tags.index(0, 0).data() == "Framing"  # the lowest alpha (-0.008) first
    articles = widget.articles_table.model()
    assert [articles.index(r, 0).data() for r in range(articles.rowCount())] == [str(article), str(other)]
    assert articles.index(1, 2).data() == "1.000"  # the agreeing article last
    widget.articles_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert articles.index(0, 0).data() == str(other)
    widget.articles_table.doubleClicked.emit(articles.index(0, 1))
    assert opened == [other]
    widget.coder_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    widget.refresh_button.click()
    assert widget.message.text() == "Agreement needs at least two coders with highlights, and there is 1 ('ann')."
    assert widget.tags_model.rows == [] and widget.articles_model.rows == []


def test_undo_after_the_view_was_deleted_still_reverts_the_layer(qtbot, article):
    import shiboken6

    stack = QUndoStack()
    widget = CompareCodersView(article, get_article(article).text, ["ann", "bob"], list_tags(), stack)
    trigger(widget, "accept_agreed")
    assert len(curated(article)) == 1
    shiboken6.delete(widget)
    stack.undo()
    assert curated(article) == set()
