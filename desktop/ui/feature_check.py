"""A quicker form of a check PySide6 makes on every import.

Once PySide6 is imported, it looks at every module imported after it
(``shibokensupport.feature.feature_imported``) to learn whether the module
mentions "PySide6" (only such a module can switch on PySide's
``__feature__`` options, which Byline does not use).  It finds out with
``inspect.getsource``, which first looks for the module among all of
``sys.modules`` and keeps each source file's lines in ``linecache``: over the
thousand modules of a start (spaCy is imported after Qt), about a tenth of a
second and some megabytes kept for nothing.

:func:`quicken` gives PySide the same answer from the module's file read as
bytes.  Modules that are not plain ``.py`` files are left to PySide's own
check.  When PySide6 changes this machinery, nothing is replaced.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = b"PySide6"


def quicken() -> bool:
    """Replace PySide's check (once); True when it was replaced."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "quickened", False):
        return False
    feature._mod_uses_pyside = _quick(original)
    return True


def _quick(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as handle:
                return _MARK in handle.read()
        except OSError:
            return original(module)

    uses_pyside.quickened = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    return uses_pyside
