"""PySide's per-import check, quickened, answers as PySide's own does."""
from __future__ import annotations

import sys

import desktop.ui  # noqa: F401 - quickens the check
from desktop.ui import feature_check


def test_the_quick_check_agrees_with_pyside_on_every_loaded_module():
    quick = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert quick.quickened
    original = quick.original
    modules = [m for m in list(sys.modules.values()) if m is not None]
    assert any(quick(m) for m in modules) and not all(quick(m) for m in modules)
    assert [m.__name__ for m in modules if quick(m) != original(m)] == []


def test_quickening_twice_replaces_nothing_more():
    assert feature_check.quicken() is False
