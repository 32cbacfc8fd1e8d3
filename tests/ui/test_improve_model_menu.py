"""Library > Improve the model… in the window, and the trained pipelines in
Preferences."""
from __future__ import annotations

from desktop.core.training import Evaluation, TrainingResult
from desktop.ui.training import ImproveModelDialog


def test_improve_the_model_from_the_menu_switches_the_model(make_window, qtbot, monkeypatch):
    import desktop.services.training as training

    window = make_window()
    trained = TrainingResult("en_core_web_sm_byline1", "/tmp/x", Evaluation(0.40, 0.75, 0.97, 12, 300), {})
    monkeypatch.setattr(training, "improve_model", lambda base, progress, cancelled: trained)
    opened: list[ImproveModelDialog] = []
    monkeypatch.setattr(ImproveModelDialog, "open", lambda self: opened.append(self))
    switched: list[str] = []
    monkeypatch.setattr(window.analyser, "set_model", switched.append)  # loading a made-up model would fail
    window.actions["improve_model"].trigger()
    assert len(opened) == 1
    dialog = opened[0]
    assert window.model_name in dialog.findChildren(type(dialog.stage))[0].text()
    with qtbot.waitSignal(dialog.run.finished, timeout=10_000):
        dialog.start_button.click()
    assert dialog.use_button.isEnabled()
    dialog.use_button.click()
    assert window.settings.model() == "en_core_web_sm_byline1"
    assert switched == ["en_core_web_sm_byline1"]


def test_preferences_list_the_trained_pipelines(make_window, monkeypatch):
    import desktop.ui.main_window as main_window

    window = make_window()
    monkeypatch.setattr(main_window, "available_pipelines", lambda: [window.model_name, "en_core_web_sm_byline1"])
    dialog = window.preferences_dialog()
    assert [dialog.model.itemText(i) for i in range(dialog.model.count())] == [
        window.model_name, "en_core_web_sm_byline1"]
