"""Errors that carry one clear sentence for the user."""
from __future__ import annotations


class BylineError(Exception):
    """Base class: ``str(error)`` is a sentence a user can act on."""


class InputError(BylineError):
    """A file cannot be imported (missing, empty, binary, undecodable...)."""


class StoreError(BylineError):
    """The library database cannot be opened or written."""


class PipelineError(BylineError):
    """No spaCy pipeline can be loaded."""


def first_cause(exc: BaseException) -> str:
    """The message of the error that started a chain ("database or disk is
    full"), not of the "cannot rollback" SQLite adds after it."""
    seen = {id(exc)}
    while exc.__context__ is not None and id(exc.__context__) not in seen:
        exc = exc.__context__
        seen.add(id(exc))
    return str(exc).rstrip(".")
