"""The "Improve the model" dialog: start, watch, cancel, judge, switch."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.training import MIN_AGREEMENT, Progress, TrainingResult, advice
from desktop.ui.training.run import TrainFn, TrainingRun

INTRO = (
    "Byline teaches the entity recogniser of <b>{model}</b> the corrections you made "
    "(entities added, relabelled, re-bounded or removed, and rules), with sentences nobody "
    "corrected so that it keeps what it knew. A share of your corrected sentences is held "
    "back to test the result. Your library is not changed; the new model is saved beside "
    "the current one."
)


class ImproveModelDialog(QDialog):
    """``train(progress, cancelled)`` trains and saves; ``use_model(name)``
    makes the saved pipeline the current one."""

    modelChosen = Signal(str)  # noqa: N815

    def __init__(self, current_model: str, train: TrainFn, use_model: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Improve the model")
        self.use_model = use_model
        self.trained: TrainingResult | None = None
        self.run = TrainingRun(train, self)
        self.run.progressed.connect(self._progressed)
        self.run.finished.connect(self._finished)
        self.run.failed.connect(self._failed)

        intro = QLabel(INTRO.format(model=current_model), self)
        intro.setWordWrap(True)
        self.stage = QLabel("", self)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Training progress")
        self.progress.hide()
        self.figures = QFormLayout()
        self.f1_before = QLabel("", self)
        self.f1_after = QLabel("", self)
        self.agreement = QLabel("", self)
        self.figures.addRow("Current model on held-back corrections (entity F1)", self.f1_before)
        self.figures.addRow("New model on held-back corrections (entity F1)", self.f1_after)
        self.figures.addRow(f"Agreement on uncorrected text (≥ {MIN_AGREEMENT:.2f} needed)", self.agreement)
        self.advice = QLabel("", self)
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons = QDialogButtonBox(self)
        self.start_button = QPushButton("&Start training", self)
        self.use_button = QPushButton("&Use this model", self)
        self.use_button.setEnabled(False)
        self.cancel_button = QPushButton("Cancel", self)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.use_button.clicked.connect(self._use)
        self.cancel_button.clicked.connect(self.cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.stage)
        layout.addWidget(self.progress)
        layout.addLayout(self.figures)
        layout.addWidget(self.advice)
        layout.addWidget(self.buttons)
        self._show_figures(False)

    def start(self) -> None:
        self.trained = None
        self.start_button.setEnabled(False)
        self.use_button.setEnabled(False)
        self._show_figures(False)
        self.advice.clear()
        self.progress.setRange(0, 0)  # busy until the training reports its steps
        self.progress.show()
        self.stage.setText("Starting…")
        self.run.start()

    def cancel(self) -> None:
        """Cancel a running training (nothing is saved), else close."""
        if self.run.running:
            self.stage.setText("Cancelling…")
            self.cancel_button.setEnabled(False)
            self.run.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        if self.run.running:  # Escape or the window's close button while training
            self.cancel()
            return
        super().reject()

    def _progressed(self, p: Progress) -> None:
        self.stage.setText(p.describe())
        if p.total:
            self.progress.setRange(0, p.total)
            self.progress.setValue(p.done)
        else:
            self.progress.setRange(0, 0)

    def _finished(self, result: TrainingResult | None) -> None:
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")
        self.start_button.setEnabled(True)
        if result is None:
            self.stage.setText("Cancelled: nothing was saved.")
            return
        self.trained = result
        e = result.evaluation
        self.stage.setText(f"Saved as <b>{result.name}</b>.")
        self.f1_before.setText(f"{e.f1_before:.3f}  ({e.held_out} sentences)")
        self.f1_after.setText(f"{e.f1_after:.3f}")
        self.agreement.setText(f"{e.agreement:.3f}  ({e.agreement_sentences} sentences)")
        self._show_figures(True)
        self.advice.setText(advice(e))
        self.use_button.setEnabled(True)
        (self.use_button if e.recommended else self.cancel_button).setDefault(True)

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText("Close")
        self.start_button.setEnabled(True)
        self.stage.setText(message[:1].upper() + message[1:])

    def _use(self) -> None:
        if self.trained is None:
            return
        self.use_model(self.trained.name)
        self.modelChosen.emit(self.trained.name)
        self.accept()

    def _show_figures(self, shown: bool) -> None:
        for i in range(self.figures.rowCount()):
            self.figures.setRowVisible(i, shown)

    def done(self, code: int) -> None:
        self.run.wait()
        super().done(code)
