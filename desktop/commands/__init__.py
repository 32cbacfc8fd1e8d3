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

# Module names, in the order ``byline --help`` lists them.
COMMANDS = ("analyze", "evaluate")


def load(name: str) -> ModuleType:
    return import_module(f"desktop.commands.{name}")
