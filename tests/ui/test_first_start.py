"""A first start: the window first, then spaCy, then the sample's analysis."""
from __future__ import annotations

from desktop.nlp import pipeline
from desktop.store.analyses import load_analysis


def test_the_pipeline_loads_once_the_window_is_shown_and_the_sample_gets_analysed(
        make_window, tmp_path, monkeypatch, qtbot):
    monkeypatch.setattr(pipeline, "_cache", {})  # as in a new process: nothing loaded yet
    window = make_window(tmp_path / "new.sqlite3", wait=False)
    with qtbot.waitSignal(window.analysisShown, timeout=120_000) as shown:
        pass
    assert list(pipeline._cache) == [window.model_name]
    article_id = shown.args[0]
    assert window.session.article_id == article_id
    stored = load_analysis(article_id)
    assert stored is not None
    # Shown as stored (the labels as the actors' types say, so compare the spans).
    assert [(e.start, e.end) for e in window.session.analysis.entities] == [(e.start, e.end) for e in stored.entities]
    assert len(stored.quotes) > 5 and window.quotes_dock.isVisible()


def test_building_and_showing_the_window_loads_no_pipeline(tmp_path, monkeypatch, qtbot):
    from desktop.store.database import close_library
    from desktop.ui.app import prepare_window

    asked: list[str | None] = []
    monkeypatch.setattr(pipeline, "load_pipeline", lambda name=None: asked.append(name))
    monkeypatch.setattr("desktop.ui.analysis_runner.load_pipeline", lambda name=None: asked.append(name))
    window = prepare_window(tmp_path / "new.sqlite3", None)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.wait(100)
    assert asked == [] and not window.runner.busy()
    close_library()
