"""Importing spaCy without its command-line interface.

``spacy/__init__.py`` imports ``spacy.cli.info`` for the one function
``spacy.info``, and with it the whole ``spacy.cli`` package: every command
of the ``spacy`` program with typer, requests, wasabi's tables and the
project tooling.  None of it is used to load or run a pipeline, and it is
about a third of the time ``import spacy`` takes, which a first start waits
for before the first analysis.

While spaCy itself is imported, two stand-in modules take the place of
``spacy.cli`` and ``spacy.cli.info``; they are taken out again right after,
so that anything importing ``spacy.cli`` later (training, ``spacy.info()``)
gets the real package.  ``spacy.info`` stays a small function that calls the
real one.
"""
from __future__ import annotations

import sys
import threading
from types import ModuleType
from typing import Any

_lock = threading.Lock()


def import_spacy() -> ModuleType:
    """``import spacy``, without importing ``spacy.cli`` on the way."""
    with _lock:
        if "spacy" in sys.modules or "spacy.cli" in sys.modules:
            import spacy

            return spacy
        cli = ModuleType("spacy.cli")
        cli.__path__ = []  # a package, so that "spacy.cli.info" can be imported from it
        info = ModuleType("spacy.cli.info")
        info.info = _info  # type: ignore[attr-defined]
        stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
        sys.modules.update(stand_ins)
        try:
            import spacy
        finally:
            for name, module in stand_ins.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
            parent = sys.modules.get("spacy")
            if parent is not None and getattr(parent, "cli", None) is cli:
                del parent.cli
        return spacy


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported when called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
