"""Everything PySide6: the window, its docks, dialogs and workers."""
from __future__ import annotations

import PySide6.QtCore  # noqa: F401 - installs PySide's import hook, quickened below

from desktop.ui.feature_check import quicken

quicken()
