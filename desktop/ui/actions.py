"""Every menu action, declared in one place with its shortcuts."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

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
    ActionSpec("new_article", "&File", "&New article from pasted text…", (QKeySequence.StandardKey.New,),
               "Make an article of text you copied"),
    ActionSpec("open", "&File", "&Open…", (QKeySequence.StandardKey.Open,), "Import files and open them"),
    ActionSpec("open_team", "&File", "Open &Team Library…", (), "Open a library shared on a PostgreSQL server"),
    ActionSpec("export", "&File", "&Export…", ("Ctrl+E",), "Export this article to JSON, HTML, PDF, CSV, ..."),
    ActionSpec("print", "&File", "&Print…", (QKeySequence.StandardKey.Print,),
               "Print this article with its highlights and notes"),
    ActionSpec("preferences", "&File", "&Preferences…", (QKeySequence.StandardKey.Preferences, "Ctrl+,"),
               "Pipeline, author, theme, font, line length", True),
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
    ActionSpec("find", "&Edit", "&Find…", (QKeySequence.StandardKey.Find,), "Find in the article", True),
    ActionSpec("find_next", "&Edit", "Find ne&xt", (QKeySequence.StandardKey.FindNext, "F3"), "Next match"),
    ActionSpec("find_previous", "&Edit", "Find pre&vious", (QKeySequence.StandardKey.FindPrevious, "Shift+F3"),
               "Previous match"),
    ActionSpec("zoom_in", "&View", "Zoom &in", (QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"), "Larger text"),
    ActionSpec("zoom_out", "&View", "Zoom &out", (QKeySequence.StandardKey.ZoomOut, "Ctrl+-"), "Smaller text"),
    ActionSpec("zoom_reset", "&View", "&Actual size", ("Ctrl+0",), "Text at 100 %"),
    ActionSpec("actor_entities", "&View", "Entities: people, &organisations, places, groups", ("Ctrl+Shift+E",),
               "Reading mode: colour only the actors' entities, not dates and numbers", True),
    ActionSpec("all_entities", "&View", "Entities: a&ll labels", (), "Colour every entity label"),
    ActionSpec("next_mention", "&View", "Next &mention of the actor", ("Ctrl+]",),
               "Select the next mention of the actor chosen in the Actors panel", True),
    ActionSpec("previous_mention", "&View", "Previous m&ention of the actor", ("Ctrl+[",),
               "Select the previous mention of the actor"),
    ActionSpec("library_actors", "&View", "Library &actors…", ("Ctrl+Shift+A",),
               "Actors across every article, with charts"),
    ActionSpec("show_library", "&View", "&Library", ("Alt+1",), "Show and focus the Library", True),
    ActionSpec("show_tags", "&View", "&Tags", ("Alt+2",), "Show and focus the Tags"),
    ActionSpec("show_quotes", "&View", "&Quotes", ("Alt+3",), "Show and focus the Quotes"),
    ActionSpec("show_actors", "&View", "A&ctors", ("Alt+4",), "Show and focus the Actors"),
    ActionSpec("show_annotations", "&View", "A&nnotations", ("Alt+5",), "Show and focus the Annotations"),
    ActionSpec("show_reader", "&View", "&Reader", ("Alt+0",), "Focus the article text"),
    ActionSpec("reanalyse", "&Article", "&Re-analyse", ("Ctrl+Shift+R",),
               "Run the pipeline again on this article; your corrections are kept"),
    # Library-wide views (issues 17, 18, 23) and Article > Compare coders… (issue 17).
    ActionSpec("compare_coders", "&Article", "&Compare coders…", (),
               "Compare two coders' highlights on this article and curate their disagreements", True),
    ActionSpec("library_quotes", "Li&brary", "All &quotes", ("Ctrl+Shift+Q",),
               "Every quote in the library (or the filtered library)"),
    ActionSpec("library_segments", "Li&brary", "&Retrieved segments", ("Ctrl+Shift+J",),
               "Every highlight with the chosen tags, across the library"),
    ActionSpec("library_matrix", "Li&brary", "Code &matrix", ("Ctrl+Shift+X",), "Tags × articles, as a heat map"),
    ActionSpec("library_report", "Li&brary", "Re&port…", (), "Who gets quoted: by gender, type, source and month"),
    ActionSpec("library_agreement", "Li&brary", "&Agreement…", (), "Agreement between coders, per tag and article",
               True),
    ActionSpec("improve_model", "Li&brary", "&Improve the model…", (),
               "Train the entity model on your corrections", True),
    ActionSpec("guide", "&Help", "&Getting started", (), "First steps in Byline"),
    ActionSpec("check_library", "&Help", "&Check library", (), "Check the library file for damage", True),
    ActionSpec("shortcuts", "&Help", "&Keyboard Shortcuts", ("F1",), "Every shortcut of Byline"),
    ActionSpec("about", "&Help", "&About Byline", (), "Versions of Byline, spaCy and the model"),
)


# The toolbar: the actions a reader uses most, with short names (None: a separator).
TOOLBAR = (
    ("new_article", "New"), ("open", "Open"), ("export", "Export"), ("print", "Print"), None,
    ("undo", "Undo"), ("redo", "Redo"), None,
    ("find", "Find"), ("previous_highlight", "◀ Highlight"), ("next_highlight", "Highlight ▶"), None,
    ("zoom_out", "A−"), ("zoom_in", "A+"),
)


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    toolbar = window.addToolBar("Main toolbar")
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for item in TOOLBAR:
        if item is None:
            toolbar.addSeparator()
            continue
        key, short = item
        action = actions[key]
        action.setIconText(short)  # the undo action's text changes; its button's does not
        toolbar.addAction(action)
        tip = action.statusTip()
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
    return toolbar


def build_actions(
    window: QMainWindow,
    slots: dict[str, Callable[[], None]],
    factories: dict[str, Callable[[], QAction]] | None = None,
) -> dict[str, QAction]:
    """Create the actions (or take them from ``factories``), put them in
    their menus with their shortcuts, and connect them."""
    factories = factories or {}
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = getattr(window, "menus", {})
    window.menus = menus  # type: ignore[attr-defined]
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
