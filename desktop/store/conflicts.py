"""Undo that does not overwrite someone else's later change.

An undo command knows what its edit left behind; before it puts the old
value back, the store compares that with what is stored now.  When another
coder (or another window) changed it since, the undo is refused with one
sentence and changes nothing.  Callers pass ``expect=`` to the store
functions that take it; without it they behave as before.
"""
from __future__ import annotations

from desktop.core.errors import StoreError


class ChangedSinceError(StoreError):
    """What an undo would restore was changed since by someone else."""


def check_unchanged(what: str, current: object, expected: object) -> None:
    if expected is not None and current != expected:
        raise ChangedSinceError(
            f"{what} was changed since, by another coder or window; the undo would overwrite "
            "that change, so nothing was undone."
        )
