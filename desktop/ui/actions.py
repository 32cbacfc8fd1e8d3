"""Every menu action, declared in one place with its shortcuts."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Key = QKeySequence.StandardKey | str


@dataclass(frozen=True)
class ActionSpec:
    key: str
    menu: str
    text: str
    shortcuts: tuple[Key, ...]
    tip: str
    separator_before: bool = False


SPECS = (
    ActionSpec("open", "&File", "&Open…", (QKeySequence.StandardKey.Open,), "Import files and open them"),
    ActionSpec("quit", "&File", "&Quit", (QKeySequence.StandardKey.Quit,), "Close Byline", True),
    # Undo and redo come from the undo group, which names the action to undo.
    ActionSpec("undo", "&Edit", "&Undo", (QKeySequence.StandardKey.Undo,), "Undo the last edit"),
    ActionSpec("redo", "&Edit", "&Redo", (QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"), "Redo"),
    ActionSpec("next_highlight", "&Edit", "&Next highlight", ("F8",), "Select the next highlight", True),
    ActionSpec("previous_highlight", "&Edit", "&Previous highlight", ("Shift+F8",), "Select the previous highlight"),
    ActionSpec("edit_note", "&Edit", "Edit &note…", ("Ctrl+Shift+M",), "Edit the note of the current highlight"),
    ActionSpec("edit_tags", "&Edit", "Change &tags…", ("Ctrl+Shift+G",), "Change the tags of the current highlight"),
    ActionSpec("delete_highlight", "&Edit", "&Delete highlight", ("Shift+Del",), "Delete the current highlight"),
    ActionSpec("new_tag", "&Edit", "New ta&g…", ("Ctrl+Shift+T",), "Add a tag to the codebook", True),
    ActionSpec("reanalyse", "&Article", "&Re-analyse", ("Ctrl+Shift+R",),
               "Run the pipeline again on this article; your corrections are kept"),
    ActionSpec("about", "&Help", "&About Byline", (), "Versions of Byline, spaCy and the model"),
)


def build_actions(
    window: QMainWindow,
    slots: dict[str, Callable[[], None]],
    factories: dict[str, Callable[[], QAction]] | None = None,
) -> dict[str, QAction]:
    """Create the actions (or take them from ``factories``), put them in
    their menus with their shortcuts, and connect them."""
    factories = factories or {}
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    for spec in SPECS:
        if spec.key in factories:
            action = factories[spec.key]()
        else:
            action = QAction(spec.text, window)
            action.triggered.connect(slots[spec.key])
        action.setObjectName(f"action_{spec.key}")
        action.setStatusTip(spec.tip)
        keys = [QKeySequence(k) for k in spec.shortcuts]
        action.setShortcuts(list(dict.fromkeys(k for k in keys if not k.isEmpty())))
        if spec.menu not in menus:
            menus[spec.menu] = window.menuBar().addMenu(spec.menu)
        if spec.separator_before:
            menus[spec.menu].addSeparator()
        menus[spec.menu].addAction(action)
        window.addAction(action)
        actions[spec.key] = action
    return actions
