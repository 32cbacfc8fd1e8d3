"""The session, the undo hub and single panels, each built with only the
pieces it drives: no main window, no spaCy (the analysis is stored by hand)."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QStatusBar

from desktop.core.model import Analysis, Annotation, Article, Entity, Quote, Span
from desktop.store.analyses import save_analysis
from desktop.store.annotations import list_annotations
from desktop.store.articles import add_article
from desktop.ui.actors.actor_tools import ActorTools
from desktop.ui.actors.actors_dock import ActorsDock
from desktop.ui.annotation.annotations_dock import AnnotationsDock
from desktop.ui.annotation.annotator import Annotator
from desktop.ui.annotation.tag_bar import TagBar
from desktop.ui.annotation.tags_dock import TagsDock
from desktop.ui.edits import commands
from desktop.ui.edits.changes import Changes
from desktop.ui.edits.session import ArticleSession
from desktop.ui.edits.undo import UndoHub
from desktop.ui.quotes.quote_tools import QuoteTools
from desktop.ui.quotes.quotes_dock import QuotesDock
from desktop.ui.reader.article_layers import ArticleLayers
from desktop.ui.reader.legend import LegendBar
from desktop.ui.reader.view import ReaderView
from desktop.ui.settings import Settings
from desktop.ui.workers import TaskRunner

TEXT = "Olaf Scholz met Emmanuel Macron in Kyiv. “We agree,” Scholz said. Kyiv was calm."


def at(words: str, start: int = 0) -> tuple[int, int]:
    begin = TEXT.index(words, start)
    return begin, begin + len(words)


@pytest.fixture()
def session(library, qtbot):
    """An open article whose analysis was stored without a pipeline."""
    article_id = add_article(Article(TEXT, title="Scholz in Kyiv"))[0]
    entities = [Entity(*at("Olaf Scholz"), "PERSON"), Entity(*at("Emmanuel Macron"), "PERSON"),
                Entity(*at("Kyiv"), "GPE"), Entity(*at("Scholz", 20), "PERSON"), Entity(*at("Kyiv", 50), "GPE")]
    quote = Quote(*at("“We agree,”"), "direct", Span(*at("said"), "cue"), Span(*at("Scholz", 20), "name"),
                  "Olaf Scholz", True)
    save_analysis(article_id, Analysis(entities, [quote], "handmade", "1"))
    session = ArticleSession()
    session.publish(Changes(tags=True))
    heard: list[Changes] = []
    session.changed.connect(heard.append)
    session.heard = heard  # type: ignore[attr-defined]
    yield session
    session.deleteLater()


def shown_in_reader(session: ArticleSession, qtbot) -> ReaderView:
    """A reader showing the session's article (as the window's first subscriber does)."""
    reader, legend = ReaderView(), LegendBar()
    qtbot.addWidget(reader)
    qtbot.addWidget(legend)
    ArticleLayers(session, reader, legend, set())
    return reader


def opened(session: ArticleSession, undo: UndoHub | None = None) -> UndoHub:
    undo = undo or UndoHub(session)
    session.open(1)
    session.reload_analysis()
    session.heard.clear()  # type: ignore[attr-defined]
    return undo


def test_an_edit_and_its_undo_publish_what_they_changed(session):
    undo = opened(session)
    start, end = at("Emmanuel Macron")
    assert undo.push(commands.AddHighlight(1, Annotation(start, end, ["Claim"])))
    [change] = session.heard
    assert (change.article_id, change.annotations, change.entities, change.opened) == (1, True, False, False)
    assert change.where is not None and change.where[0] <= start and change.where[1] >= end
    assert [(a.start, a.end, a.tags) for a in session.annotations] == [(start, end, ["Claim"])]
    undo.stack().undo()
    assert session.heard[-1].annotations and session.annotations == [] == list_annotations(1)


def test_a_refused_edit_never_reaches_the_stack(session, qtbot):
    undo = opened(session)
    with qtbot.waitSignal(undo.refused) as refused:
        assert not undo.push(commands.DeleteHighlight(1, 999))
    assert refused.args[0]
    assert undo.stack().count() == 0 and session.heard == []


def test_a_compound_edit_is_all_or_nothing(session, qtbot):
    undo = opened(session)
    parts = [commands.AddHighlight(1, Annotation(*at("Kyiv"), ["Claim"])), commands.DeleteHighlight(1, 999)]
    with qtbot.waitSignal(undo.refused):
        undo.push(commands.CompoundEdit(1, "Both", parts))
    assert list_annotations(1) == [] and undo.stack().count() == 0


def test_removing_a_model_entity_shows_the_analysis_without_it_and_undo_brings_it_back(session):
    undo = opened(session)
    kyiv = next(e for e in session.analysis.entities if e.start == at("Kyiv")[0])
    undo.push(commands.RemoveEntity(1, kyiv))
    assert session.heard[-1].entities and session.heard[-1].analysis
    assert all(e.start != kyiv.start for e in session.analysis.entities)
    undo.stack().undo()
    assert any(e.start == kyiv.start for e in session.analysis.entities)


def test_the_annotator_alone_tags_the_selection(session, qtbot):
    reader = shown_in_reader(session, qtbot)
    tags_dock, notes = TagsDock(), AnnotationsDock()
    for widget in (tags_dock, notes):
        qtbot.addWidget(widget)
    notes.show()  # a hidden Annotations dock is filled when it is shown
    annotator = Annotator(session, UndoHub(session), reader, TagBar(reader.viewport()), tags_dock, notes,
                          Settings(), QStatusBar())
    opened(session, annotator.undo)
    reader.select_offsets(*at("Emmanuel Macron"))
    assert annotator.tag_selection("Evidence")
    assert [(a.tags, notes.model.text[a.start:a.end]) for a in notes.model.annotations] == [
        (["Evidence"], "Emmanuel Macron")
    ]
    assert any(f.background().style().name != "NoBrush" for f in reader.formats_at(at("Emmanuel Macron")[0] + 2))
    assert tags_dock.tags and reader.shortcut_keys  # the codebook reached the dock and the keys


def test_the_quotes_dock_fills_from_the_session_and_shows_a_chosen_quote(session, qtbot):
    reader, dock = shown_in_reader(session, qtbot), QuotesDock()
    qtbot.addWidget(dock)
    QuoteTools(session, dock, reader)
    opened(session)
    assert dock.count_label.text() == "1 quote"
    assert dock.proxy.index(0, 0).data() == "Olaf Scholz"
    dock.view.setCurrentIndex(dock.proxy.index(0, 0))
    assert reader.selected_offsets() == at("“We agree,”")


def test_renaming_an_actor_is_an_undoable_rule(session, qtbot):
    reader, dock, quotes = shown_in_reader(session, qtbot), ActorsDock(), QuotesDock()
    for widget in (dock, quotes):
        qtbot.addWidget(widget)
    runner = TaskRunner()
    tools = ActorTools(session, UndoHub(session), dock, reader, quotes, runner, QStatusBar())
    opened(session, tools.undo)
    names = [a.name for a in session.actors]
    assert "Olaf Scholz" in names
    dock.select_actor(names.index("Olaf Scholz"))
    tools.rename("Chancellor Scholz")
    assert "Chancellor Scholz" in [a.name for a in session.actors]
    assert session.heard[-1].actor_rules
    tools.undo.stack().undo()
    assert "Olaf Scholz" in [a.name for a in session.actors]
    runner.wait(30_000)


def test_changes_combine_flags_and_stretches():
    one = Changes(1, annotations=True, where=(10, 20))
    other = Changes(1, annotations=True, where=(40, 50), tag_ids=frozenset({3}))
    both = one | other
    assert (both.article_id, both.annotations, both.where, both.tag_ids) == (1, True, (10, 50), frozenset({3}))
    assert (one | Changes(1, tags=True, annotations=True)).where is None  # a tag edit: every highlight again
    assert (one | Changes(1, entities=True)).spans and not one.spans
