"""Every menu action, declared in one place with its shortcut."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Shortcut = QKeySequence.StandardKey | str | None


@dataclass(frozen=True)
class ActionSpec:
    key: str
    menu: str
    text: str
    shortcut: Shortcut
    tip: str


SPECS = (
    ActionSpec("open", "&File", "&Open…", QKeySequence.StandardKey.Open, "Import text files and open them"),
    ActionSpec("quit", "&File", "&Quit", QKeySequence.StandardKey.Quit, "Close Byline"),
    ActionSpec("about", "&Help", "&About Byline", None, "Versions of Byline, spaCy and the model"),
)


def build_actions(window: QMainWindow, slots: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    """Create the actions, put them in their menus and connect them."""
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for spec in SPECS:
        action = QAction(spec.text, window)
        action.setObjectName(f"action_{spec.key}")
        action.setStatusTip(spec.tip)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.triggered.connect(slots[spec.key])
        if spec.menu not in menus:
            menus[spec.menu] = window.menuBar().addMenu(spec.menu)
        menus[spec.menu].addAction(action)
        actions[spec.key] = action
    return actions
