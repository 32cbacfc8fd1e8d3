"""One undo step per curation decision: redo()/undo() call the curation
service; the view is told through ``done`` to show the new state."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop.services import curation
from desktop.services.curation import CurationChange


class CurationCommand(QUndoCommand):
    def __init__(self, text: str, do: Callable[[], CurationChange], change: CurationChange,
                 done: Callable[[], None]) -> None:
        super().__init__(text)
        self.do, self.change, self.done = do, change, done
        self.applied = True  # applied once before pushing, so a refused edit never reaches the stack

    def redo(self) -> None:
        if not self.applied:
            self.change = self.do()
        self.applied = False
        self.done()

    def undo(self) -> None:
        curation.undo(self.change)
        self.done()


def push_curation(stack: QUndoStack, text: str, do: Callable[[], CurationChange],
                  done: Callable[[], None]) -> CurationChange:
    """Apply ``do`` (a refused one raises before anything is pushed), then
    push it as one undo step named ``text``."""
    change = do()
    stack.push(CurationCommand(text, do, change, done))
    return change
