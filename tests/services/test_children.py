"""Forked workers end when their parent is killed (item 12: spaCy's worker
processes stayed running after a ``kill -9`` of the import)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

PARENT = """
import os, sys, time
sys.path.insert(0, {root!r})
from desktop.services.children import forked_children_die_with_parent
if {arm}:
    forked_children_die_with_parent()
child = os.fork()
if child == 0:
    time.sleep(120)
    os._exit(0)
print(child, flush=True)
time.sleep(120)
"""


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A zombie is gone too: it waits only for init to reap it.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split(") ", 1)[1].startswith("Z")


def child_after_parent_killed(arm: bool) -> int:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parent = subprocess.Popen([sys.executable, "-c", PARENT.format(root=root, arm=arm)],
                              stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    return child


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")
def test_a_forked_worker_ends_when_its_parent_is_killed():
    child = child_after_parent_killed(arm=True)
    deadline = time.monotonic() + 20  # a bound for a loaded machine, not a measure
    try:
        while not gone(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert gone(child)
    finally:
        if not gone(child):
            os.kill(child, signal.SIGKILL)

