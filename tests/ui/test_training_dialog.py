"""Library > Improve the model…: the dialog drives a training function it
is given (here a stand-in that reports steps and returns figures), shows
progress, figures and advice, cancels, and switches models on request."""
from __future__ import annotations

import threading

from desktop.core.errors import BylineError
from desktop.core.training import Evaluation, Progress, TrainingResult
from desktop.ui.training import ImproveModelDialog

TIMEOUT = 10_000


def result(f1_before: float, f1_after: float, agreement: float) -> TrainingResult:
    return TrainingResult("en_core_web_sm_byline1", "/tmp/x",
                          Evaluation(f1_before, f1_after, agreement, 12, 300), {})


def make(qtbot, train, chosen=None):
    dialog = ImproveModelDialog("en_core_web_sm", train, chosen.append if chosen is not None else print)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_progress_figures_advice_and_use(qtbot):
    seen = []

    def train(progress, cancelled):
        for done in range(5):
            progress(Progress("training", done, 4))
        seen.append(cancelled())
        return result(0.40, 0.75, 0.97)

    chosen: list[str] = []
    dialog = make(qtbot, train, chosen)
    assert not dialog.use_button.isEnabled()
    with qtbot.waitSignal(dialog.run.finished, timeout=TIMEOUT):
        dialog.start_button.click()
    assert seen == [False]
    assert dialog.f1_before.text() == "0.400  (12 sentences)"
    assert dialog.f1_after.text() == "0.750"
    assert dialog.agreement.text() == "0.970  (300 sentences)"
    assert "Use the new model" in dialog.advice.text()
    assert "en_core_web_sm_byline1" in dialog.stage.text()
    assert dialog.use_button.isEnabled() and dialog.use_button.isDefault()
    dialog.use_button.click()
    assert chosen == ["en_core_web_sm_byline1"]
    assert dialog.result() == dialog.DialogCode.Accepted


def test_advises_against_a_model_that_forgets(qtbot):
    dialog = make(qtbot, lambda progress, cancelled: result(0.40, 0.75, 0.90))
    with qtbot.waitSignal(dialog.run.finished, timeout=TIMEOUT):
        dialog.start_button.click()
    assert "Keep the current model" in dialog.advice.text()
    assert "only 0.900 of uncorrected text" in dialog.advice.text()
    assert not dialog.use_button.isDefault()


def test_progress_bar_follows_the_steps(qtbot):
    go_on = threading.Event()

    def train(progress, cancelled):
        progress(Progress("training", 3, 8))
        go_on.wait(TIMEOUT / 1000)
        return result(0.5, 0.6, 0.99)

    dialog = make(qtbot, train)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() == 3, timeout=TIMEOUT)
    assert dialog.progress.maximum() == 8
    assert dialog.stage.text() == "Training (3/8)"
    assert not dialog.start_button.isEnabled()
    with qtbot.waitSignal(dialog.run.finished, timeout=TIMEOUT):
        go_on.set()
    assert dialog.progress.isHidden()


def test_cancel_stops_the_training_and_offers_nothing(qtbot):
    started = threading.Event()

    def train(progress, cancelled):
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        return None

    chosen: list[str] = []
    dialog = make(qtbot, train, chosen)
    dialog.start_button.click()
    assert started.wait(TIMEOUT / 1000)
    with qtbot.waitSignal(dialog.run.finished, timeout=TIMEOUT):
        dialog.cancel_button.click()
    assert dialog.stage.text() == "Cancelled: nothing was saved."
    assert not dialog.use_button.isEnabled()
    assert dialog.isVisible()  # the first Cancel stops the training, not the dialog
    dialog.cancel_button.click()
    assert not dialog.isVisible()
    assert chosen == []


def test_an_error_is_one_sentence(qtbot):
    def train(progress, cancelled):
        raise BylineError("the library has no entity corrections yet: correct some entities first.")

    dialog = make(qtbot, train)
    with qtbot.waitSignal(dialog.run.failed, timeout=TIMEOUT):
        dialog.start_button.click()
    assert dialog.stage.text().startswith("The library has no entity corrections yet")
    assert not dialog.use_button.isEnabled()
