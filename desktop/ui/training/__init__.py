"""Library > Improve the model…: the dialog that trains the entity model on
the user's corrections and offers the result.  It is given only what it
needs (the current model's name, a training function, what "use this
model" does), never the main window."""
from __future__ import annotations

from desktop.ui.training.dialog import ImproveModelDialog
from desktop.ui.training.run import TrainingRun

__all__ = ["ImproveModelDialog", "TrainingRun"]
