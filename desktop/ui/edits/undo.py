"""The undo hub: one undo stack per article, grouped so that Edit > Undo
follows the open article, and every step published to the session."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack
from shiboken6 import isValid

from desktop.core.errors import BylineError
from desktop.ui.edits.commands import EditCommand
from desktop.ui.edits.session import ArticleSession


class UndoHub(QObject):
    """Pushes commands on the open article's stack.  Whenever a stack moves
    (push, undo, redo, or a jump in an undo view) the commands it ran tell
    what they changed, and the hub hands that to ``session.publish``."""

    refused = Signal(str)  # the reason an edit was not made
    refusedBecause = Signal(object)  # the same, as the store's BylineError (offline, not allowed…)

    def __init__(self, session: ArticleSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.group = QUndoGroup(self)
        self.stacks: dict[int, QUndoStack] = {}
        self._index: dict[int, int] = {}  # each stack's index, last seen
        self._refusing = False  # an undo or redo just refused: nothing to publish
        session.changed.connect(lambda changes: changes.opened and self._follow(changes.article_id))

    def _follow(self, article_id: int | None) -> None:
        if article_id is None:
            self.group.setActiveStack(None)
            return
        if article_id not in self.stacks:
            stack = QUndoStack(self.group)
            self.stacks[article_id] = stack
            self._index[article_id] = 0
            stack.indexChanged.connect(lambda index, a=article_id: self._moved(a, index))
        self.group.setActiveStack(self.stacks[article_id])

    def stack(self) -> QUndoStack | None:
        return self.group.activeStack()

    def push(self, command: EditCommand) -> bool:
        """Apply the edit and put it on the stack; on a refused edit, report
        the reason through ``refused`` and leave the stack as it was."""
        stack = self.stack()
        if stack is None:
            self.refused.emit("Open an article first.")
            return False
        try:
            command.changes = command.apply()
        except BylineError as exc:
            self.refused.emit(str(exc))
            self.refusedBecause.emit(exc)
            return False
        command.applied = True
        command.on_refused = self._step_refused
        stack.push(command)
        return True

    def _step_refused(self, error: BylineError) -> None:
        """An undo or redo the store refused (changed since by another
        coder, the server offline): it changed nothing and leaves the stack.
        The message waits until the stack has finished moving."""
        self._refusing = True

        def report() -> None:
            self._refusing = False
            self.refused.emit(str(error))
            self.refusedBecause.emit(error)

        QTimer.singleShot(0, report)

    def _moved(self, article_id: int, index: int) -> None:
        stack = self.stacks.get(article_id)
        # A stack being destroyed with the window clears itself and says so.
        if stack is None or not isValid(stack) or not isValid(self.session):
            return
        before, self._index[article_id] = self._index[article_id], index
        if self._refusing:  # the step was dropped from the stack; nothing changed
            self._refusing = False
            return
        # Going forward, the commands below the new index ran redo(); going
        # back, those from the new index up ran undo().
        run = range(before, index) if index > before else range(index, before)
        for changes in _changes(stack.command(i) for i in run):
            self.session.publish(changes)

    def forget(self, article_ids: Iterable[int]) -> None:
        """Undo steps of deleted articles could only fail now."""
        for article_id in article_ids:
            stack = self.stacks.pop(article_id, None)
            self._index.pop(article_id, None)
            if stack is not None:
                self.group.removeStack(stack)
                stack.deleteLater()


def _changes(commands: Iterable[object]) -> Iterable:
    for command in commands:
        if isinstance(command, EditCommand):
            yield command.changes
