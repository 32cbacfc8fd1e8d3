"""Light and dark themes: the application palette, following the system
unless the user chose one."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.core.colours import DARK, LIGHT

SYSTEM = "system"
CHOICES = (SYSTEM, LIGHT, DARK)
_standard: dict[str, QPalette] = {}


def resolve(choice: str) -> str:
    """The theme to show for a setting of system, light or dark."""
    if choice in (LIGHT, DARK):
        return choice
    scheme = QGuiApplication.styleHints().colorScheme()
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2e",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1e1e20",
        QPalette.ColorRole.AlternateBase: "#262629",
        QPalette.ColorRole.Text: "#f2f2f2",
        QPalette.ColorRole.Button: "#343438",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.ToolTipBase: "#3a3a3e",
        QPalette.ColorRole.ToolTipText: "#f2f2f2",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#a0a0a8",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Mid: "#505055",
        QPalette.ColorRole.Dark: "#18181a",
        QPalette.ColorRole.Light: "#4a4a50",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#77777c"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#77777c"))
    return palette


def apply(theme: str) -> None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if "light" not in _standard:
        _standard["light"] = app.palette()
    if theme == DARK:
        app.setStyle("Fusion")  # the native styles ignore a custom dark palette
        app.setPalette(dark_palette())
    else:
        app.setPalette(_standard["light"])
