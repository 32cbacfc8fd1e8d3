"""Form rows whose labels keep their keyboard mnemonic.

``QFormLayout.addRow(text, layout)`` makes a label with no buddy, so its
"&" shows as a stray ampersand ("spaCy &pipeline") and Alt+letter goes
nowhere.  A row of several widgets gets its label here, with the widget
the mnemonic should focus as its buddy."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QWidget


def add_row(form: QFormLayout, text: str, field: QLayout | QWidget, buddy: QWidget) -> QLabel:
    label = QLabel(text, form.parentWidget())
    label.setBuddy(buddy)
    form.addRow(label, field)
    return label


def literal(text: str) -> str:
    """``text`` (a title, a tag name, a selection) for a menu item, button or
    label: its ampersands shown as they are, not taken for mnemonics."""
    return text.replace("&", "&&")
