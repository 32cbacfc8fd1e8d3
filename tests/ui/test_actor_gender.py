"""Gender corrections from the Actors panel's context menu: library-wide,
undoable, and said in the actor's tooltip with its evidence."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.store.actors import gender_rules


def _tooltip(dock, name: str) -> str:
    model = dock.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    return model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) or ""


def _menu_action(menu, *path: str):
    for text in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == text)
    return next(a for a in menu.actions() if a.text() == path[-1])


def test_gender_from_the_actors_context_menu_is_undoable_and_shown(make_window):
    window = make_window()
    dock = window.actors_dock
    person = next(a for a in window.session.actors if a.type == "person" and a.gender != "female")
    before = _tooltip(dock, person.name)
    assert f"Gender: {'a man' if person.gender == 'male' else person.gender}" in before
    window.actor_tools.choose(window.session.actors.index(person))
    dock.select_actor(window.session.actors.index(person))

    _menu_action(dock.context_menu(), "Gender", "Woman").trigger()
    assert gender_rules() == {person.name: "female"}
    assert "Gender: a woman — set by you (a correction for the whole library)" in _tooltip(dock, person.name)
    assert window.actions["undo"].text() == f"&Undo '{person.name}' is female"

    window.actions["undo"].trigger()
    assert gender_rules() == {}
    assert _tooltip(dock, person.name) == before

    window.actions["redo"].trigger()
    dock.select_actor(next(i for i, a in enumerate(window.session.actors) if a.name == person.name))
    _menu_action(dock.context_menu(), "Gender", "As the articles' evidence says").trigger()
    assert gender_rules() == {}
    assert _tooltip(dock, person.name) == before
