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
