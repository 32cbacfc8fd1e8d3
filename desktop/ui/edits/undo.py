"""The editing session: one undo stack per article, and change notices."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from desktop.core.errors import BylineError
from desktop.store.actors import ActorRule
from desktop.ui.edits.commands import EditCommand


class ArticleEditor(QObject):
    """Pushes commands on the current article's undo stack and announces
    what they changed: ``changed(article_id, kinds, where)``, ``where``
    the stretch of text whose highlights changed, or None for more."""

    changed = Signal(int, tuple, object)
    refused = Signal(str)
    # Actor rules changed: the actor summaries of the other articles naming
    # them are made again, in the background.
    actorRulesChanged = Signal(list)  # noqa: N815

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self.stacks: dict[int, QUndoStack] = {}
        self.article_id = 0

    def set_article(self, article_id: int) -> None:
        self.article_id = article_id
        if article_id not in self.stacks:
            self.stacks[article_id] = QUndoStack(self.group)
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
            command.apply()
        except BylineError as exc:
            self.refused.emit(str(exc))
            return False
        command.applied = True
        stack.push(command)
        return True

    def rules_changed(self, rules: list[ActorRule]) -> None:
        self.actorRulesChanged.emit(rules)

    def notify(self, article_id: int, kinds: tuple[str, ...], where: tuple[int, int] | None = None) -> None:
        self.changed.emit(article_id, kinds, where)
