"""Agreement between coders in the window: Article > Compare coders…
(``CompareCodersView``) and Library > Agreement (``AgreementView``).

Each widget is built from what it shows (an article's text, the coders,
the codebook, an undo stack, a function computing the figures) and knows
nothing of the main window.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.ui.agreement.agreement_view import AgreementView
    from desktop.ui.agreement.compare_view import CompareCodersView

__all__ = ["AgreementView", "CompareCodersView"]
# Imported when asked for: the main window needs neither to show.
_MODULES = {"AgreementView": "agreement_view", "CompareCodersView": "compare_view"}


def __getattr__(name: str) -> type:
    if name in _MODULES:
        return getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
