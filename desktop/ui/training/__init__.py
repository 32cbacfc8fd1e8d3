"""Library > Improve the model…: the dialog that trains the entity model on
the user's corrections and offers the result.  It is given only what it
needs (the current model's name, a training function, what "use this
model" does), never the main window."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.ui.training.dialog import ImproveModelDialog
from desktop.ui.training.run import TrainingRun

__all__ = ["ImproveModelDialog", "TrainingRun", "improve_model_dialog"]


def improve_model_dialog(current_model: str, use_model: Callable[[str], None],
                         parent: QWidget | None = None) -> ImproveModelDialog:
    """The dialog training from the open library with Byline's service:
    ``use_model(name)`` is called when the user switches to the result."""
    from desktop.services.training import improve_model

    def train(progress, cancelled):  # noqa: ANN001, ANN202
        return improve_model(current_model, progress=progress, cancelled=cancelled)

    return ImproveModelDialog(current_model, train, use_model, parent)
