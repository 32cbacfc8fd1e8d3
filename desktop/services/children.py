"""Child processes that end with their parent.

spaCy's ``nlp.pipe(n_process=N)`` forks worker processes that wait on a
queue; when the parent is killed (``kill -9``, the OOM killer) nothing
tells them, and they stayed running for good.  On Linux each forked child
asks the kernel for a signal when its parent dies (``PR_SET_PDEATHSIG``).
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1
_armed = False


def forked_children_die_with_parent() -> None:
    """From now on, every process this one forks ends when it ends."""
    global _armed
    if _armed or sys.platform != "linux":
        return
    _armed = True
    parent = os.getpid()

    def arm() -> None:
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            return
        if os.getppid() != parent:  # the parent died before the request took hold
            os._exit(1)

    os.register_at_fork(after_in_child=arm)
