"""The Actors panel: choosing, stepping, correcting, and the library view."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.store.actors import list_actor_rules


def actor_row(window, name):
    return next(i for i, a in enumerate(window.session.actors) if a.name == name)


def select(window, *names):
    dock = window.actors_dock
    dock.view.clearSelection()
    for name in names:
        index = dock.proxy.mapFromSource(dock.model.index(dock.model.row_of(actor_row(window, name)), 0))
        dock.view.selectionModel().select(index, dock.view.selectionModel().SelectionFlag.Select
                                          | dock.view.selectionModel().SelectionFlag.Rows)


def test_choosing_an_actor_marks_mentions_and_filters_quotes(make_window):
    window = make_window()
    dock = window.actors_dock
    assert dock.model.rowCount() == len(window.session.actors) >= 20
    first = dock.proxy.index(0, 0).data()
    assert first == "Putin"  # sorted by mentions
    window.actors_dock.select_actor(actor_row(window, "Putin"))
    putin = window.session.actors[actor_row(window, "Putin")]
    focus = window.reader.highlighter.layer("focus")
    assert {(s.start, s.end) for s in focus} == {(m.start, m.end) for m in putin.mentions}
    speakers = {window.quotes_dock.proxy.index(r, 0).data() for r in range(window.quotes_dock.proxy.rowCount())}
    assert speakers == {"Putin"}
    first_mention = window.reader.selected_offsets()
    window.actions["next_mention"].trigger()
    assert window.reader.selected_offsets() != first_mention
    window.actions["previous_mention"].trigger()
    assert window.reader.selected_offsets() == first_mention


def test_rename_merge_split_with_undo_persist_and_survive_reanalysis(make_window, qtbot, tmp_path):
    db = tmp_path / "lib.sqlite3"
    window = make_window(db)
    select(window, "Putin")
    window.actor_tools.rename("Vladimir Putin")
    names = [a.name for a in window.session.actors]
    assert "Vladimir Putin" in names and "Putin" not in names
    window.actions["undo"].trigger()
    assert "Putin" in [a.name for a in window.session.actors]
    window.actions["redo"].trigger()
    assert "Vladimir Putin" in [a.name for a in window.session.actors]

    select(window, "Moscow", "Kremlin")
    window.actor_tools.merge("Kremlin")
    kremlin = window.session.actors[actor_row(window, "Kremlin")]
    assert "Moscow" in kremlin.aliases and "Moscow" not in [a.name for a in window.session.actors]

    select(window, "Olaf Scholz")
    window.actor_tools.split("Scholz")
    assert "Scholz" in [a.name for a in window.session.actors]
    window.actions["undo"].trigger()
    assert "Scholz" not in [a.name for a in window.session.actors]

    select(window, "Kyiv")
    window.actor_tools.set_type("place")
    assert window.session.actors[actor_row(window, "Kyiv")].type == "place"
    kyiv = window.session.article.text.index("Kyiv")
    assert {e.label for e in window.session.analysis.entities if e.start == kyiv} == {"GPE"}

    with qtbot.waitSignal(window.analysisShown, timeout=120_000):
        window.analyser.reanalyse()
    names = [a.name for a in window.session.actors]
    assert "Vladimir Putin" in names and "Moscow" not in names
    assert window.session.actors[actor_row(window, "Kyiv")].type == "place"
    rules = {(r.kind, r.name, r.value) for r in list_actor_rules()}
    assert ("alias", "Putin", "Vladimir Putin") in rules and ("type", "Kyiv", "place") in rules
    window.close()
    again = make_window(db)
    assert "Vladimir Putin" in [a.name for a in again.session.actors]


def test_library_view_counts_and_chart(make_window, qtbot, qtmodeltester, tmp_path):
    window = make_window()
    texts = {
        "a.txt": "Angela Merkel met Emmanuel Macron in Berlin. \"We agree,\" Merkel said.",
        "b.txt": "Emmanuel Macron spoke in Paris on Monday. \"France is ready,\" Macron said.",
    }
    for name, text in texts.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with qtbot.waitSignal(window.analysisShown, timeout=120_000):
            window.import_and_open([path])
    dialog = window.actions["library_actors"].trigger() or window.actor_tools.dialog
    rows = {r.name: r for r in dialog.model.rows}
    assert rows["Emmanuel Macron"].articles == 3
    # 8 since issue 19: "Putin … called on Zelensky to implement …" counts too.
    assert rows["Putin"].articles == 1 and rows["Putin"].quotes == 8
    assert rows["Angela Merkel"].quotes == 1
    series = dialog.quoted_chart.chart().series()[0]
    bars = series.barSets()[0]
    values = [bars.at(i) for i in range(bars.count())]
    axis = dialog.quoted_chart.chart().axes()[0]
    categories = list(axis.categories())
    assert categories[-1] == "Putin" and values[-1] == 8  # the most quoted is drawn at the top
    assert dict(zip(categories, values, strict=True))["Emmanuel Macron"] == rows["Emmanuel Macron"].quotes
    type_bars = dialog.type_chart.chart().series()[0].barSets()[0]
    assert sum(type_bars.at(i) for i in range(type_bars.count())) == sum(r.quotes for r in dialog.model.rows)
    dialog.select("Emmanuel Macron")
    assert dialog.articles.model().rowCount() == 3
    with qtbot.waitSignal(dialog.articleChosen) as chosen:
        dialog.articles.doubleClicked.emit(dialog.articles.model().index(2, 1))
    assert chosen.args == [dialog.articles.model().index(2, 0).data(Qt.ItemDataRole.UserRole)]
    from desktop.store.actors import articles_of_actor

    shown = [[dialog.articles.model().index(r, c).data() for c in range(4)] for r in range(3)]
    assert shown == [[t, d or "", m, q] for _id, t, d, m, q in articles_of_actor("Emmanuel Macron")]
    qtmodeltester.check(dialog.article_model)
    out = tmp_path / "actors.csv"
    dialog.export_csv(str(out))
    assert out.read_text(encoding="utf-8").splitlines()[0] == "actor,type,articles,mentions,quotes"
    dialog.close()


def test_actor_model_passes_the_model_tester(make_window, qtmodeltester):
    window = make_window()
    qtmodeltester.check(window.actors_dock.model)


def test_renaming_an_actor_updates_the_other_articles_in_the_library_view(make_window, qtbot, tmp_path):
    window = make_window()
    path = tmp_path / "b.txt"
    path.write_text("Emmanuel Macron spoke in Paris on Monday. \"France is ready,\" Macron said.", encoding="utf-8")
    with qtbot.waitSignal(window.analysisShown, timeout=120_000):
        window.import_and_open([path])
    dialog = window.actions["library_actors"].trigger() or window.actor_tools.dialog
    assert {r.name: r.articles for r in dialog.model.rows}["Emmanuel Macron"] == 2

    select(window, "Emmanuel Macron")
    window.actor_tools.rename("President Macron")
    # The open article at once; the sample article's summary from the worker.
    assert "President Macron" in [a.name for a in window.session.actors]

    def counted(name: str, articles: int) -> None:
        rows = {r.name: r.articles for r in dialog.model.rows}
        assert rows.get(name) == articles

    qtbot.waitUntil(lambda: counted("President Macron", 2), timeout=60_000)
    assert "Emmanuel Macron" not in {r.name for r in dialog.model.rows}
    window.actions["undo"].trigger()
    qtbot.waitUntil(lambda: counted("Emmanuel Macron", 2), timeout=60_000)
    dialog.close()


def test_sorting_by_a_header_keeps_rows_and_actors_together(make_window):
    window = make_window()
    dock = window.actors_dock
    dock.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # as a click on "Name" does
    shown = [dock.proxy.index(r, 0).data() for r in range(dock.proxy.rowCount())]
    assert shown == sorted(shown, key=str.casefold) and len(shown) == len(window.session.actors)
    dock.view.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # most quoted first
    quotes = [int(dock.proxy.index(r, 4).data()) for r in range(dock.proxy.rowCount())]
    assert quotes == sorted(quotes, reverse=True)
    dock.view.setCurrentIndex(dock.proxy.index(0, 0))  # choosing the top row
    assert window.actor_tools.current is not None and window.actor_tools.current.name == dock.proxy.index(0, 0).data()
    assert window.actor_tools.current.quote_count == quotes[0]
    select(window, "Olaf Scholz")
    assert [window.session.actors[i].name for i in dock.selected()] == ["Olaf Scholz"]


def test_library_view_makes_missing_actor_summaries_in_the_background(make_window, qtbot):
    from desktop.store.actors import articles_without_actor_summary
    from desktop.store.models import db

    window = make_window()
    db.execute_sql("DELETE FROM article_actor")  # as in a library analysed before the summaries existed
    db.execute_sql("DELETE FROM actor_cache")
    assert articles_without_actor_summary([window.session.article_id])
    dialog = window.actor_tools.library_view()
    qtbot.waitUntil(lambda: any(r.name == "Putin" for r in dialog.model.rows), timeout=60_000)
    assert not articles_without_actor_summary([window.session.article_id])
