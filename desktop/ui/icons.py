"""The application icon, from ``resources/`` (inside the bundle when frozen)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from desktop.paths import resources_dir

ICON_NAME = "byline"


def icon_files(folder: Path | None = None) -> list[Path]:
    """The icon's SVG, then the PNG sizes ``make package`` generated, if any."""
    folder = folder or resources_dir()
    files = [folder / f"{ICON_NAME}.svg"]
    pngs = (folder / "icons").glob(f"{ICON_NAME}-*.png")
    files += sorted(pngs, key=lambda path: int(path.stem.rpartition("-")[2]))
    return [path for path in files if path.is_file()]


def app_icon() -> QIcon:
    """Byline's icon, for ``QApplication.setWindowIcon``; null when no file is found.

    The SVG comes first so that Qt picks its SVG icon engine (sharp at every
    size) where the ``qsvgicon`` plugin is present; the PNGs cover the
    common sizes exactly and serve where that plugin is missing.
    """
    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon
