"""Files shipped with Byline, found relative to the package (or the bundle)."""
from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding ``resources/`` and ``seeds/``."""
    bundle = getattr(sys, "_MEIPASS", None)  # a PyInstaller build
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    return app_root() / "seeds"


def resources_dir() -> Path:
    return app_root() / "resources"


def seed_files() -> list[Path]:
    folder = seeds_dir()
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []
