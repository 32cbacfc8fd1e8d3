"""Everything PySide6: the window, its docks, dialogs and workers."""
from __future__ import annotations

import gc

# The window's process makes a great many long-lived objects as it starts
# (Qt's bindings, then spaCy and its model) and few reference cycles:
# collecting the youngest objects every 700 allocations walked them again
# and again, about 4 % of the time to the first article's highlights.
gc.set_threshold(100_000, 50, 100)

import PySide6.QtCore  # noqa: E402, F401 - after the threshold; installs PySide's import hook, quickened below

from desktop.ui.feature_check import quicken  # noqa: E402

quicken()
