"""Headless subcommands of ``byline``: one module each, exposing

    NAME: str                       the subcommand word
    HELP: str                       one line for ``byline --help``
    def add_arguments(parser): ...  its options
    def run(args) -> int: ...       the exit status

and registered in ``COMMANDS`` below.  No Qt here.
"""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

# Subcommand words, in the order ``byline --help`` lists them; each is its
# module's name, but for the words in _MODULES.
COMMANDS = ("import", "list", "analyze", "export", "agreement", "evaluate", "report", "train", "check", "backup",
            "restore", "init-team", "copy", "analyze-pending")
# "import" is a Python keyword, and "list" a builtin: their modules say so.
_MODULES = {"import": "import_cmd", "list": "list_cmd", "init-team": "init_team", "copy": "copy_cmd",
            "analyze-pending": "analyze_pending"}


def load(name: str) -> ModuleType:
    return import_module(f"desktop.commands.{_MODULES.get(name, name)}")
