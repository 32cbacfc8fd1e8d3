"""Agreement between coders in the window: Article > Compare coders…
(``CompareCodersView``) and Library > Agreement (``AgreementView``).

Each widget is built from what it shows (an article's text, the coders,
the codebook, an undo stack, a function computing the figures) and knows
nothing of the main window.
"""
from __future__ import annotations

from desktop.ui.agreement.agreement_view import AgreementView
from desktop.ui.agreement.compare_view import CompareCodersView

__all__ = ["AgreementView", "CompareCodersView"]
