"""Article > Compare coders…: two coders' highlights and the curated layer
side by side, the list of disagreements stepped through by keyboard, and
the curation actions, each one undo step.

Keys: N / P next and previous open disagreement; 1 accept A, 2 accept B,
3 accept both, E edit (the text selected in a pane, or the item's range,
with a tag to choose), X reject; Ctrl+Shift+A accept all agreed.
"""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.curation import AGREED, CURATION, OPEN, Item
from desktop.core.errors import BylineError
from desktop.core.model import Tag
from desktop.services import curation
from desktop.services.curation import Comparison, CurationChange
from desktop.ui.agreement.coder_pane import CoderPane
from desktop.ui.agreement.curation_command import push_curation
from desktop.ui.agreement.disagreement_model import DisagreementModel
from desktop.ui.widgets.tables import table_view


class CompareCodersView(QWidget):
    """Compare two of ``coders`` on one article and curate their disagreements."""

    changed = Signal()  # the curated layer changed (the reader may refresh)

    def __init__(self, article_id: int, text: str, coders: list[str], tags: list[Tag],
                 undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article_id, self.text, self.stack = article_id, text, undo_stack
        self.tags = tags
        self.colours = {t.name: t.color for t in tags}
        choices = [c for c in coders if c != CURATION]
        self.coder_a, self.coder_b = QComboBox(self), QComboBox(self)
        for box, pick in ((self.coder_a, 0), (self.coder_b, 1)):
            box.addItems(choices)
            box.setCurrentIndex(min(pick, len(choices) - 1))
            box.currentIndexChanged.connect(self.reload)
        self.coder_a.setAccessibleName("Coder A")
        self.coder_b.setAccessibleName("Coder B")
        self.agreed_button = QPushButton("Accept all agreed", self)
        self.summary = QLabel(self)
        self.message = QLabel(self)
        self.panes = [CoderPane("A", text, self), CoderPane("B", text, self), CoderPane("Curated", text, self)]
        self.model = DisagreementModel(text, self)
        self.table = table_view(self, "Disagreements", self.model, stretch=(4,))
        self.comparison: Comparison | None = None
        self._layout()
        self._actions()
        self.agreed_button.clicked.connect(self.accept_all_agreed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.reload()

    def _layout(self) -> None:
        top = QHBoxLayout()
        for label, box in (("Coder A:", self.coder_a), ("Coder B:", self.coder_b)):
            top.addWidget(QLabel(label, self))
            top.addWidget(box)
        top.addStretch(1)
        top.addWidget(self.summary)
        top.addWidget(self.agreed_button)
        panes = QSplitter(Qt.Orientation.Horizontal, self)
        for pane in self.panes:
            panes.addWidget(pane)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(panes)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    def _actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, key, slot in (
            ("next", "Next disagreement", "N", lambda: self.step(1)),
            ("previous", "Previous disagreement", "P", lambda: self.step(-1)),
            ("accept_a", "Accept A", "1", lambda: self.accept("a")),
            ("accept_b", "Accept B", "2", lambda: self.accept("b")),
            ("accept_both", "Accept both", "3", lambda: self.accept("both")),
            ("edit", "Edit…", "E", self.edit),
            ("reject", "Reject", "X", self.reject),
            ("accept_agreed", "Accept all agreed", "Ctrl+Shift+A", self.accept_all_agreed),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.actions_by_name[name] = action
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # -- state ---------------------------------------------------------

    def coders(self) -> tuple[str, str]:
        return self.coder_a.currentText(), self.coder_b.currentText()

    def reload(self) -> None:
        """Compare the chosen coders again (after a choice or an edit)."""
        a, b = self.coders()
        self.panes[0].set_title(f"A: {a}")
        self.panes[1].set_title(f"B: {b}")
        try:
            self.comparison = curation.comparison(self.article_id, a, b)
        except BylineError as exc:
            self.comparison = None
            self.model.reset_rows([])
            self.message.setText(str(exc))
            return
        row = self.table.currentIndex().row()
        self.model.update_rows(self.comparison.disagreements())
        agreed_open = sum(1 for i, s in self.comparison.items if i.kind == AGREED and s == OPEN)
        open_count = sum(1 for _, s in self.comparison.disagreements() if s == OPEN)
        self.summary.setText(f"{len(self.model.rows)} disagreements, {open_count} open; "
                             f"{agreed_open} agreed to accept")
        self.agreed_button.setEnabled(agreed_open > 0)
        if self.model.rows:
            self._select(max(0, min(row, len(self.model.rows) - 1)))
        self._show_current()

    def current(self) -> Item | None:
        row = self.table.currentIndex().row()
        return self.model.rows[row][0] if 0 <= row < len(self.model.rows) else None

    def _select(self, row: int) -> None:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def _show_current(self) -> None:
        item = self.current()
        where = (item.start, item.end) if item is not None else None
        a, b = self.coders()
        for pane, coder in zip(self.panes, (a, b, CURATION), strict=True):
            pane.show_highlights(curation.by_coder(self.article_id, coder), self.colours, where)

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) open disagreement, wrapping."""
        rows = self.model.rows
        if not rows:
            return
        start = self.table.currentIndex().row()
        for k in range(1, len(rows) + 1):
            row = (start + direction * k) % len(rows)
            if rows[row][1] == OPEN:
                self._select(row)
                return

    # -- curation ------------------------------------------------------

    def _curate(self, text: str, do: Callable[[], CurationChange]) -> None:
        try:
            push_curation(self.stack, text, do, self._after_change)
        except BylineError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("")
        row = self.table.currentIndex().row()
        if 0 <= row < len(self.model.rows) and self.model.rows[row][1] != OPEN:
            self.step(1)

    def _after_change(self) -> None:
        # An undo on a stack that outlives this view (the window's) must not
        # touch a view that was closed and deleted.
        if not shiboken6.isValid(self):
            return
        self.reload()
        self.changed.emit()

    def accept(self, which: str) -> None:
        item = self.current()
        if item is None:
            return
        label = {"a": "Accept A", "b": "Accept B", "both": "Accept both"}[which]
        self._curate(label, lambda: curation.accept(self.article_id, item, which))

    def reject(self) -> None:
        item = self.current()
        if item is not None:
            self._curate("Reject", lambda: curation.reject(self.article_id, item))

    def edit(self) -> None:
        """Settle the item with the text selected in a pane (or its own
        range) and a tag the curator picks."""
        item = self.current()
        if item is None:
            return
        chosen = next((r for r in (p.selected_range() for p in self.panes) if r is not None), None)
        start, end = chosen or (item.start, item.end)
        names = [t.name for t in self.tags]
        first = item.a if item.a is not None else item.b
        current = first.tags[0] if first is not None and first.tags else ""
        tag, ok = QInputDialog.getItem(self, "Edit the curated highlight", "Tag:", names,
                                       names.index(current) if current in names else 0, False)
        if ok and tag:
            self._curate("Edit curated highlight",
                         lambda: curation.edit(self.article_id, item, start, end, [tag]))

    def accept_all_agreed(self) -> None:
        a, b = self.coders()
        self._curate("Accept all agreed", lambda: curation.accept_all_agreed(self.article_id, a, b))
